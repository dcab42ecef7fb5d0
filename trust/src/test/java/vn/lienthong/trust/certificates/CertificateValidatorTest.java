package vn.lienthong.trust.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.trust.certificates.CertificateCheck.Binding;
import vn.lienthong.trust.certificates.CertificateCheck.Code;
import vn.lienthong.trust.certificates.CertificateCheck.Revocation;

class CertificateValidatorTest {

    private static final String H41 = "000.00.00.H41";
    private static final String D41 = "000.00.00.D41";

    private RevocationServer server;

    @BeforeEach
    void start() throws IOException {
        server = new RevocationServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Root as the only anchor, agency CA as an intermediate: both levels need a CRL. */
    private static CertificateValidator.Builder localCrlValidator() {
        return CertificateValidator.builder()
                .trustAnchors(List.of(SamplePki.rootCa()))
                .intermediates(List.of(SamplePki.agencyCa()))
                .crlFile(SamplePki.resource("agency-ca.crl.der"))
                .crlFile(SamplePki.resource("root-ca.crl.pem"));
    }

    /** Both sample CAs as anchors: only the leaf needs a revocation answer. */
    private static CertificateValidator.Builder anchoredAtAgencyCa() {
        return CertificateValidator.builder().trustAnchors(SamplePki.caCertificates());
    }

    @Test
    void goodCertificateOfTheSenderIsAccepted() {
        CertificateCheck check = localCrlValidator().build()
                .validate(SamplePki.certificate(D41), SamplePki.chain(D41), ExpectedSender.of(D41), Instant.now());

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.OK);
        assertThat(check.isOk()).isTrue();
        assertThat(check.revocation()).isEqualTo(Revocation.GOOD);
        assertThat(check.binding()).isEqualTo(Binding.ORGANIZATION_IDENTIFIER);
        assertThat(check.path()).containsExactly(SamplePki.certificate(D41), SamplePki.agencyCa(), SamplePki.rootCa());
        assertThat(check.revocationSource()).contains("crl-file:").contains("agency-ca.crl.der")
                .contains("root-ca.crl.pem");
        assertThat(check.reasonVi()).startsWith("Chứng thư số hợp lệ của cơ quan " + D41);
    }

