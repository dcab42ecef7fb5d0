package vn.lienthong.trust.pdf;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SignerCertificateCheck} is asked about one signature.
 *
 * @param signer            the certificate the signature verifies with
 * @param certificates      every certificate the signature carries (its CMS certificate set), the signer's first:
 *                          candidates for the chain, not trusted by themselves
 * @param signingTime       the signing time the signer claims, or null
 * @param signingTimeSource where {@code signingTime} comes from
 * @param validationTime    now (or the time the gateway received the document): the signature existed then
 */
public record CertificateCheckRequest(X509Certificate signer, List<X509Certificate> certificates,
        Instant signingTime, SigningTimeSource signingTimeSource, Instant validationTime) {

    public CertificateCheckRequest {
        Objects.requireNonNull(signer, "signer");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(signingTimeSource, "signingTimeSource");
        Objects.requireNonNull(validationTime, "validationTime");
    }

    /**
     * The time the certificate must have been valid at: the claimed signing time, unless there is none or it lies
     * after the validation time (a signature cannot have been made after it was received), then the validation time.
     */
    public Instant certificateTime() {
        if (signingTime == null || signingTime.isAfter(validationTime)) {
            return validationTime;
        }
        return signingTime;
    }
}
