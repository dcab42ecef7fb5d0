package vn.lienthong.trust.chain;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What {@link ChainHeadVerifier} found.
 *
 * @param valid    true when the signature holds, the signer is the gateway and the content is a chain head
 * @param head     the head (null unless valid)
 * @param signer   the signer's certificate (null when not found)
 * @param reasonVi a sentence for operators, in Vietnamese
 * @param reasonEn the same in English
 */
public record ChainHeadCheck(boolean valid, ChainHead head, X509Certificate signer, String reasonVi,
        String reasonEn) {

    public ChainHeadCheck {
        Objects.requireNonNull(reasonVi, "reasonVi");
        Objects.requireNonNull(reasonEn, "reasonEn");
    }

    /** Vietnamese first, then the English in parentheses. */
    public String reason() {
        return reasonVi + " (" + reasonEn + ")";
    }
}
