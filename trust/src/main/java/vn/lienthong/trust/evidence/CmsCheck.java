package vn.lienthong.trust.evidence;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link CmsVerifier} found in a CMS SignedData.
 *
 * @param valid       true when the signature verifies, the signer is accepted and the content is encapsulated
 * @param content     the encapsulated content (null when it could not be read)
 * @param signer      the signer's certificate (null when not found)
 * @param signingTime the signed signing-time attribute (null when absent)
 * @param reasonVi    a sentence for people, in Vietnamese
 * @param reasonEn    the same in English
 */
public record CmsCheck(boolean valid, byte[] content, X509Certificate signer, Instant signingTime, String reasonVi,
        String reasonEn) {

    public CmsCheck {
        Objects.requireNonNull(reasonVi, "reasonVi");
        Objects.requireNonNull(reasonEn, "reasonEn");
    }

    static CmsCheck invalid(byte[] content, X509Certificate signer, Instant signingTime, String vi, String en) {
        return new CmsCheck(false, content, signer, signingTime, vi, en);
    }

    /** Vietnamese first, then the English in parentheses. */
    public String reason() {
        return reasonVi + " (" + reasonEn + ")";
    }
}
