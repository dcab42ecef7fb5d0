package vn.lienthong.trust.evidence;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link EvidenceVerifier} found.
 *
 * @param valid       true when the signature holds, the signer is the gateway and the content is an evidence
 *                    record in canonical form
 * @param record      the record (null when the content is not one)
 * @param signer      the signer's certificate (null when not found)
 * @param signingTime the CMS signing time (null when absent)
 * @param reasonVi    a sentence for people, in Vietnamese
 * @param reasonEn    the same in English
 */
public record EvidenceCheck(boolean valid, EvidenceRecord record, X509Certificate signer, Instant signingTime,
        String reasonVi, String reasonEn) {

    public EvidenceCheck {
        Objects.requireNonNull(reasonVi, "reasonVi");
        Objects.requireNonNull(reasonEn, "reasonEn");
    }

    /** Vietnamese first, then the English in parentheses. */
    public String reason() {
        return reasonVi + " (" + reasonEn + ")";
    }
}
