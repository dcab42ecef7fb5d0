package vn.lienthong.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Writes the sample PKI of the project into a directory: a root CA, an agency CA under it, the gateway's
 * certificates, one certificate per sample agency, a revoked and an expired agency certificate, and the two CRLs.
 *
 * <p>For tests and the embedded default run only; nothing here is fit for production. The committed set lives in
 * {@code certs-sample/src/main/resources/vn/lienthong/certs/sample/}; see the module README for the command that
 * regenerates it. Every run makes new keys, so regenerating changes every file.
 *
 * <p>Subjects are plain ASCII (Vietnamese without diacritics) so that they read the same in every tool; each
 * agency certificate carries the agency code (mã định danh) in {@code organizationIdentifier} (OID 2.5.4.97),
 * the code {@link SamplePki#agencyCode(String)} names for the entity.
 */
public final class SamplePkiGenerator {

    /** The organization attribute every sample subject carries, so that nobody mistakes one for a real one. */
    static final String SAMPLE_ORGANIZATION = "Lien thong (mau - chi de thu nghiem)";

    private static final String RSA_SIGNATURE = "SHA256withRSA";

    private final SecureRandom random = new SecureRandom();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final JcaX509ExtensionUtils extensionUtils;
    private final JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();

    private SamplePkiGenerator() throws GeneralSecurityException {
        this.extensionUtils = new JcaX509ExtensionUtils();
    }

    /** Usage: {@code SamplePkiGenerator <output directory>}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SamplePkiGenerator <output directory>");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        List<String> files = generate(dir);
        System.out.println("Sample PKI (for tests only) written to " + dir.toAbsolutePath().normalize()
                + ": " + files.size() + " files");
    }

    /**
     * Generates a complete sample PKI into {@code dir} (created if needed; files of the same names are
     * overwritten, other files are left alone).
     *
     * @return the names of the files written, sorted
     */
    public static List<String> generate(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        return new SamplePkiGenerator().writeAll(dir);
    }

    private List<String> writeAll(Path dir) throws IOException, GeneralSecurityException {
        Map<String, byte[]> out = new TreeMap<>();

        // the CAs are backdated so that the expired certificate lies inside their validity
        Instant caNotBefore = years(-5);
        KeyPair rootKeys = rsa(3072);
        X500Name rootName = name("Lien thong Sample Root CA", null);
        X509Certificate root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), Date.from(caNotBefore),
                Date.from(years(30)), rootName, rootKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensionUtils.createSubjectKeyIdentifier(rootKeys.getPublic())), rootKeys.getPrivate());
        writeEntity(out, SamplePki.ROOT_CA, rootKeys.getPrivate(), List.of(root));

        KeyPair caKeys = rsa(3072);
        X509Certificate agencyCa = sign(builder(root, rootKeys.getPublic(), name("Lien thong Sample Agency CA", null),
                caNotBefore, years(25), caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                rootKeys.getPrivate());
        writeEntity(out, SamplePki.AGENCY_CA, caKeys.getPrivate(), List.of(agencyCa, root));

        Issuer issuer = new Issuer(agencyCa, caKeys, root);
        Instant leafNotBefore = now.minus(Duration.ofDays(1));
        Instant leafNotAfter = years(21);

        // the gateway: ECDSA for signed evidence, RSA for partners that only take RSA, and a TLS server certificate
        leaf(out, issuer, SamplePki.GATEWAY, ec(), name("Lien thong Sample Gateway", null),
                leafNotBefore, leafNotAfter, signingUsage(), null);
        leaf(out, issuer, SamplePki.GATEWAY_RSA, rsa(2048), name("Lien thong Sample Gateway (RSA)", null),
                leafNotBefore, leafNotAfter, signingUsage(), null);
        leaf(out, issuer, SamplePki.GATEWAY_TLS, rsa(2048), name("localhost", null),
                leafNotBefore, leafNotAfter,
                new Usage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth),
                new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));

        for (Map.Entry<String, String> agency : SamplePki.AGENCIES.entrySet()) {
            leaf(out, issuer, agency.getKey(), rsa(2048), name(agency.getValue(), agency.getKey()),
                    leafNotBefore, leafNotAfter, signingUsage(), null);
        }

        X509Certificate revoked = leaf(out, issuer, SamplePki.REVOKED, rsa(2048),
                name("UBND tinh Nghe An (mau - da thu hoi)", SamplePki.agencyCode(SamplePki.REVOKED).orElseThrow()),
                leafNotBefore, leafNotAfter, signingUsage(), null);
        leaf(out, issuer, SamplePki.EXPIRED, rsa(2048),
                name("So Noi vu tinh Nghe An (mau - het han)", SamplePki.agencyCode(SamplePki.EXPIRED).orElseThrow()),
                years(-3), years(-1), signingUsage(), null);

        // CRLs: thisUpdate now, nextUpdate far in the future so that the committed set stays usable
        X509CRL agencyCrl = crl(agencyCa, caKeys.getPrivate(), builder -> builder.addCRLEntry(
                revoked.getSerialNumber(), Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise));
        X509CRL rootCrl = crl(root, rootKeys.getPrivate(), builder -> { });
        writeCrl(out, SamplePki.AGENCY_CA, agencyCrl);
        writeCrl(out, SamplePki.ROOT_CA, rootCrl);

        out.put(SamplePki.CA_BUNDLE, (pem(agencyCa) + pem(root)).getBytes(StandardCharsets.US_ASCII));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(SamplePki.ROOT_CA, root);
        trust.setCertificateEntry(SamplePki.AGENCY_CA, agencyCa);
        out.put(SamplePki.TRUSTSTORE, store(trust));

        out.put(SamplePki.INDEX, new byte[0]);
        out.put(SamplePki.INDEX, (String.join("\n", out.keySet()) + "\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> file : out.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return new ArrayList<>(out.keySet());
    }

    private record Issuer(X509Certificate certificate, KeyPair keys, X509Certificate root) {
    }

    private record Usage(int keyUsage, KeyPurposeId... purposes) {
    }

    private interface CrlEntries {
        void add(X509v2CRLBuilder builder);
    }

    private static Usage signingUsage() {
        return new Usage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection);
    }

    private X509Certificate leaf(Map<String, byte[]> out, Issuer issuer, String entity, KeyPair keys, X500Name subject,
            Instant notBefore, Instant notAfter, Usage usage, GeneralNames subjectAltNames)
            throws IOException, GeneralSecurityException {
        X509v3CertificateBuilder builder = builder(issuer.certificate(), issuer.keys().getPublic(), subject,
                notBefore, notAfter, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage.keyUsage()))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage.purposes()));
        if (subjectAltNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
        }
        X509Certificate certificate = sign(builder, issuer.keys().getPrivate());
        writeEntity(out, entity, keys.getPrivate(), List.of(certificate, issuer.certificate(), issuer.root()));
        return certificate;
    }

    private X509v3CertificateBuilder builder(X509Certificate issuer, PublicKey issuerKey, X500Name subject,
            Instant notBefore, Instant notAfter, PublicKey subjectKey) throws IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), serial(),
                Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensionUtils.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensionUtils.createAuthorityKeyIdentifier(issuerKey));
        return builder;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        X509CertificateHolder holder = builder.build(signer(issuerKey));
        return certificateConverter.getCertificate(holder);
    }

    private X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, CrlEntries entries)
            throws IOException, GeneralSecurityException {
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(now));
        builder.setNextUpdate(Date.from(years(20)));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensionUtils.createAuthorityKeyIdentifier(issuer.getPublicKey()));
        entries.add(builder);
        return new JcaX509CRLConverter().getCRL(builder.build(signer(issuerKey)));
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(RSA_SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create a signer", e);
        }
    }

    /** C, O, [organizationIdentifier,] CN: printed by Java as "CN=..., OID.2.5.4.97=..., O=..., C=VN". */
    private static X500Name name(String commonName, String agencyCode) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        builder.addRDN(BCStyle.C, "VN");
        builder.addRDN(BCStyle.O, SAMPLE_ORGANIZATION);
        if (agencyCode != null) {
            builder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, agencyCode);
        }
        builder.addRDN(BCStyle.CN, commonName);
        return builder.build();
    }

    private BigInteger serial() {
        return new BigInteger(120, random).setBit(119);
    }

    private Instant years(int years) {
        return ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(years).toInstant();
    }

    private KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits, random);
        return generator.generateKeyPair();
    }

    private KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    private static void writeEntity(Map<String, byte[]> out, String entity, PrivateKey key,
            List<X509Certificate> chain) throws IOException, GeneralSecurityException {
        out.put(entity + ".cert.pem", pem(chain.get(0)).getBytes(StandardCharsets.US_ASCII));
        out.put(entity + ".key.pem", pem(new PemObject("PRIVATE KEY", key.getEncoded()))
                .getBytes(StandardCharsets.US_ASCII));
        StringBuilder chainPem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            chainPem.append(pem(certificate));
        }
        out.put(entity + ".chain.pem", chainPem.toString().getBytes(StandardCharsets.US_ASCII));

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(entity, key, SamplePki.PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
        out.put(entity + ".p12", store(keyStore));
    }

    private static void writeCrl(Map<String, byte[]> out, String issuer, X509CRL crl) throws GeneralSecurityException {
        out.put(issuer + ".crl.pem", pem(crl).getBytes(StandardCharsets.US_ASCII));
        out.put(issuer + ".crl.der", crl.getEncoded());
    }

    private static byte[] store(KeyStore keyStore) throws GeneralSecurityException {
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            keyStore.store(bytes, SamplePki.PASSWORD.toCharArray());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof PemObject pemObject) {
                writer.writeObject(pemObject);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
