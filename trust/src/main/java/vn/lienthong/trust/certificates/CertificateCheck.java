package vn.lienthong.trust.certificates;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CertificateValidator} found about a signer's certificate.
 *
 * @param code        {@link Code#OK} when the certificate is accepted, otherwise why it is refused
 * @param revocation  what revocation checking said about the certificate (and every CA below the trust anchor);
 *                    {@link Revocation#UNKNOWN} with code OK means the policy was ALLOW and no answer could be had
 * @param binding     how the certificate was bound to the sender ({@link Binding#NONE} unless it was)
 * @param certificate the certificate that was checked
 * @param path        the validated path, signer first, trust anchor last; empty when no path was built
 * @param validatedAt the time the certificate was judged at (validity period, chain, revocation date)
 * @param revocationSource where the revocation answer came from ({@code crl-file:...}, {@code crl:http://...},
 *                    {@code ocsp:http://...}), or what was tried when there was none; empty when not checked
 * @param reasonVi    a sentence for people, in Vietnamese
 * @param reasonEn    the same sentence in English (for logs)
 */
public record CertificateCheck(Code code, Revocation revocation, Binding binding, X509Certificate certificate,
        List<X509Certificate> path, Instant validatedAt, String revocationSource, String reasonVi, String reasonEn) {

    /** The outcome: OK, or the code of the first check that failed (stable: the gateway's error table uses it). */
    public enum Code {
        /** The certificate is accepted for this sender at this time. */
        OK,
        /** No path to a configured trust anchor (self-signed, unknown CA, bad signature in the chain, CA expired). */
        UNTRUSTED,
        /** The certificate (or a CA in its path) is revoked. */
        REVOKED,
        /** The certificate's notAfter is before the validation time. */
        EXPIRED,
        /** The certificate's notBefore is after the validation time. */
        NOT_YET_VALID,
        /** The certificate belongs to another agency than the sender. */
        NOT_SENDERS,
        /** The key usage allows neither digitalSignature nor nonRepudiation. */
        BAD_KEY_USAGE,
        /** No revocation answer could be had and the policy is REFUSE. */
        REVOCATION_UNKNOWN
    }

    /** What revocation checking found. */
    public enum Revocation {
        /** An authoritative, fresh answer says good for every certificate of the path. */
        GOOD,
        /** The certificate or a CA of its path is revoked. */
        REVOKED,
        /** No answer could be had for at least one certificate of the path. */
        UNKNOWN,
        /** Revocation was not checked: an earlier check already refused the certificate. */
        NOT_CHECKED
    }

    /** How the certificate was tied to the sender's agency code. */
    public enum Binding {
        /** The certificate's organizationIdentifier (2.5.4.97) equals the agency code. */
        ORGANIZATION_IDENTIFIER,
        /** The certificate's SHA-256 fingerprint is registered for the agency. */
        REGISTERED_FINGERPRINT,
        /** Not bound (refused before the binding was checked, refused as NOT_SENDERS, or no sender was asked). */
        NONE
    }

    public CertificateCheck {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(reasonVi, "reasonVi");
        Objects.requireNonNull(reasonEn, "reasonEn");
        path = path == null ? List.of() : List.copyOf(path);
        revocationSource = revocationSource == null ? "" : revocationSource;
    }

    /** True when the certificate is accepted (possibly with revocation UNKNOWN under the ALLOW policy). */
    public boolean isOk() {
        return code == Code.OK;
    }

    /** Vietnamese first, then the English in parentheses: the form of the gateway's ErrorDesc. */
    public String reason() {
        return reasonVi + " (" + reasonEn + ")";
    }

    @Override
    public String toString() {
        return code + " revocation=" + revocation + " binding=" + binding + " subject="
                + certificate.getSubjectX500Principal().getName() + ": " + reasonEn;
    }
}
