package vn.lienthong.trust.certificates;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The agency a certificate must belong to: the agency code of the packet's {@code From}, and the SHA-256
 * fingerprints of certificates the directory registers for that agency (certificates whose subject does not carry
 * the code, e.g. from a CA that does not set organizationIdentifier).
 *
 * @param agencyCode             the sender's agency code (mã định danh), e.g. {@code 000.00.00.D41}
 * @param registeredFingerprints SHA-256 fingerprints in any usual spelling (normalized here); may be empty
 */
public record ExpectedSender(String agencyCode, Set<String> registeredFingerprints) {

    public ExpectedSender {
        Objects.requireNonNull(agencyCode, "agencyCode");
        if (agencyCode.isBlank()) {
            throw new IllegalArgumentException("agencyCode is blank");
        }
        agencyCode = agencyCode.strip();
        Set<String> normalized = new LinkedHashSet<>();
        if (registeredFingerprints != null) {
            for (String fingerprint : registeredFingerprints) {
                normalized.add(CertificateIdentity.normalizeFingerprint(fingerprint));
            }
        }
        registeredFingerprints = Set.copyOf(normalized);
    }

    /** A sender bound only by the certificate's organizationIdentifier. */
    public static ExpectedSender of(String agencyCode) {
        return new ExpectedSender(agencyCode, Set.of());
    }

    /** A sender bound by organizationIdentifier or by one of the registered fingerprints. */
    public static ExpectedSender of(String agencyCode, Collection<String> registeredFingerprints) {
        return new ExpectedSender(agencyCode, registeredFingerprints == null ? Set.of()
                : new LinkedHashSet<>(registeredFingerprints));
    }
}
