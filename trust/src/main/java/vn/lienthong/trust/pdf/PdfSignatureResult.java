package vn.lienthong.trust.pdf;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on one signature of a PDF.
 *
 * @param index             1-based, in signing order (by the revision each signature covers)
 * @param fieldName         the signature field's fully qualified name
 * @param status            {@link SignatureStatus#VALID}, or the most severe of {@code problems}
 * @param problems          every reason the signature is not valid, most severe first (empty when valid)
 * @param notes             observations that are not failures (a weak digest, later signatures, …)
 * @param signer            who signed, from the certificate the signature verifies with (null when the signature
 *                          carries no usable certificate)
 * @param signingTime       the claimed signing time, or null
 * @param signingTimeSource where {@code signingTime} comes from
 * @param subFilter         {@code /SubFilter}: {@code adbe.pkcs7.detached}, {@code ETSI.CAdES.detached}, …
 * @param digestAlgorithm   the CMS digest algorithm ({@code SHA256}, …), or null
 * @param coverage          how much of the file the signature covers
 * @param signedRevisionLength where the signed bytes end (the length of the signed revision), or -1
 * @param fileLength        the length of the whole file
 * @param certificateCheck  the certificate check's answer (null when it was not asked: no certificate)
 * @param reason            {@code /Reason} of the signature dictionary, or null
 * @param location          {@code /Location}, or null
 * @param name              {@code /Name}, or null
 */
public record PdfSignatureResult(int index, String fieldName, SignatureStatus status, List<Problem> problems,
        List<Note> notes, SignerIdentity signer, Instant signingTime, SigningTimeSource signingTimeSource,
        String subFilter, String digestAlgorithm, Coverage coverage, long signedRevisionLength, long fileLength,
        CertificateCheckResult certificateCheck, String reason, String location, String name) {

    public PdfSignatureResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean valid() {
        return status == SignatureStatus.VALID;
    }

    /** The sentence for a Vietnamese reader: the verdict, then the specific reason when not valid. */
    public String messageVi() {
        if (problems.isEmpty()) {
            return status.vi();
        }
        return status.vi() + ": " + problems.get(0).vi();
    }

    /** The same in English. */
    public String messageEn() {
        if (problems.isEmpty()) {
            return status.en();
        }
        return status.en() + ": " + problems.get(0).en();
    }
}
