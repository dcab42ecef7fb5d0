package vn.lienthong.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePki;

class EvidenceSignerTest {

    private static final String PACKET_SHA256 = EvidenceSigner.sha256Hex("a packet".getBytes(StandardCharsets.UTF_8));

    static EvidenceRecord record(String docId, EvidenceEvent event) {
        return new EvidenceRecord(docId, PACKET_SHA256, "000.00.00.D41", "000.00.00.H41", event,
                Instant.parse("2026-11-21T08:15:30.123456Z"));
    }

    static EvidenceSigner ecdsa() {
        return new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY));
    }

    static EvidenceSigner rsa() {
        return new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY_RSA),
                SamplePki.chain(SamplePki.GATEWAY_RSA));
    }

    static EvidenceVerifier verifier() {
        return new EvidenceVerifier(List.of(SamplePki.rootCa()),
                List.of(SamplePki.certificate(SamplePki.GATEWAY), SamplePki.certificate(SamplePki.GATEWAY_RSA)));
    }

    @Test
    void theRecordIsCanonicalJsonWithSortedKeys() {
        EvidenceRecord record = record("DOC-1", EvidenceEvent.ACCEPTED);

        assertThat(new String(record.canonicalJson(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"docId\":\"DOC-1\",\"event\":\"ACCEPTED\",\"packetSha256\":\"" + PACKET_SHA256 + "\","
                        + "\"recipient\":\"000.00.00.H41\",\"sender\":\"000.00.00.D41\","
                        + "\"time\":\"2026-11-21T08:15:30.123Z\",\"type\":\"lienthong.evidence\",\"version\":1}");
        assertThat(EvidenceRecord.fromCanonicalJson(record.canonicalJson())).isEqualTo(record);
    }

    @Test
    void ecdsaEvidenceVerifiesWithTheRealOpenssl(@TempDir Path dir) throws Exception {
        EvidenceRecord record = record("DOC-EC", EvidenceEvent.DELIVERED);
        EvidenceSigner signer = ecdsa();
        byte[] der = signer.sign(record);
        Files.write(dir.resolve("ev.p7s"), der);

        Openssl.Result result = Openssl.cmsVerify(der, dir, dir.resolve("content"));

        assertThat(signer.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification successful");
        assertThat(Files.readAllBytes(dir.resolve("content"))).isEqualTo(record.canonicalJson());
        // the signer's certificate and its CA travel with the signature; the root does not
        assertThat(new CMSSignedData(der).getCertificates().getMatches(null)).hasSize(2);
    }

    @Test
    void rsaEvidenceVerifiesWithTheRealOpenssl(@TempDir Path dir) throws Exception {
        EvidenceRecord record = record("DOC-RSA", EvidenceEvent.ACKNOWLEDGED);
        EvidenceSigner signer = rsa();

        Openssl.Result result = Openssl.cmsVerify(signer.sign(record), dir, dir.resolve("content"));

        assertThat(signer.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("content"))).isEqualTo(record.canonicalJson());
    }

    @Test
    void tamperedEvidenceFailsInOpensslAndInTheVerifier(@TempDir Path dir) throws Exception {
        byte[] der = ecdsa().sign(record("DOC-T", EvidenceEvent.ACCEPTED));
        byte[] tampered = replace(der, "000.00.00.H41", "000.00.00.H42");

        Openssl.Result result = Openssl.cmsVerify(tampered, dir, dir.resolve("content"));
        EvidenceCheck check = verifier().verify(tampered);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("Verification failure");
        assertThat(check.valid()).isFalse();
        assertThat(check.reasonVi()).startsWith("Chữ ký số không hợp lệ");
    }

    @Test
    void theVerifierReadsTheRecordBack() {
        EvidenceRecord record = record("DOC-V", EvidenceEvent.STATUS);

        EvidenceCheck ec = verifier().verify(ecdsa().sign(record));
        EvidenceCheck rsa = verifier().verify(rsa().sign(record));

        assertThat(ec.valid()).as(ec.reason()).isTrue();
        assertThat(ec.record()).isEqualTo(record);
        assertThat(ec.signer()).isEqualTo(SamplePki.certificate(SamplePki.GATEWAY));
        assertThat(ec.signingTime()).isNotNull();
        assertThat(rsa.valid()).as(rsa.reason()).isTrue();
        assertThat(rsa.record()).isEqualTo(record);
    }

    @Test
    void evidenceSignedByAnAgencyIsNotTheGatewaysEvenThoughItChains(@TempDir Path dir) throws Exception {
        EvidenceSigner agency = new EvidenceSigner(SamplePki.privateKey("000.00.00.H41"),
                SamplePki.chain("000.00.00.H41"));
        byte[] forged = agency.sign(record("DOC-F", EvidenceEvent.DELIVERED));

        EvidenceCheck check = verifier().verify(forged);

        assertThat(Openssl.cmsVerify(forged, dir, dir.resolve("content")).exitCode()).isZero();
        assertThat(check.valid()).isFalse();
        assertThat(check.reasonVi()).isEqualTo("Người ký không phải là cổng liên thông");
    }

    @Test
    void otherSignedJsonIsNotEvidence() {
        CmsSigner gateway = new CmsSigner(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY));
        byte[] head = gateway.sign("{\"hash\":\"00\",\"sequence\":1,\"type\":\"lienthong.chain-head\"}"
                .getBytes(StandardCharsets.UTF_8));

        EvidenceCheck check = verifier().verify(head);

        assertThat(check.valid()).isFalse();
        assertThat(check.reasonEn()).contains("not an evidence record");
        assertThat(verifier().verify(new byte[] {1, 2, 3}).valid()).isFalse();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() {
        assertThatThrownBy(() -> new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY_RSA),
                SamplePki.chain("000.00.00.H41"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void aKeyStoreEntryMakesASigner() {
        EvidenceSigner signer = EvidenceSigner.fromKeyStore(SamplePki.keyStore(SamplePki.GATEWAY), SamplePki.GATEWAY,
                SamplePki.PASSWORD.toCharArray());

        assertThat(verifier().verify(signer.sign(record("DOC-K", EvidenceEvent.ACCEPTED))).valid()).isTrue();
    }

    static byte[] replace(byte[] der, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = der.clone();
        for (int i = 0; i + needle.length <= copy.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = copy[i + j] == needle[j];
            }
            if (match) {
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                return copy;
            }
        }
        throw new IllegalArgumentException(from + " not found");
    }
}
