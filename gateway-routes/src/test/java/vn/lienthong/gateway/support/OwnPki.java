package vn.lienthong.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A deployment's own PKI, made fresh for a test: a CA (PEM) and an evidence key (PKCS#12, ECDSA P-256) issued by
 * it. Nothing of the sample PKI, so a production start accepts it.
 */
public record OwnPki(Path caPem, Path evidenceKeystore, String password, String alias) {

    public static OwnPki create(Path dir) {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = ecKeys();
            X509Certificate ca = certificate("CN=Own test CA", caKeys.getPublic(), "CN=Own test CA",
                    caKeys.getPrivate(), true);
            KeyPair evidenceKeys = ecKeys();
            X509Certificate evidence = certificate("CN=Own gateway evidence", evidenceKeys.getPublic(),
                    "CN=Own test CA", caKeys.getPrivate(), false);
            Path caPem = dir.resolve("own-ca.pem");
            Files.writeString(caPem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            String password = "own-test-password";
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("gateway", evidenceKeys.getPrivate(), password.toCharArray(),
                    new Certificate[] {evidence, ca});
            Path p12 = dir.resolve("own-evidence.p12");
            try (OutputStream out = Files.newOutputStream(p12)) {
                store.store(out, password.toCharArray());
            }
            return new OwnPki(caPem, p12, password, "gateway");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings a production start needs for trust and keys, as command-line arguments. */
    public String[] productionArguments() {
        return new String[] {
                "--gateway.intake.trust-anchors=file:" + caPem,
                "--gateway.evidence.trust-anchors=file:" + caPem,
                "--gateway.evidence.keystore=file:" + evidenceKeystore,
                "--gateway.evidence.password=" + password,
                "--gateway.evidence.alias=" + alias,
                "--gateway.secrets.key=" + java.util.Base64.getEncoder().encodeToString(new byte[32])};
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
                                               boolean ca) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(ca ? 0 : 1)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name(subject), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, ca
                ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
