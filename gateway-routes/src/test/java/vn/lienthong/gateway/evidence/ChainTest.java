package vn.lienthong.gateway.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.chain.ChainHead;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The tamper-evident log on the embedded gateway: after real traffic the chain verifies through the operator API;
 * a signed head verifies with the real openssl; a past event's detail changed in the database is named (its seq
 * and event id); and the cost of one append is printed.
 */
class ChainTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    final java.util.function.Supplier<String> databaseName = () -> jdbcTemplate.execute(
            (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());

    @Autowired
    TrackingStore tracking;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aChangedPastRecordIsNamed() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        VdxpClient ubnd = SampleSystems.ubnd(port);
        String first = send(tinhUy);
        String second = send(tinhUy);
        for (String docId : List.of(first, second)) {
            String copy = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT id FROM deliveries"
                            + " WHERE document_id = :doc AND state = 'AVAILABLE'").param("doc", docId)
                    .query(String.class).optional(), java.util.Optional::isPresent).orElseThrow();
            assertThat(ubnd.updateStatus(copy, "done").ok()).isTrue();
        }

        JsonNode signed = operator("POST", "/api/v1/chain/heads");
        long headSeq = signed.path("signedHead").path("seq").asLong();
        assertThat(headSeq).isGreaterThanOrEqualTo(6);

        JsonNode intact = operator("GET", "/api/v1/chain/verify");
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("recordsChecked").asLong()).isGreaterThanOrEqualTo(headSeq);
        assertThat(intact.path("signedHead").path("valid").asBoolean()).isTrue();

        // the signed head, checked by the real openssl against the CA bundle
        Path p7s = work.resolve("head.p7s");
        Files.write(p7s, Base64.getDecoder().decode(signed.path("signedHead").path("cms").asText()));
        Path content = work.resolve("head.json");
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7s.toString(), "-CAfile", SamplePki.caBundlePath().toString(), "-out", content.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        ChainHead head = ChainHead.fromCanonicalJson(Files.readAllBytes(content));
        assertThat(head.sequence()).isEqualTo(headSeq);
        assertThat(head.hash()).isEqualTo(signed.path("signedHead").path("hash").asText());

        // an insider rewrites a past event: the first document's DELIVERED
        var victim = jdbc.sql("SELECT id, seq, detail FROM events WHERE document_id = :doc AND type = 'DELIVERED'")
                .param("doc", first).query((rs, n) -> new Object[] {rs.getLong("id"), rs.getLong("seq"),
                        rs.getString("detail")}).single();
        long eventId = (Long) victim[0];
        long seq = (Long) victim[1];
        jdbc.sql("UPDATE events SET detail = :detail WHERE id = :id").param("detail", "đã nhận từ hôm qua")
                .param("id", eventId).update();

        JsonNode broken = operator("GET", "/api/v1/chain/verify");
        assertThat(broken.path("intact").asBoolean()).isFalse();
        JsonNode firstBreak = broken.path("firstBreak");
        assertThat(firstBreak.path("seq").asLong()).as(broken.toString()).isEqualTo(seq);
        assertThat(firstBreak.path("eventId").asLong()).isEqualTo(eventId);
        assertThat(firstBreak.path("documentId").asText()).isEqualTo(first);
        assertThat(firstBreak.path("kind").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(firstBreak.path("reasonEn").asText()).contains("record " + seq);
        assertThat(broken.path("recordsChecked").asLong()).isEqualTo(seq);

        // put back as it was: intact again
        jdbc.sql("UPDATE events SET detail = :detail WHERE id = :id").param("detail", victim[2])
                .param("id", eventId).update();
        assertThat(operator("GET", "/api/v1/chain/verify").path("intact").asBoolean()).isTrue();

        // a record deleted: the one after it is named (its seq does not follow)
        long victimSeq = seq;
        jdbc.sql("UPDATE events SET seq = NULL WHERE id = :id").param("id", eventId).update();
        JsonNode gap = operator("GET", "/api/v1/chain/verify");
        assertThat(gap.path("firstBreak").path("kind").asText()).as(gap.toString()).isEqualTo("SEQUENCE_MISMATCH");
        assertThat(gap.path("firstBreak").path("seq").asLong()).isEqualTo(victimSeq + 1);
        jdbc.sql("UPDATE events SET seq = :seq WHERE id = :id").param("seq", victimSeq).param("id", eventId).update();
        assertThat(operator("GET", "/api/v1/chain/verify").path("intact").asBoolean()).isTrue();
    }

    @Test
    void costOfAnAppend() throws Exception {
        String docId = send(SampleSystems.tinhUy(port));
        int events = 500;
        for (int i = 0; i < 50; i++) { // warm-up
            tracking.event(docId, null, EventType.QUEUED, "warm-up " + i, "bench");
        }
        long hashOnly = time(() -> {
            var position = vn.lienthong.trust.chain.ChainPosition.GENESIS;
            for (int i = 0; i < events; i++) {
                position = vn.lienthong.trust.chain.ChainPosition.of(vn.lienthong.trust.chain.HashChain.next(position,
                        TrackingStore.chainFields(docId, null, "QUEUED", "bench " + i, "bench", java.time.Instant.now())));
            }
        });
        long chained = time(() -> {
            for (int i = 0; i < events; i++) {
                tracking.event(docId, null, EventType.QUEUED, "bench " + i, "bench");
            }
        });
        long plain = time(() -> {
            for (int i = 0; i < events; i++) {
                int n = i;
                transaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO events (document_id, type, detail,"
                                + " actor, created_at) VALUES (:doc, 'QUEUED', :detail, 'bench', CURRENT_TIMESTAMP)")
                        .param("doc", docId).param("detail", "plain " + n).update());
            }
        });
        // the plain rows are outside the chain (no seq): leave the chain as it was
        jdbc.sql("DELETE FROM events WHERE seq IS NULL AND actor = 'bench'").update();
        System.out.printf("CHAIN COST (%s): %d events, each in its own transaction: with the chain %.1f µs each,"
                        + " the same INSERT alone %.1f µs each, so the chain adds %.1f µs per event (inserted as pending,"
                        + " chained in batches by the chain writer meanwhile); of which canonical JSON + SHA-256 %.1f µs%n",
                database(), events, chained / 1e3 / events, plain / 1e3 / events, (chained - plain) / 1e3 / events,
                hashOnly / 1e3 / events);
        assertThat(operator("GET", "/api/v1/chain/verify").path("intact").asBoolean()).isTrue();

        // concurrent appends (and concurrent traffic) are serialized by the head's row lock: no gap, no fork
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    tracking.event(docId, null, EventType.QUEUED, "thread " + thread + " " + i, "bench");
                }
                return null;
            }));
        }
        java.util.concurrent.Future<String> traffic = pool.submit(() -> send(SampleSystems.tinhUy(port)));
        futures.add(traffic);
        for (var future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // the document's own events (queued, available) follow its answer: let them land before the walk
        String sent = traffic.get();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE document_id = :doc"
                + " AND state = 'AVAILABLE'").param("doc", sent).query(Long.class).single(), n -> n > 0);
        JsonNode after = operator("GET", "/api/v1/chain/verify");
        assertThat(after.path("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.path("lastSeq").asLong()).isEqualTo(
                jdbc.sql("SELECT MAX(seq) FROM events").query(Long.class).single());
    }

    private String database() {
        return databaseName.get();
    }

    private static long time(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private String send(VdxpClient client) throws Exception {
        return send(client, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.UBND));
    }

    private JsonNode operator(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
