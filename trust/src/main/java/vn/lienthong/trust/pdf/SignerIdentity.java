package vn.lienthong.trust.pdf;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.lienthong.trust.certificates.CertificateIdentity;

/**
 * Who signed: read from the signer's certificate.
 *
 * @param subject                the subject, attributes named as Bouncy Castle's BCStyle does
 *                               ({@code CN=…,organizationIdentifier=…})
 * @param commonName             the CN (the agency's or the person's name), or null
 * @param organizationIdentifier the agency code (mã định danh) as {@link CertificateIdentity#agencyCode} reads
 *                               it, or null when the certificate is bound to none
 * @param organization           the O attribute, or null
 * @param issuer                 the issuer's subject, same format
 * @param serialNumber           the serial number, lowercase hex
 * @param notBefore              start of validity
 * @param notAfter               end of validity
 * @param sha256                 SHA-256 fingerprint of the certificate ({@link CertificateIdentity#sha256Fingerprint})
 */
public record SignerIdentity(String subject, String commonName, String organizationIdentifier, String organization,
        String issuer, String serialNumber, Instant notBefore, Instant notAfter, String sha256) {

    public static SignerIdentity of(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded());
        X500Name issuer = X500Name.getInstance(BCStyle.INSTANCE, certificate.getIssuerX500Principal().getEncoded());
        return new SignerIdentity(subject.toString(), single(subject, BCStyle.CN),
                CertificateIdentity.agencyCode(certificate).orElse(null), single(subject, BCStyle.O),
                issuer.toString(), certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), CertificateIdentity.sha256Fingerprint(certificate));
    }

    /** "CN [code]" for display: the name the clerk recognises, with the agency code when there is one. */
    public String displayName() {
        String name = commonName != null ? commonName : subject;
        return organizationIdentifier != null ? name + " [" + organizationIdentifier + "]" : name;
    }

    /** The common name of a certificate's subject, or its whole subject when it has none. */
    static String shortName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded());
        String cn = single(subject, BCStyle.CN);
        return cn != null ? cn : subject.toString();
    }

    private static String single(X500Name name, ASN1ObjectIdentifier type) {
        String value = null;
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!type.equals(attribute.getType())) {
                    continue;
                }
                ASN1Encodable encodable = attribute.getValue();
                if (value != null || !(encodable instanceof ASN1String string)) {
                    return null;
                }
                value = string.getString().strip();
            }
        }
        return value == null || value.isEmpty() ? null : value;
    }
}
