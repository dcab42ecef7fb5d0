package vn.lienthong.trust.pdf;

import java.util.List;

/**
 * The verdict on one PDF: every signature it carries, and an overall status.
 *
 * @param size       bytes of the file
 * @param sha256     SHA-256 of the file, lowercase hex (what the verdict is about)
 * @param status     {@link SignatureStatus#NO_SIGNATURE} when there is none, {@link SignatureStatus#UNREADABLE}
 *                   when the file cannot be read as a PDF, {@link SignatureStatus#VALID} when every signature is
 *                   valid, otherwise the most severe status of a signature
 * @param vi         a one-line summary for a Vietnamese reader
 * @param en         the same in English
 * @param signatures per signature, in signing order
 */
public record PdfVerificationReport(long size, String sha256, SignatureStatus status, String vi, String en,
        List<PdfSignatureResult> signatures) {

    public PdfVerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** At least one signature, and every signature valid. */
    public boolean allValid() {
        return status == SignatureStatus.VALID;
    }
}
