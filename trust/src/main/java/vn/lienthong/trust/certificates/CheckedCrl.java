package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A CRL with the rules for using it as a revocation answer. The signature check against an issuer's key is done once
 * and remembered.
 *
 * <p>A CRL answers for a certificate when: its issuer name is the certificate's issuer; it verifies with the
 * issuer's public key; it is fresh ({@code thisUpdate <= now + skew} and {@code now <= nextUpdate}; a CRL without
 * nextUpdate is never fresh); it is a complete CRL (no delta indicator, no unknown critical extension); and its
 * issuing distribution point, if any, covers the certificate (no indirect CRLs, no reason-partitioned CRLs).
 */
final class CheckedCrl {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String IDP = Extension.issuingDistributionPoint.getId();
    private static final String DELTA = Extension.deltaCRLIndicator.getId();

    private final X509CRL crl;
    private final String source;
    private final Map<PublicKey, Boolean> verified = new ConcurrentHashMap<>();

    CheckedCrl(X509CRL crl, String source) {
        this.crl = crl;
        this.source = source;
    }

    X509CRL crl() {
        return crl;
    }

    String source() {
        return source;
    }

    Instant nextUpdate() {
        return crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
    }

    boolean isFresh(Instant now) {
        Instant next = nextUpdate();
        return next != null && !now.isAfter(next)
                && !crl.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW));
    }

    boolean isFrom(X509Certificate issuer) {
        return crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
    }

    /**
     * The answer this CRL gives about {@code certificate} (issued by {@code issuer}) at {@code now}, or null when
     * it cannot answer (another issuer, bad signature, stale, out of scope); {@code why} receives the reason.
     */
    RevocationAnswer answer(X509Certificate certificate, X509Certificate issuer, Instant now, StringBuilder why) {
        if (!isFrom(issuer)) {
            why.append(source).append(": issued by another CA");
            return null;
        }
        if (!verifiesWith(issuer.getPublicKey())) {
            why.append(source).append(": signature does not verify with the issuer's key");
            return null;
        }
        if (!isFresh(now)) {
            why.append(source).append(": stale (nextUpdate ").append(nextUpdate()).append(")");
            return null;
        }
        String scope = scopeProblem(certificate);
        if (scope != null) {
            why.append(source).append(": ").append(scope);
            return null;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null || entry.getRevocationReason() == java.security.cert.CRLReason.REMOVE_FROM_CRL) {
            return RevocationAnswer.good(source);
        }
        return RevocationAnswer.revoked(source, entry.getRevocationDate().toInstant(), entry.getRevocationReason());
    }

    private boolean verifiesWith(PublicKey key) {
        return verified.computeIfAbsent(key, k -> {
            try {
                crl.verify(k);
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        });
    }

    private String scopeProblem(X509Certificate certificate) {
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!oid.equals(IDP)) {
                    return oid.equals(DELTA) ? "a delta CRL" : "unknown critical extension " + oid;
                }
            }
        }
        if (crl.getExtensionValue(DELTA) != null) {
            return "a delta CRL";
        }
        byte[] idpValue = crl.getExtensionValue(IDP);
        if (idpValue == null) {
            return null;
        }
        IssuingDistributionPoint idp;
        try {
            idp = IssuingDistributionPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(idpValue));
        } catch (IOException | IllegalArgumentException e) {
            return "unreadable issuing distribution point";
        }
        boolean isCa = certificate.getBasicConstraints() >= 0;
        if (idp.isIndirectCRL()) {
            return "an indirect CRL";
        }
        if (idp.getOnlySomeReasons() != null) {
            return "a CRL partitioned by reason";
        }
        if (idp.onlyContainsAttributeCerts() || (idp.onlyContainsCACerts() && !isCa)
                || (idp.onlyContainsUserCerts() && isCa)) {
            return "does not cover this kind of certificate";
        }
        DistributionPointName name = idp.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
            List<URI> scope = CertificateExtensions.uris(GeneralNames.getInstance(name.getName()));
            List<URI> pointers = CertificateExtensions.crlDistributionPoints(certificate);
            if (pointers.stream().noneMatch(scope::contains)) {
                return "its distribution point is not one the certificate names";
            }
        }
        return null;
    }
}
