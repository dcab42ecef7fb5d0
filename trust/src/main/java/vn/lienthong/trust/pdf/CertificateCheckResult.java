package vn.lienthong.trust.pdf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a {@link SignerCertificateCheck}: ok, or the reason the signer's certificate is not acceptable, in
 * Vietnamese and English.
 *
 * @param outcome  the verdict
 * @param vi       the explanation for a Vietnamese reader (for OK: a short confirmation, e.g. the chain)
 * @param en       the same in English
 * @param path     the chain that was validated, signer first, trust anchor last (empty when none was found)
 */
public record CertificateCheckResult(Outcome outcome, String vi, String en, List<X509Certificate> path) {

    /** The verdict on a certificate. */
    public enum Outcome {
        OK(null),
        UNTRUSTED(SignatureStatus.UNTRUSTED),
        REVOKED(SignatureStatus.REVOKED),
        EXPIRED(SignatureStatus.EXPIRED),
        NOT_YET_VALID(SignatureStatus.NOT_YET_VALID),
        REVOCATION_UNKNOWN(SignatureStatus.REVOCATION_UNKNOWN);

        private final SignatureStatus status;

        Outcome(SignatureStatus status) {
            this.status = status;
        }

        /** The signature status this outcome gives (null for OK). */
        public SignatureStatus status() {
            return status;
        }
    }

    public CertificateCheckResult {
        Objects.requireNonNull(outcome, "outcome");
        path = path == null ? List.of() : List.copyOf(path);
    }

    public static CertificateCheckResult ok(List<X509Certificate> path, String vi, String en) {
        return new CertificateCheckResult(Outcome.OK, vi, en, path);
    }

    public static CertificateCheckResult failed(Outcome outcome, String vi, String en) {
        if (outcome == Outcome.OK) {
            throw new IllegalArgumentException("use ok()");
        }
        return new CertificateCheckResult(outcome, vi, en, List.of());
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
