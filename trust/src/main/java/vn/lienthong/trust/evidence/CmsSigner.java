package vn.lienthong.trust.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs bytes as a CMS SignedData with the content encapsulated, DER, as {@code openssl cms -verify -binary}
 * checks it: one SignerInfo with signed attributes (content type, signing time, message digest, algorithm
 * protection), the signer's certificate and its CA certificates embedded (self-signed roots left out: the verifier
 * brings its own anchors).
 *
 * <p>ECDSA keys sign SHA256withECDSA, RSA keys SHA256withRSA (PKCS#1 v1.5), both through Bouncy Castle (its ECDSA
 * P-256 is several times cheaper than the JDK's); the content digest is the JDK's SHA-256 (several times faster than
 * Bouncy Castle's). Thread-safe: each call builds its own signer.
 */
public final class CmsSigner {

    static final Provider BC = new BouncyCastleProvider();
    static final DigestCalculatorProvider JDK_DIGESTS;

    static {
        try {
            JDK_DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PrivateKey key;
    private final boolean bouncyCastleKey;
    private final X509Certificate certificate;
    private final X509CertificateHolder certificateHolder;
    private final List<X509CertificateHolder> embedded;
    private final String algorithm;

    /**
     * @param key   the signing key (EC P-256 or RSA)
     * @param chain the key's certificate first, then its CA certificates (as a PKCS#12 entry holds them)
     * @throws IllegalArgumentException when the key is neither EC nor RSA, or does not belong to the certificate
     */
    public CmsSigner(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is required");
        }
        this.certificate = chain.get(0);
        this.algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm()
                    + " (EC or RSA)");
        };
        PrivateKey converted = asBouncyCastleKey(key, algorithm);
        this.bouncyCastleKey = converted != null;
        this.key = converted != null ? converted : key;
        try {
            this.certificateHolder = new JcaX509CertificateHolder(certificate);
            List<X509CertificateHolder> holders = new ArrayList<>();
            holders.add(certificateHolder);
            for (X509Certificate ca : chain.subList(1, chain.size())) {
                if (!ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal())) {
                    holders.add(new JcaX509CertificateHolder(ca));
                }
            }
            this.embedded = List.copyOf(holders);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        checkKeyMatchesCertificate();
    }

    /** A signer from a key entry of a key store (e.g. the gateway's PKCS#12). */
    public static CmsSigner fromKeyStore(KeyStore keyStore, String alias, char[] password) {
        try {
            if (!(keyStore.getKey(alias, password) instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("no private key under alias " + alias);
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : keyStore.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new CmsSigner(privateKey, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read key entry " + alias, e);
        }
    }

    /** Signs {@code content}: a DER CMS SignedData that encapsulates it. */
    public byte[] sign(byte[] content) {
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (bouncyCastleKey) {
                builder.setProvider(BC);
            }
            ContentSigner contentSigner = builder.build(key);
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(JDK_DIGESTS)
                    .build(contentSigner, certificateHolder);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            for (X509CertificateHolder holder : embedded) {
                generator.addCertificate(holder);
            }
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException e) {
            throw new IllegalStateException("CMS signing failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@code SHA256withECDSA} or {@code SHA256withRSA}. */
    public String signatureAlgorithm() {
        return algorithm;
    }

    /**
     * The key as a Bouncy Castle key object. Bouncy Castle converts a JDK key object on every initSign, which costs
     * twice the ECDSA signature itself (about 175 µs against 85 on this project's machines), so convert once.
     * A key that cannot be exported (a PKCS#11 token) gives null: it stays as it is and signs with its own
     * provider.
     */
    private static PrivateKey asBouncyCastleKey(PrivateKey given, String algorithm) {
        byte[] encoded = given.getEncoded();
        if (encoded == null || !"PKCS#8".equalsIgnoreCase(given.getFormat())) {
            return null;
        }
        try {
            return KeyFactory.getInstance(algorithm.endsWith("ECDSA") ? "EC" : "RSA", BC)
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot be read as " + given.getAlgorithm(), e);
        }
    }

    private void checkKeyMatchesCertificate() {
        try {
            byte[] probe = "lienthong-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signature = bouncyCastleKey ? Signature.getInstance(algorithm, BC)
                    : Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(probe);
            byte[] value = signature.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certificate.getPublicKey());
            verify.update(probe);
            if (!verify.verify(value)) {
                throw new IllegalArgumentException("the private key does not belong to the certificate "
                        + certificate.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot sign with " + algorithm, e);
        }
    }
}
