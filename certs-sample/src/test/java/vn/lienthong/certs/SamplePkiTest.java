package vn.lienthong.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the committed sample PKI, read from the classpath as other modules read it. */
class SamplePkiTest {

    /** How RFC 1779 prints the attribute that carries the agency code. */
    private static final String ORGANIZATION_IDENTIFIER = "OID.2.5.4.97=";

    static Stream<String> goodLeaves() {
        List<String> names = new ArrayList<>(List.of(SamplePki.GATEWAY, SamplePki.GATEWAY_RSA, SamplePki.GATEWAY_TLS));
        names.addAll(SamplePki.AGENCY_CODES);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("goodLeaves")
    void everyGoodChainValidatesToTheRoot(String name) throws Exception {
        List<X509Certificate> chain = SamplePki.chain(name);
        assertThat(chain).hasSize(3);
        assertThat(chain.get(1)).isEqualTo(SamplePki.agencyCa());
        assertThat(chain.get(2)).isEqualTo(SamplePki.rootCa());

        validate(chain.subList(0, 2), false);
        assertThat(SamplePki.certificate(name).getNotAfter())
                .as("valid for 20 years or more from generation")
                .isAfter(Date.from(SamplePki.certificate(name).getNotBefore().toInstant()
                        .plusSeconds(20L * 365 * 24 * 3600)));
    }

    @ParameterizedTest
    @MethodSource("goodLeaves")
    void keyMatchesCertificate(String name) throws Exception {
        PrivateKey key = SamplePki.privateKey(name);
        X509Certificate certificate = SamplePki.certificate(name);
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "liên thông".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void keyAlgorithms() {
        assertThat(SamplePki.privateKey(SamplePki.GATEWAY).getAlgorithm()).isEqualTo("EC");
        assertThat(SamplePki.certificate(SamplePki.GATEWAY).getPublicKey().toString()).contains("secp256r1");
        assertThat(SamplePki.privateKey(SamplePki.GATEWAY_RSA).getAlgorithm()).isEqualTo("RSA");
        assertThat(SamplePki.privateKey("000.00.00.D41").getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) SamplePki.rootCa().getPublicKey()).getModulus().bitLength())
                .isGreaterThanOrEqualTo(3072);
    }

    @Test
    void casAreCas() throws Exception {
        X509Certificate root = SamplePki.rootCa();
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=Lien thong Sample Root CA,O=Lien thong (mau - chi de thu nghiem),C=VN");

        X509Certificate agencyCa = SamplePki.agencyCa();
        agencyCa.verify(root.getPublicKey());
        assertThat(agencyCa.getBasicConstraints()).isZero();
        assertThat(agencyCa.getSubjectX500Principal().getName()).startsWith("CN=Lien thong Sample Agency CA,");
    }

    @Test
    void agencyCertificatesCarryTheirCode() {
        for (String code : SamplePki.AGENCY_CODES) {
            X509Certificate certificate = SamplePki.certificate(code);
            assertThat(SamplePki.agencyCode(code)).as(code).contains(code);
            assertCarriesAgencyCode(certificate, code);
            assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
            assertThat(certificate.getKeyUsage()[1]).as("nonRepudiation").isTrue();
            assertThat(certificate.getSubjectX500Principal().getName())
                    .startsWith("CN=" + SamplePki.AGENCIES.get(code) + ",");
        }
        assertThat(SamplePki.agencyCode(SamplePki.REVOKED)).contains("000.00.00.H41");
        assertCarriesAgencyCode(SamplePki.certificate(SamplePki.REVOKED), "000.00.00.H41");
        assertThat(SamplePki.agencyCode(SamplePki.EXPIRED)).contains("000.00.05.H41");
        assertCarriesAgencyCode(SamplePki.certificate(SamplePki.EXPIRED), "000.00.05.H41");
        assertThat(SamplePki.agencyCode(SamplePki.GATEWAY)).isEmpty();
        assertThat(subject(SamplePki.certificate(SamplePki.GATEWAY))).doesNotContain(ORGANIZATION_IDENTIFIER);
        assertThat(SamplePki.agencyCode(SamplePki.ROOT_CA)).isEmpty();
        assertThat(subject(SamplePki.rootCa())).doesNotContain(ORGANIZATION_IDENTIFIER);
    }

