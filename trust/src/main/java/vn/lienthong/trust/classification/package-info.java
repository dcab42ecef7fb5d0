/**
 * Classified documents (văn bản mật) kept out: {@link vn.lienthong.trust.classification.ClassificationMarkFinder}
 * finds the marks TUYỆT MẬT, TỐI MẬT and MẬT standing alone in a line of text or near the top of a PDF's first page.
 * Plain Java and PDFBox, no framework.
 */
package vn.lienthong.trust.classification;
