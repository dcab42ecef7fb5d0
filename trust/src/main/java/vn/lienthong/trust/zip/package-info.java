/**
 * Attachments that may be ZIPs: {@link vn.lienthong.trust.zip.SafeUnzip} opens them as a stream, under limits
 * ({@link vn.lienthong.trust.zip.UnzipLimits}), refusing zip bombs, path traversal, deep nesting and inconsistent
 * archives with a {@link vn.lienthong.trust.zip.ZipRefusedException}; {@link vn.lienthong.trust.zip.FileMagic}
 * tells a ZIP, a PDF and anything else apart by their first bytes.
 */
package vn.lienthong.trust.zip;