    @Test
    void revokedByTheLocalCrlFile() {
        CertificateCheck check = localCrlValidator().build()
                .validate(SamplePki.certificate(SamplePki.REVOKED), ExpectedSender.of(H41));

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOKED);
        assertThat(check.revocation()).isEqualTo(Revocation.REVOKED);
        assertThat(check.reasonVi()).contains("đã bị thu hồi").contains("lộ khóa bí mật");
        assertThat(check.reasonEn()).contains("revoked").contains("KEY_COMPROMISE");
        assertThat(check.revocationSource()).startsWith("crl-file:");
    }

    @Test
    void revokedByTheSameCrlServedOverHttpFromTheDistributionPoint() throws IOException {
        // the committed CRL, byte for byte, at an HTTP URL; a certificate carrying that URL and the serial number
        // the CRL lists (the committed revoked certificate has no distribution point of its own)
        server.serveCrl("agency-ca.crl", Files.readAllBytes(SamplePki.resource("agency-ca.crl.der")));
        URI uri = server.crlUri("agency-ca.crl");
        BigInteger revokedSerial = SamplePki.certificate(SamplePki.REVOKED).getSerialNumber();
        X509Certificate revoked = TestCa.issue(TestCa.Leaf.of(H41).withSerial(revokedSerial).withCrl(uri));
        X509Certificate good = TestCa.issue(TestCa.Leaf.of(H41).withCrl(uri));
        CertificateValidator validator = anchoredAtAgencyCa().build();

        CertificateCheck revokedCheck = validator.validate(revoked, ExpectedSender.of(H41));
        CertificateCheck goodCheck = validator.validate(good, ExpectedSender.of(H41));

        assertThat(revokedCheck.code()).as(revokedCheck.reason()).isEqualTo(Code.REVOKED);
        assertThat(revokedCheck.revocationSource()).isEqualTo("crl:" + uri);
        assertThat(goodCheck.code()).as(goodCheck.reason()).isEqualTo(Code.OK);
        assertThat(goodCheck.revocation()).isEqualTo(Revocation.GOOD);
        // one download served both: the CRL is cached until its nextUpdate
        assertThat(server.crlHits()).isEqualTo(1);
        assertThat(validator.crlFetchCount()).isEqualTo(1);
    }

    @Test
    void aCachedCrlIsUsedUntilItsNextUpdateThenFetchedAgain() {
        MutableClock clock = new MutableClock(Instant.now());
        URI uri = server.crlUri("rolling.crl");
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withCrl(uri));
        Instant t0 = clock.instant();
        server.serveCrl("rolling.crl", encoded(TestCa.crl(t0.minusSeconds(60), t0.plus(Duration.ofHours(1)),
                Map.of())));
        CertificateValidator validator = anchoredAtAgencyCa().clock(clock).build();

        assertThat(validator.validate(certificate, ExpectedSender.of(H41)).code()).isEqualTo(Code.OK);
        // the CA revokes the certificate, but the CRL in the cache is still fresh: no new download
        clock.advance(Duration.ofMinutes(30));
        Instant t1 = clock.instant();
        server.serveCrl("rolling.crl", encoded(TestCa.crl(t1, t1.plus(Duration.ofHours(1)),
                Map.of(certificate.getSerialNumber(), t1))));
        assertThat(validator.validate(certificate, ExpectedSender.of(H41)).code()).isEqualTo(Code.OK);
        assertThat(server.crlHits()).isEqualTo(1);

        // past the cached CRL's nextUpdate it is stale: fetched again, and the revocation shows
        clock.advance(Duration.ofMinutes(31));
        CertificateCheck check = validator.validate(certificate, ExpectedSender.of(H41));
        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOKED);
        assertThat(server.crlHits()).isEqualTo(2);
    }

    @Test
    void aCrlNotSignedByTheIssuerIsNoAnswer() {
        KeyPair forger = TestCa.ecKeys();
        server.serveCrl("forged.crl", encoded(TestCa.crl(forger.getPrivate(), Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofHours(1)), Map.of())));
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withCrl(server.crlUri("forged.crl")));

        CertificateCheck check = anchoredAtAgencyCa().build().validate(certificate, ExpectedSender.of(H41));

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(check.revocationSource()).contains("signature does not verify");
    }

    @Test
    void ocspGoodAndRevokedFromAResponderSignedByTheIssuer() {
        URI ocsp = server.ocspUri();
        X509Certificate good = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(ocsp));
        X509Certificate revoked = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(ocsp));
        server.good(good.getSerialNumber());
        server.revoked(revoked.getSerialNumber(), Instant.now().minusSeconds(600));
        CertificateValidator validator = anchoredAtAgencyCa().build();

        CertificateCheck goodCheck = validator.validate(good, ExpectedSender.of(H41));
        CertificateCheck revokedCheck = validator.validate(revoked, ExpectedSender.of(H41));

        assertThat(goodCheck.code()).as(goodCheck.reason()).isEqualTo(Code.OK);
        assertThat(goodCheck.revocation()).isEqualTo(Revocation.GOOD);
        assertThat(goodCheck.revocationSource()).isEqualTo("ocsp:" + ocsp);
        assertThat(revokedCheck.code()).as(revokedCheck.reason()).isEqualTo(Code.REVOKED);
        assertThat(revokedCheck.revocationSource()).isEqualTo("ocsp:" + ocsp);
        assertThat(revokedCheck.reasonVi()).contains("lộ khóa bí mật");

        // answers are cached: asking again sends nothing
        assertThat(validator.validate(good, ExpectedSender.of(H41)).code()).isEqualTo(Code.OK);
        assertThat(server.ocspHits()).isEqualTo(2);
        assertThat(validator.ocspRequestCount()).isEqualTo(2);
    }

    @Test
    void ocspFromADelegatedResponder() {
        KeyPair responderKeys = TestCa.ecKeys();
        X509Certificate responder = TestCa.ocspResponder(responderKeys);
        server.signOcspWith(new RevocationServer.Signer(responderKeys.getPrivate(), responderKeys.getPublic(),
                new X509Certificate[] {responder}));
        X509Certificate revoked = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(server.ocspUri()));
        server.revoked(revoked.getSerialNumber(), Instant.now().minusSeconds(60));

        CertificateCheck check = anchoredAtAgencyCa().build().validate(revoked, ExpectedSender.of(H41));

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOKED);
    }

    @Test
    void anOcspResponseWithABadSignatureIsNoAnswer() {
        // the response claims to come from the agency CA (its key hash as responder ID) but a forger signed it
        KeyPair forger = TestCa.rsaKeys();
        server.signOcspWith(new RevocationServer.Signer(forger.getPrivate(), TestCa.agencyCa().getPublicKey(),
                new X509Certificate[0]));
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(server.ocspUri()));
        server.good(certificate.getSerialNumber());

        CertificateCheck check = anchoredAtAgencyCa().build().validate(certificate, ExpectedSender.of(H41));

        assertThat(server.ocspHits()).isEqualTo(1);
        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(check.revocationSource()).contains("signature does not verify");
    }

    @Test
    void anOcspResponseFromAResponderTheIssuerDidNotDelegateIsNoAnswer() {
        KeyPair stranger = TestCa.ecKeys();
        X509Certificate strangerCertificate = TestCa.selfSigned(null, stranger);
        server.signOcspWith(new RevocationServer.Signer(stranger.getPrivate(), stranger.getPublic(),
                new X509Certificate[] {strangerCertificate}));
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(server.ocspUri()));
        server.good(certificate.getSerialNumber());

        CertificateCheck check = anchoredAtAgencyCa().build().validate(certificate, ExpectedSender.of(H41));

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(check.revocationSource()).contains("not delegated");
    }

    @Test
    void ocspFirstThenTheCrlWhenTheResponderDoesNotKnowTheCertificate() {
        Instant now = Instant.now();
        URI crl = server.crlUri("fallback.crl");
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withOcsp(server.ocspUri()).withCrl(crl));
        server.serveCrl("fallback.crl", encoded(TestCa.crl(now.minusSeconds(60), now.plus(Duration.ofHours(1)),
                Map.of(certificate.getSerialNumber(), now.minusSeconds(30)))));
        // the responder answers "unknown" for serials it has no status for

        CertificateCheck check = anchoredAtAgencyCa().build().validate(certificate, ExpectedSender.of(H41));

        assertThat(server.ocspHits()).isEqualTo(1);
        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOKED);
        assertThat(check.revocationSource()).isEqualTo("crl:" + crl);
    }

    @Test
    void unreachableCrlRefusedByDefaultAllowedAsUnknownByPolicy() throws IOException {
        URI unreachable = closedPortUri();
        X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withCrl(unreachable));

        CertificateCheck refused = anchoredAtAgencyCa().build().validate(certificate, ExpectedSender.of(H41));
        CertificateCheck allowed = anchoredAtAgencyCa().revocationPolicy(RevocationPolicy.ALLOW).build()
                .validate(certificate, ExpectedSender.of(H41));

        assertThat(refused.code()).as(refused.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(refused.revocation()).isEqualTo(Revocation.UNKNOWN);
        assertThat(refused.revocationSource()).contains(unreachable.toString());
        assertThat(refused.reasonVi()).startsWith("Không xác định được tình trạng thu hồi");
        assertThat(allowed.code()).as(allowed.reason()).isEqualTo(Code.OK);
        assertThat(allowed.revocation()).isEqualTo(Revocation.UNKNOWN);
        assertThat(allowed.binding()).isEqualTo(Binding.ORGANIZATION_IDENTIFIER);
    }

    @Test
    void aDistributionPointThatNeverAnswersCostsOneBoundedTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/never.crl");
            X509Certificate certificate = TestCa.issue(TestCa.Leaf.of(H41).withCrl(uri));
            CertificateValidator validator = anchoredAtAgencyCa().readTimeout(Duration.ofMillis(300))
                    .retryAfterFailure(Duration.ofMinutes(1)).build();

            long start = System.nanoTime();
            CertificateCheck first = validator.validate(certificate, ExpectedSender.of(H41));
            Duration firstTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            CertificateCheck second = validator.validate(certificate, ExpectedSender.of(H41));
            Duration secondTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(first.code()).isEqualTo(Code.REVOCATION_UNKNOWN);
            assertThat(first.revocationSource()).containsIgnoringCase("timed out");
            assertThat(firstTook).isLessThan(Duration.ofSeconds(3));
            // the failure is remembered: the second validation does not wait again
            assertThat(second.code()).isEqualTo(Code.REVOCATION_UNKNOWN);
            assertThat(second.revocationSource()).contains("not retried before");
            assertThat(secondTook).isLessThan(Duration.ofMillis(250));
            assertThat(validator.crlFetchCount()).isEqualTo(1);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aStaleLocalCrlIsNoAnswer() {
        // the clock is past the committed CRL's nextUpdate (20 years); the certificate is judged at today's date
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(365L * 20 + 30)));
        CertificateCheck check = localCrlValidator().clock(clock).build()
                .validate(SamplePki.certificate(D41), List.of(), ExpectedSender.of(D41), Instant.now());

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(check.revocationSource()).contains("stale");
    }

    @Test
    void theCaBelowTheAnchorNeedsARevocationAnswerToo() {
        CertificateCheck check = CertificateValidator.builder()
                .trustAnchors(List.of(SamplePki.rootCa()))
                .crlFile(SamplePki.resource("agency-ca.crl.der"))
                .build()
                .validate(SamplePki.certificate(D41), SamplePki.chain(D41), ExpectedSender.of(D41), Instant.now());

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.REVOCATION_UNKNOWN);
        assertThat(check.revocationSource()).contains("CA ").contains("Agency CA");
    }

    @Test
    void expired() {
        CertificateCheck check = localCrlValidator().build()
                .validate(SamplePki.certificate(SamplePki.EXPIRED), ExpectedSender.of("000.00.05.H41"));

        assertThat(check.code()).isEqualTo(Code.EXPIRED);
        assertThat(check.revocation()).isEqualTo(Revocation.NOT_CHECKED);
        assertThat(check.reasonVi()).startsWith("Chứng thư số đã hết hạn");
    }

    @Test
    void notYetValid() {
        X509Certificate certificate = SamplePki.certificate(D41);
        Instant before = certificate.getNotBefore().toInstant().minus(Duration.ofDays(1));

        CertificateCheck check = localCrlValidator().build()
                .validate(certificate, List.of(), ExpectedSender.of(D41), before);

        assertThat(check.code()).isEqualTo(Code.NOT_YET_VALID);
        assertThat(check.reasonVi()).startsWith("Chứng thư số chưa có hiệu lực");
    }

    @Test
    void selfSignedIsUntrusted() {
        X509Certificate stranger = TestCa.selfSigned(D41, TestCa.ecKeys());

        CertificateCheck check = localCrlValidator().build().validate(stranger, ExpectedSender.of(D41));

        assertThat(check.code()).isEqualTo(Code.UNTRUSTED);
        assertThat(check.reasonVi()).startsWith("Chứng thư số không được tin cậy");
        assertThat(server.crlHits() + server.ocspHits()).isZero();
    }

    @Test
    void aCertificateOfAnotherAgencyIsNotTheSenders() {
        CertificateCheck check = localCrlValidator().build()
                .validate(SamplePki.certificate(D41), ExpectedSender.of(H41));

        assertThat(check.code()).isEqualTo(Code.NOT_SENDERS);
        assertThat(check.binding()).isEqualTo(Binding.NONE);
        assertThat(check.reasonVi()).contains("không phải của cơ quan gửi " + H41).contains(D41);
    }

    @Test
    void aRegisteredFingerprintBindsACertificateToTheSender() {
        CertificateValidator validator = localCrlValidator().build();
        X509Certificate other = SamplePki.certificate("000.00.01.D41");
        String colons = CertificateIdentity.sha256Fingerprint(other).toUpperCase().replaceAll("(..)(?!$)", "$1:");

        CertificateCheck withFingerprint = validator.validate(other, List.of(),
                ExpectedSender.of(D41, Set.of(colons)), Instant.now());
        CertificateCheck withoutFingerprint = validator.validate(other, ExpectedSender.of(D41));
        // a certificate that carries no agency code at all (the gateway's) can be registered too
        X509Certificate gateway = SamplePki.certificate(SamplePki.GATEWAY);
        CertificateCheck gatewayCheck = validator.validate(gateway, List.of(), ExpectedSender.of(D41,
                Set.of(CertificateIdentity.sha256Fingerprint(gateway))), Instant.now());

        assertThat(withFingerprint.code()).as(withFingerprint.reason()).isEqualTo(Code.OK);
        assertThat(withFingerprint.binding()).isEqualTo(Binding.REGISTERED_FINGERPRINT);
        assertThat(withoutFingerprint.code()).isEqualTo(Code.NOT_SENDERS);
        assertThat(gatewayCheck.code()).as(gatewayCheck.reason()).isEqualTo(Code.OK);
        assertThat(gatewayCheck.binding()).isEqualTo(Binding.REGISTERED_FINGERPRINT);
    }

    @Test
    void aKeyNotForSigningHasBadKeyUsage() {
        X509Certificate encipherOnly = TestCa.issue(TestCa.Leaf.of(H41)
                .withKeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyAgreement));

        CertificateCheck check = localCrlValidator().build().validate(encipherOnly, ExpectedSender.of(H41));

        assertThat(check.code()).isEqualTo(Code.BAD_KEY_USAGE);
    }

    @Test
    void trustStoreAndAnchorsAgree() {
        CertificateCheck check = CertificateValidator.builder().trustStore(SamplePki.trustStore())
                .crls(List.of(SamplePki.crl())).build()
                .validate(SamplePki.certificate("000.00.00.G22"), ExpectedSender.of("000.00.00.G22"));

        assertThat(check.code()).as(check.reason()).isEqualTo(Code.OK);
        assertThat(check.path()).hasSize(2);
    }

    @Test
    void fingerprintsAreNormalized() {
        String fingerprint = CertificateIdentity.sha256Fingerprint(SamplePki.certificate(D41));
        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
        assertThat(CertificateIdentity.normalizeFingerprint(fingerprint.toUpperCase())).isEqualTo(fingerprint);
        assertThat(CertificateIdentity.agencyCode(SamplePki.certificate(D41))).contains(D41);
        assertThat(CertificateIdentity.agencyCode(SamplePki.certificate(SamplePki.GATEWAY))).isEmpty();
    }

    @Test
    void theSamplePkiNamesTheCodeThisRuleReadsFromEveryCertificate() {
        for (String entity : SamplePki.names()) {
            assertThat(CertificateIdentity.agencyCode(SamplePki.certificate(entity))).as(entity)
                    .isEqualTo(SamplePki.agencyCode(entity));
        }
    }

    private static URI closedPortUri() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/agency-ca.crl");
    }

    private static byte[] encoded(java.security.cert.X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
