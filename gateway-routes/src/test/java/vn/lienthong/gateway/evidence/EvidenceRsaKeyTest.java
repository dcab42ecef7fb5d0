package vn.lienthong.gateway.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.trust.evidence.EvidenceEvent;
import vn.lienthong.trust.evidence.EvidenceRecord;
import vn.lienthong.trust.evidence.EvidenceSigner;
import vn.lienthong.gateway.support.GatewayTest;

/** The gateway's RSA key by configuration: evidence signed SHA256withRSA, verified by the real openssl. */
class EvidenceRsaKeyTest extends GatewayTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.evidence.keystore", () -> "classpath:vn/lienthong/certs/sample/gateway-rsa.p12");
        registry.add("gateway.evidence.alias", () -> "GATEWAY-RSA"); // any case
    }

    @Autowired
    EvidenceKeys keys;

    @Test
    void evidenceIsSignedWithTheConfiguredRsaKey() throws Exception {
        assertThat(keys.signer().signatureAlgorithm()).isEqualTo("SHA256withRSA");
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.VPCP), Packets.TINH_UY + ",2026/11/21,901-CV/VPTU");
        VdxpClient.Answer sent = tinhUy.sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();

        JsonNode data = await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy.getEvidence(sent.docId()).data(),
                list -> list.size() >= 1);
        Path p7s = work.resolve("accepted.p7s");
        Files.write(p7s, Base64.getDecoder().decode(data.get(0).path("cms").asText()));
        Path content = work.resolve("accepted.json");
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7s.toString(), "-CAfile", SamplePki.caBundlePath().toString(), "-out", content.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        EvidenceRecord record = EvidenceRecord.fromCanonicalJson(Files.readAllBytes(content));
        assertThat(record.docId()).isEqualTo(sent.docId());
        assertThat(record.event()).isEqualTo(EvidenceEvent.ACCEPTED);

        // the cost of RSA evidence, for comparison with ECDSA (EvidenceExchangeTest)
        EvidenceSigner signer = new EvidenceSigner(keys.signer());
        String sha = "cd".repeat(32);
        for (int i = 0; i < 32; i++) {
            signer.signEvidence(new EvidenceRecord("warm", sha, Packets.TINH_UY, Packets.VPCP, EvidenceEvent.ACCEPTED,
                    Instant.now()));
        }
        int records = 200;
        List<byte[]> signed = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < records; i++) {
            signed.add(signer.sign(new EvidenceRecord("bench-" + i, sha, Packets.TINH_UY, Packets.VPCP,
                    EvidenceEvent.ACCEPTED, Instant.now())));
        }
        System.out.printf("EVIDENCE COST (SHA256withRSA, RSA-2048): signing %.1f µs per record, %d bytes of CMS%n",
                (System.nanoTime() - started) / 1e3 / records, signed.get(0).length);
    }
}
