package vn.lienthong.trust.pdf;

import vn.lienthong.trust.classification.ClassificationMark;

/**
 * One file of an attachment (the attachment itself, or an entry of its ZIP).
 *
 * @param path   the entry name ({@code outer.zip!/inner.pdf} when nested), or the attachment's name
 * @param size   bytes
 * @param sha256 SHA-256 of the file, lowercase hex
 * @param pdf    whether it is a PDF (by its {@code %PDF-} header, not by its name)
 * @param report the signature report of a PDF (null otherwise)
 * @param mark   the classification mark near the top of a PDF's first page (null when none, or not a PDF)
 */
public record AttachedFile(String path, long size, String sha256, boolean pdf, PdfVerificationReport report,
        ClassificationMark mark) {

    public AttachedFile(String path, long size, String sha256, boolean pdf, PdfVerificationReport report) {
        this(path, size, sha256, pdf, report, null);
    }
}
