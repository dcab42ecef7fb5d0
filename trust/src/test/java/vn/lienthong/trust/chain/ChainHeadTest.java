package vn.lienthong.trust.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePki;
import vn.lienthong.trust.evidence.EvidenceEvent;
import vn.lienthong.trust.evidence.EvidenceRecord;
import vn.lienthong.trust.evidence.EvidenceSigner;
import vn.lienthong.trust.evidence.Openssl;

class ChainHeadTest {

    private static ChainHeadSigner signer() {
        return new ChainHeadSigner(SamplePki.privateKey(SamplePki.GATEWAY), SamplePki.chain(SamplePki.GATEWAY));
    }

    private static ChainHeadVerifier verifier() {
        return new ChainHeadVerifier(List.of(SamplePki.rootCa()), List.of(SamplePki.certificate(SamplePki.GATEWAY)));
    }

    private static List<ChainRecord> smallLog() throws Exception {
        List<ChainRecord> records = new ArrayList<>();
        ChainWriter writer = new ChainWriter();
        for (int i = 1; i <= 20; i++) {
            writer.append(Map.of("docId", "DOC-" + i, "event", "ACCEPTED"), records::add);
        }
        return records;
    }

    @Test
    void theSignedHeadVerifiesWithTheRealOpensslAndPinsTheLog(@TempDir Path dir) throws Exception {
        List<ChainRecord> log = smallLog();
        ChainHead head = ChainHead.of("evidence", ChainPosition.of(log.get(19)), Instant.now());
        byte[] signed = signer().sign(head);

        Openssl.Result openssl = Openssl.cmsVerify(signed, dir, dir.resolve("head.json"));
        ChainHeadCheck check = verifier().verify(signed);

        assertThat(openssl.exitCode()).as(openssl.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("head.json"))).isEqualTo(head.canonicalJson());
        assertThat(new String(head.canonicalJson(), StandardCharsets.UTF_8))
                .startsWith("{\"hash\":\"" + log.get(19).hash() + "\",\"log\":\"evidence\",\"sequence\":20,\"time\":\"")
                .endsWith("\"type\":\"lienthong.chain-head\",\"version\":1}");
        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(check.head()).isEqualTo(head);
        assertThat(ChainVerifier.verify(log, check.head()).intact()).isTrue();
    }

    @Test
    void aTamperedHeadFailsInOpensslAndInTheVerifier(@TempDir Path dir) throws Exception {
        ChainHead head = new ChainHead("evidence", 20, "ab".repeat(32), Instant.now());
        byte[] signed = signer().sign(head);
        byte[] tampered = signed.clone();
        int at = indexOf(tampered, "\"sequence\":20".getBytes(StandardCharsets.US_ASCII));
        tampered[at + "\"sequence\":".length() + 1] = '1'; // 20 -> 21

        assertThat(Openssl.cmsVerify(tampered, dir, dir.resolve("head.json")).exitCode()).isNotZero();
        assertThat(verifier().verify(tampered).valid()).isFalse();
    }

    @Test
    void signedEvidenceIsNotAHead() {
        EvidenceSigner evidence = new EvidenceSigner(SamplePki.privateKey(SamplePki.GATEWAY),
                SamplePki.chain(SamplePki.GATEWAY));
        byte[] signed = evidence.sign(new EvidenceRecord("DOC", "00".repeat(32), "000.00.00.D41", "000.00.00.H41",
                EvidenceEvent.ACCEPTED, Instant.now()));

        ChainHeadCheck check = verifier().verify(signed);

        assertThat(check.valid()).isFalse();
        assertThat(check.reasonEn()).contains("not a chain head");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
