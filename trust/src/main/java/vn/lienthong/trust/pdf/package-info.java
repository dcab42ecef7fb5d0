/**
 * Signed PDFs: who signed an edXML attachment, and is it what they signed.
 *
 * <ul>
 * <li>{@link vn.lienthong.trust.pdf.PdfSignatureVerifier}: every signature of one PDF (integrity, coverage,
 * signer's certificate), as a {@link vn.lienthong.trust.pdf.PdfVerificationReport};</li>
 * <li>{@link vn.lienthong.trust.pdf.AttachmentSignatureInspector}: one attachment (the SDK's ZIP or a bare file) to
 * an {@link vn.lienthong.trust.pdf.AttachmentSignatureReport}, what the gateway records and shows;</li>
 * <li>{@link vn.lienthong.trust.pdf.SignerCertificateCheck}: the certificate decision, pluggable;
 * {@link vn.lienthong.trust.pdf.CertificateValidatorSignerCheck} puts the packet signer's
 * {@link vn.lienthong.trust.certificates.CertificateValidator} behind it;</li>
 * <li>{@link vn.lienthong.trust.pdf.SignatureFieldVerifier} (package-private): the steps for one signature.</li>
 * </ul>
 *
 * Every verdict carries a code ({@link vn.lienthong.trust.pdf.SignatureStatus}) and a reason in Vietnamese and in
 * English. Plain Java: PDFBox and Bouncy Castle, no framework.
 */
package vn.lienthong.trust.pdf;
