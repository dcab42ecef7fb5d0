package vn.lienthong.trust.certificates;

import java.security.cert.CRLReason;
import java.time.Instant;

/**
 * One revocation answer about one certificate from one source.
 *
 * @param status  GOOD or REVOKED
 * @param source  where it came from ({@code crl-file:...}, {@code crl:...}, {@code ocsp:...})
 * @param revokedAt when it was revoked (REVOKED only)
 * @param reason  the revocation reason (REVOKED only; UNSPECIFIED when absent)
 */
record RevocationAnswer(Status status, String source, Instant revokedAt, CRLReason reason) {

    enum Status { GOOD, REVOKED }

    static RevocationAnswer good(String source) {
        return new RevocationAnswer(Status.GOOD, source, null, null);
    }

    static RevocationAnswer revoked(String source, Instant revokedAt, CRLReason reason) {
        return new RevocationAnswer(Status.REVOKED, source, revokedAt,
                reason == null ? CRLReason.UNSPECIFIED : reason);
    }

    /**
     * Whether a revocation matters for a validation at {@code at}: a certificate revoked after {@code at} was still
     * good then, unless its key was compromised (a compromise taints everything the key ever signed) or it is on
     * hold.
     */
    static boolean revokedAsOf(Instant revokedAt, CRLReason reason, Instant at) {
        if (reason == CRLReason.KEY_COMPROMISE || reason == CRLReason.CA_COMPROMISE
                || reason == CRLReason.AA_COMPROMISE || reason == CRLReason.CERTIFICATE_HOLD) {
            return true;
        }
        return revokedAt == null || !revokedAt.isAfter(at);
    }
}
