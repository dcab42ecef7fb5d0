package vn.lienthong.trust.certificates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who a certificate names: the agency code it is bound to and its SHA-256 fingerprint.
 *
 * <p>The agency code (mã định danh) is the value of the subject attribute {@code organizationIdentifier}
 * (OID 2.5.4.97). This is the one place that reads it; the sample PKI only names which code each of its
 * certificates carries.
 */
public final class CertificateIdentity {

    private static final HexFormat HEX = HexFormat.of();

    private CertificateIdentity() {
    }

    /**
     * The agency code the certificate is bound to: the subject's {@code organizationIdentifier}. Empty when the
     * attribute is absent, not a string, blank, or present more than once (ambiguous, so bound to nothing).
     */
    public static Optional<String> agencyCode(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String code = null;
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!BCStyle.ORGANIZATION_IDENTIFIER.equals(attribute.getType())) {
                    continue;
                }
                ASN1Encodable value = attribute.getValue();
                if (code != null || !(value instanceof ASN1String string)) {
                    return Optional.empty();
                }
                code = string.getString();
            }
        }
        return Optional.ofNullable(code).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The SHA-256 fingerprint of the certificate's DER encoding: 64 lower-case hex digits, no separators. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * A fingerprint as people write it ({@code AB:CD:...}, {@code ab cd ...}, {@code abcd...}) in the form
     * {@link #sha256Fingerprint} returns.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    public static String normalizeFingerprint(String fingerprint) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("fingerprint is null");
        }
        StringBuilder hex = new StringBuilder(64);
        for (char c : fingerprint.strip().toCharArray()) {
            if (c == ':' || c == ' ' || c == '-') {
                continue;
            }
            hex.append(c);
        }
        String normalized = hex.toString().toLowerCase(Locale.ROOT);
        if (normalized.length() != 64 || !normalized.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits): " + fingerprint);
        }
        return normalized;
    }

    /** The subject for logs and messages. */
    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
