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

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.trust.evidence.EvidenceCheck;
import vn.lienthong.trust.evidence.EvidenceRecord;
import vn.lienthong.trust.evidence.EvidenceVerifier;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * Signed evidence through the real VDXP API of the embedded gateway: a document gets ACCEPTED evidence, DELIVERED
 * once its recipient acknowledged it, ACKNOWLEDGED for "processing", STATUS for a status; the sender fetches it with
 * getEvidence and the real {@code openssl cms -verify} accepts each proof against the sample CA bundle; another
 * agency's system gets 40; evidence lost before it was stored is issued again from the database.
 */
class EvidenceExchangeTest extends GatewayTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    final java.util.function.Supplier<String> databaseName = () -> jdbcTemplate.execute(
            (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());

    @Autowired
    EvidenceIssuer issuer;

    @Autowired
    EvidenceVerifier verifier;

    @Autowired
    EvidenceKeys keys;

    @Autowired
    EvidenceStore store;

    static String newDocumentId() {
        return newDocumentId(Packets.TINH_UY, "-CV/VPTU");
    }

    @Test
    void theSenderFetchesEvidenceThatOpensslVerifies() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        VdxpClient ubnd = SampleSystems.ubnd(port);
        String docId = send(tinhUy);
        String copy = availableCopy(docId, Packets.UBND);

        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd.getEdoc(copy)));
        assertThat(ubnd.updateStatus(copy, "processing").ok()).isTrue();
        assertThat(ubnd.updateStatus(copy, "done").ok()).isTrue();
        VdxpClient.Answer status = ubnd.sendEdoc(Packets.status(work, received, Packets.UBND, StatusCode.ARRIVED),
                "status", Packets.UBND);
        assertThat(status.ok()).as(status.json().toString()).isTrue();

        JsonNode data = await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy.getEvidence(docId).data(),
                list -> events(list).containsAll(List.of("ACCEPTED", "ACKNOWLEDGED", "DELIVERED", "STATUS")));
        assertThat(events(data)).containsExactlyInAnyOrder("ACCEPTED", "ACKNOWLEDGED", "DELIVERED", "STATUS");

        String sha = jdbc.sql("SELECT stored_sha256 FROM documents WHERE id = :id").param("id", docId)
                .query(String.class).single();
        for (JsonNode item : data) {
            byte[] cms = Base64.getDecoder().decode(item.path("cms").asText());
            Path p7s = work.resolve(item.path("event").asText() + ".p7s");
            Files.write(p7s, cms);
            Path content = work.resolve(item.path("event").asText() + ".json");
            Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                    "-in", p7s.toString(), "-CAfile", SamplePki.caBundlePath().toString(), "-out", content.toString())
                    .redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(openssl.exitValue()).as(output).isZero();

            EvidenceRecord record = EvidenceRecord.fromCanonicalJson(Files.readAllBytes(content));
            assertThat(record.event().name()).isEqualTo(item.path("event").asText());
            EvidenceCheck check = verifier.verify(cms);
            assertThat(check.valid()).as(check.reason()).isTrue();
            if (record.event().name().equals("STATUS")) {
                // the status packet, from the recipient back to the original sender
                assertThat(record.sender()).isEqualTo(Packets.UBND);
                assertThat(record.recipient()).isEqualTo(Packets.TINH_UY);
                assertThat(record.docId()).isEqualTo(status.docId());
            } else {
                assertThat(record.docId()).isEqualTo(docId);
                assertThat(record.packetSha256()).isEqualTo(sha);
                assertThat(record.sender()).isEqualTo(Packets.TINH_UY);
                assertThat(record.recipient()).isEqualTo(Packets.UBND);
            }
            assertThat(item.path("recipient").asText()).isEqualTo(record.recipient());
            assertThat(Instant.parse(item.path("time").asText())).isEqualTo(record.time());
        }

        // the recipient reads the evidence of its own copy
        JsonNode own = ubnd.getEvidence(copy).data();
        assertThat(events(own)).contains("ACCEPTED", "DELIVERED", "STATUS");

        // another agency's system: as if the document did not exist
        VdxpClient.Answer stranger = SampleSystems.vpcp(port).getEvidence(docId);
        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.errorCode()).isEqualTo("40");
        assertThat(SampleSystems.vpcp(port).getEvidence(copy).errorCode()).isEqualTo("40");
        assertThat(ubnd.getEvidence("no-such-doc").errorCode()).isEqualTo("40");
    }

    @Test
    void aFailAcknowledgementIsEvidencedToo() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        String docId = send(tinhUy);
        String copy = availableCopy(docId, Packets.UBND);
        assertThat(SampleSystems.ubnd(port).updateStatus(copy, "fail").ok()).isTrue();
        JsonNode data = await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy.getEvidence(docId).data(),
                list -> events(list).contains("ACKNOWLEDGED"));
        assertThat(events(data)).containsExactlyInAnyOrder("ACCEPTED", "ACKNOWLEDGED");
    }

    @Test
    void evidenceLostBeforeItWasStoredIsIssuedAgainFromTheDatabase() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        String docId = send(tinhUy);
        await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy.getEvidence(docId).data(),
                list -> events(list).contains("ACCEPTED"));
        // as after a crash between the commit and the signing: the event is owed, the evidence is not there
        jdbc.sql("DELETE FROM evidence WHERE document_id = :id").param("id", docId).update();
        jdbc.sql("UPDATE events SET evidence_due = TRUE WHERE document_id = :id AND type = 'ACCEPTED'")
                .param("id", docId).update();
        assertThat(tinhUy.getEvidence(docId).data()).isEmpty();

        assertThat(issuer.repair(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(events(tinhUy.getEvidence(docId).data())).containsExactly("ACCEPTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM events WHERE document_id = :id AND evidence_due = TRUE")
                .param("id", docId).query(Long.class).single()).isZero();
    }

    /** Prints timings only: a benchmark, out of mvn verify (see the module README for how to run it). */
    @Test
    @Tag("benchmark")
    void costOfEvidencePerDocument() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        int documents = 40;
        send(tinhUy); // warm-up
        issuer.flush().join();
        long before = issuer.issued();
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            ids.add(send(tinhUy));
        }
        long sent = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM evidence WHERE event = 'ACCEPTED'"
                + " AND document_id IN (:ids)").param("ids", ids).query(Long.class).single(), n -> n == documents);
        long stored = System.nanoTime();
        System.out.printf("EVIDENCE COST: %d documents sent over VDXP in %.1f ms (%.2f ms each, DocId answered"
                        + " before signing); all ACCEPTED evidence stored %.1f ms after the last DocId; %d records"
                        + " issued meanwhile%n", documents, (sent - started) / 1e6, (sent - started) / 1e6 / documents,
                (stored - sent) / 1e6, issuer.issued() - before);

        // the evidence itself, in process: signing (CMS, the configured key) and storing in batches of 64
        int records = 640;
        List<vn.lienthong.trust.evidence.SignedEvidence> signed = new ArrayList<>();
        vn.lienthong.trust.evidence.EvidenceSigner signer = new vn.lienthong.trust.evidence.EvidenceSigner(keys.signer());
        String sha = "ab".repeat(32);
        for (int i = 0; i < 64; i++) { // warm-up
            signer.signEvidence(new EvidenceRecord("warm", sha, Packets.TINH_UY, Packets.UBND,
                    vn.lienthong.trust.evidence.EvidenceEvent.ACCEPTED, Instant.now()));
        }
        long signStart = System.nanoTime();
        for (int i = 0; i < records; i++) {
            signed.add(signer.signEvidence(new EvidenceRecord("bench-" + i, sha, Packets.TINH_UY, Packets.UBND,
                    vn.lienthong.trust.evidence.EvidenceEvent.ACCEPTED, Instant.now())));
        }
        long signEnd = System.nanoTime();
        for (int from = 0; from < records; from += 64) {
            List<EvidenceStore.NewEvidence> batch = new ArrayList<>();
            for (int i = from; i < from + 64; i++) {
                var s = signed.get(i);
                batch.add(new EvidenceStore.NewEvidence(-1 - i, "bench", null, s.record().docId(), "ACCEPTED",
                        Packets.TINH_UY, Packets.UBND, s.record().time(), s.recordSha256(), s.cms()));
            }
            store.store(batch, List.of());
        }
        long storeEnd = System.nanoTime();
        jdbc.sql("DELETE FROM evidence WHERE document_id = 'bench'").update();
        System.out.printf("EVIDENCE COST (%s, %s): signing %.1f µs per record, storing %.1f µs per record (batches of"
                        + " 64, one transaction each), %d bytes of CMS per record; per document with one recipient:"
                        + " ACCEPTED + DELIVERED = 2 records%n", keys.signer().signatureAlgorithm(),
                databaseName.get(),
                (signEnd - signStart) / 1e3 / records, (storeEnd - signEnd) / 1e3 / records, signed.get(0).cms().length);
    }

    private String send(VdxpClient client) throws Exception {
        return send(client, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.UBND));
    }

    private String availableCopy(String docId, String recipient) throws Exception {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT id FROM deliveries WHERE document_id = :doc"
                        + " AND recipient_code = :to AND state = 'AVAILABLE'").param("doc", docId).param("to", recipient)
                .query(String.class).optional(), java.util.Optional::isPresent).orElseThrow();
    }

    private static List<String> events(JsonNode data) {
        List<String> events = new ArrayList<>();
        data.forEach(item -> events.add(item.path("event").asText()));
        return events;
    }
}
