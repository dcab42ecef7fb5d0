package vn.lienthong.trust.certificates;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.lienthong.certs.SamplePki;

/**
 * Issues test certificates and CRLs at test time, under the committed sample agency CA (whose key is in
 * {@link SamplePki}) or under a throw-away key: leaves that carry a CRL distribution point and an OCSP AIA pointing
 * at a local server, delegated OCSP responder certificates, self-signed strangers.
 */
final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCa() {
    }

    /** What to put in a leaf. */
    record Leaf(String agencyCode, BigInteger serial, Instant notBefore, Instant notAfter, URI crlDistributionPoint,
            URI ocspResponder, int keyUsage) {

        static Leaf of(String agencyCode) {
            Instant now = Instant.now();
            return new Leaf(agencyCode, TestCa.serial(), now.minusSeconds(3600), now.plusSeconds(365L * 24 * 3600),
                    null, null, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        }

        Leaf withSerial(BigInteger value) {
            return new Leaf(agencyCode, value, notBefore, notAfter, crlDistributionPoint, ocspResponder, keyUsage);
        }

        Leaf withCrl(URI uri) {
            return new Leaf(agencyCode, serial, notBefore, notAfter, uri, ocspResponder, keyUsage);
        }

        Leaf withOcsp(URI uri) {
            return new Leaf(agencyCode, serial, notBefore, notAfter, crlDistributionPoint, uri, keyUsage);
        }

        Leaf withKeyUsage(int usage) {
            return new Leaf(agencyCode, serial, notBefore, notAfter, crlDistributionPoint, ocspResponder, usage);
        }
    }

    static BigInteger serial() {
        return new BigInteger(100, RANDOM).setBit(99);
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate agencyCa() {
        return SamplePki.agencyCa();
    }

    static PrivateKey agencyCaKey() {
        return SamplePki.privateKey(SamplePki.AGENCY_CA);
    }

    /** A leaf issued by the sample agency CA. */
    static X509Certificate issue(Leaf leaf) {
        return issue(leaf, ecKeys(), agencyCa(), agencyCaKey());
    }

    static X509Certificate issue(Leaf leaf, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), leaf.serial(),
                    Date.from(leaf.notBefore()), Date.from(leaf.notAfter()), name(leaf.agencyCode(), "Test leaf"),
                    keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.getPublicKey()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(leaf.keyUsage()));
            if (leaf.crlDistributionPoint() != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                                GeneralName.uniformResourceIdentifier, leaf.crlDistributionPoint().toString()))),
                                null, null)}));
            }
            if (leaf.ocspResponder() != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                                leaf.ocspResponder().toString())));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(algorithm(issuerKey)).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    /** A responder certificate the agency CA delegates OCSP signing to (EKU id-kp-OCSPSigning). */
    static X509Certificate ocspResponder(KeyPair keys) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(agencyCa().getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)),
                    name(null, "Test OCSP responder"), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(agencyCaKey())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate that looks like an agency's but chains to nothing trusted. */
    static X509Certificate selfSigned(String agencyCode, KeyPair keys) {
        try {
            Instant now = Instant.now();
            X500Name name = name(agencyCode, "Self-signed stranger");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.nonRepudiation | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(algorithm(keys.getPrivate())).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL in the agency CA's name, signed with {@code key} (the CA's, or a forger's). */
    static X509CRL crl(PrivateKey key, Instant thisUpdate, Instant nextUpdate, Map<BigInteger, Instant> revoked) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(agencyCa().getSubjectX500Principal(),
                    Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Map.Entry<BigInteger, Instant> entry : revoked.entrySet()) {
                builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue()), CRLReason.superseded);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder(algorithm(key)).build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509CRL crl(Instant thisUpdate, Instant nextUpdate, Map<BigInteger, Instant> revoked) {
        return crl(agencyCaKey(), thisUpdate, nextUpdate, revoked);
    }

    static String algorithm(PrivateKey key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static X500Name name(String agencyCode, String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.C, "VN");
        builder.addRDN(BCStyle.O, "Lien thong (thu nghiem)");
        if (agencyCode != null) {
            builder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, agencyCode);
        }
        builder.addRDN(BCStyle.CN, commonName);
        return builder.build();
    }

    static List<X509Certificate> list(X509Certificate... certificates) {
        return new ArrayList<>(List.of(certificates));
    }
}