    @Test
    void tlsCertificateNamesLocalhost() throws Exception {
        X509Certificate tls = SamplePki.certificate(SamplePki.GATEWAY_TLS);
        assertThat(tls.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(tls.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }

    @Test
    void crlListsTheRevokedCertificateAndIsSignedByTheAgencyCa() throws Exception {
        X509CRL crl = SamplePki.crl();
        crl.verify(SamplePki.agencyCa().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(SamplePki.agencyCa().getSubjectX500Principal());
        assertThat(crl.isRevoked(SamplePki.certificate(SamplePki.REVOKED))).isTrue();
        assertThat(crl.isRevoked(SamplePki.certificate("000.00.00.D41"))).isFalse();
        assertThat(crl.getNextUpdate()).isAfter(Date.from(java.time.Instant.now().plusSeconds(10L * 365 * 24 * 3600)));

        X509CRL rootCrl = SamplePki.rootCrl();
        rootCrl.verify(SamplePki.rootCa().getPublicKey());
        assertThat(rootCrl.getRevokedCertificates()).isNullOrEmpty();

        // the PEM and DER copies hold the same CRL
        try (InputStream pem = SamplePki.open(SamplePki.AGENCY_CA + ".crl.pem")) {
            X509CRL fromPem = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(pem);
            assertThat(fromPem.getEncoded()).isEqualTo(crl.getEncoded());
        }
    }

    @Test
    void revocationCheckingRejectsTheRevokedAndAcceptsAGoodOne() throws Exception {
        validate(SamplePki.chain("000.00.00.H41").subList(0, 2), true);

        assertThatThrownBy(() -> validate(SamplePki.chain(SamplePki.REVOKED).subList(0, 2), true))
                .isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> assertThat(((CertPathValidatorException) e).getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));

        // without revocation checking the revoked certificate's chain is otherwise fine
        validate(SamplePki.chain(SamplePki.REVOKED).subList(0, 2), false);
    }

    @Test
    void expiredCertificateFailsAsExpired() throws Exception {
        X509Certificate expired = SamplePki.certificate(SamplePki.EXPIRED);
        assertThat(expired.getNotAfter()).isBefore(new Date());
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> validate(SamplePki.chain(SamplePki.EXPIRED).subList(0, 2), false))
                .isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> assertThat(((CertPathValidatorException) e).getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
    }

    @Test
    void aLeafWithoutItsAgencyCaDoesNotChainToTheRoot() throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(SamplePki.certificate("000.00.00.D41")));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(SamplePki.rootCa(), null)));
        parameters.setRevocationEnabled(false);
        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, parameters))
                .isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> assertThat(((CertPathValidatorException) e).getReason())
                        .isIn(PKIXReason.NO_TRUST_ANCHOR, CertPathValidatorException.BasicReason.INVALID_SIGNATURE));
    }

    @Test
    void keyStoresHoldTheKeyAndTheFullChainUnderTheEntityName() throws Exception {
        for (String name : SamplePki.names()) {
            KeyStore keyStore = SamplePki.keyStore(name);
            assertThat(keyStore.getType()).isEqualToIgnoringCase("PKCS12");
            // Java's PKCS#12 store lowercases aliases (000.00.00.d41); lookups ignore case
            assertThat(java.util.Collections.list(keyStore.aliases())).singleElement()
                    .satisfies(alias -> assertThat(alias).isEqualToIgnoringCase(name));
            assertThat(keyStore.isKeyEntry(name)).isTrue();
            assertThat(keyStore.getKey(name, SamplePki.PASSWORD.toCharArray())).isNotNull();
            int expected = name.equals(SamplePki.ROOT_CA) ? 1 : name.equals(SamplePki.AGENCY_CA) ? 2 : 3;
            assertThat(keyStore.getCertificateChain(name)).hasSize(expected);
        }
        KeyStore trust = SamplePki.trustStore();
        assertThat(trust.isCertificateEntry(SamplePki.ROOT_CA)).isTrue();
        assertThat(trust.isCertificateEntry(SamplePki.AGENCY_CA)).isTrue();
    }

    @Test
    void pemCopiesAreRealFilesMatchingTheKeystores() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String name : SamplePki.names()) {
            Path pem = SamplePki.pemPath(name);
            assertThat(pem).isRegularFile();
            try (InputStream in = Files.newInputStream(pem)) {
                assertThat(factory.generateCertificate(in)).isEqualTo(SamplePki.certificate(name));
            }
            try (InputStream in = Files.newInputStream(SamplePki.chainPemPath(name))) {
                assertThat(new ArrayList<java.security.cert.Certificate>(factory.generateCertificates(in)))
                        .containsExactlyElementsOf(SamplePki.chain(name));
            }
            String key = Files.readString(SamplePki.keyPemPath(name), StandardCharsets.US_ASCII);
            assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----");
            byte[] der = java.util.Base64.getMimeDecoder().decode(
                    key.replaceAll("-----[A-Z ]+-----", "").strip());
            assertThat(der).isEqualTo(SamplePki.privateKey(name).getEncoded());
        }
        try (InputStream in = Files.newInputStream(SamplePki.caBundlePath())) {
            assertThat(new ArrayList<java.security.cert.Certificate>(factory.generateCertificates(in)))
                    .containsExactly(SamplePki.agencyCa(), SamplePki.rootCa());
        }
    }

    @Test
    void unknownNamesAreRefused() {
        assertThatThrownBy(() -> SamplePki.certificate("000.00.99.X99"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplePki.resource("../secret")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatorWritesTheSameFileNamesAsTheCommittedSet(@TempDir Path dir) throws Exception {
        List<String> generated = SamplePkiGenerator.generate(dir);
        List<String> committed;
        try (InputStream in = SamplePki.open(SamplePki.INDEX)) {
            committed = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip().split("\n"));
        }
        assertThat(generated).containsExactlyElementsOf(committed);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(generated);
        }
        for (String file : committed) {
            assertThat(SamplePki.resource(file)).as(file).isRegularFile();
        }
        // a freshly generated set is self-consistent too
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(dir.resolve("000.00.00.D41.cert.pem"))) {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertCarriesAgencyCode(leaf, "000.00.00.D41");
        assertThat(leaf).isNotEqualTo(SamplePki.certificate("000.00.00.D41"));
    }

    /** The subject, as RFC 1779 prints it, names exactly one organizationIdentifier (2.5.4.97): {@code code}. */
    private static void assertCarriesAgencyCode(X509Certificate certificate, String code) {
        assertThat(subject(certificate)).as(code).containsOnlyOnce(ORGANIZATION_IDENTIFIER)
                .contains(ORGANIZATION_IDENTIFIER + code + ",");
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC1779);
    }

    /** PKIX to the root with the leaf and the agency CA as the path; revocation from the two CRLs when asked. */
    private static void validate(List<X509Certificate> path, boolean revocation) throws Exception {
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(SamplePki.rootCa(), null)));
        parameters.setRevocationEnabled(revocation);
        if (revocation) {
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(List.of(SamplePki.crl(), SamplePki.rootCrl()))));
        }
        CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    }
}
