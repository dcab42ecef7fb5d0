package vn.lienthong.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.adapters.push.LienthongReceiver;
import vn.lienthong.adapters.push.ReceiverEndpoints;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.routes.DispatchRequest;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * What keeps several nodes (or several consumers of one node) from doing a delivery twice or losing it, with
 * the real gateway (H2, embedded broker, real SOAP push): two messages for one push delivery arriving at once
 * push it once; a QUEUED delivery whose message vanished after the broker's acknowledgement is dispatched again
 * by the sweeper; a packet missing from the payload store answers code 80, not HTTP 500; the leases.
 */
class ClusterSafetyTest extends GatewayTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(8000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.delivery.initial-delay", () -> "200ms");
        registry.add("gateway.delivery.max-delay", () -> "500ms");
        // the broker's whole budget for one message: 4 attempts, spent in about a second
        registry.add("gateway.delivery.max-attempts", () -> "4");
        registry.add("gateway.intake.sweep-interval", () -> "300ms");
        registry.add("gateway.intake.sweep-age", () -> "1s");
        registry.add("gateway.intake.queued-age", () -> "2s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JmsTemplate jms;

    @Autowired
    PayloadStore payloads;

    @Autowired
    ClusterLeases leases;

    private ReceiverEndpoints.Handle receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** A recipient whose system answers only when the test lets it, and counts every push it gets. */
    static final class SlowReceiver implements LienthongReceiver {
        final List<String> pushes = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            try (InputStream in = packet.getInputStream()) {
                in.readAllBytes();
                pushes.add(deliveryId);
                entered.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "OK";
        }
    }

    @Test
    void twoMessagesForOnePushDeliveryAtOncePushItOnce() throws Exception {
        SlowReceiver soNoiVu = new SlowReceiver();
        receiver = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/qlvb/nhan", soNoiVu);
        jdbc.sql("UPDATE agencies SET delivery_mode = 'PUSH_SOAP', push_endpoint = :url WHERE code = :code")
                .param("url", receiver.url().toString()).param("code", Packets.SO_NOI_VU).update();
        try {
            String docId = send(Packets.SO_NOI_VU);
            String deliveryId = deliveryId(docId, Packets.SO_NOI_VU);
            assertThat(soNoiVu.entered.await(20, TimeUnit.SECONDS)).as("the first push reached the recipient").isTrue();

            // a second message for the same delivery, as a sweeper on another node would send, while the first
            // push is still in progress: its consumer finds the claim and leaves it to the broker's redelivery
            jms.convertAndSend(DispatchRequest.PUSH_QUEUE, deliveryId);
            Await.until(Duration.ofSeconds(10), () -> jdbc.sql(
                            "SELECT COUNT(*) FROM events WHERE delivery_id = :id AND type = 'PUSH_FAILED'")
                    .param("id", deliveryId).query(Long.class).single(), n -> n == 0L);
            assertThat(claimedBy(deliveryId)).isEqualTo(leases.node());

            soNoiVu.release.countDown();
            Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "DELIVERED"::equals);
            // the second message was put back for when the claim ends: there it will find the delivery done
            Await.until(Duration.ofSeconds(10), () -> queueDepth(), depth -> depth == 0L);
            assertThat(soNoiVu.pushes).containsExactly(deliveryId);
        } finally {
            soNoiVu.release.countDown();
            jdbc.sql("UPDATE agencies SET delivery_mode = 'PULL', push_endpoint = NULL WHERE code = :code")
                    .param("code", Packets.SO_NOI_VU).update();
        }
    }

    @Test
    void aPushClaimedByAnotherNodeWaitsWithoutSpendingTheDeliverysAttempts() throws Exception {
        SlowReceiver soNoiVu = new SlowReceiver();
        soNoiVu.release.countDown(); // answers at once
        receiver = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/qlvb/nhan", soNoiVu);
        jdbc.sql("UPDATE agencies SET delivery_mode = 'PUSH_SOAP', push_endpoint = :url, suspended = TRUE WHERE code = :code")
                .param("url", receiver.url().toString()).param("code", Packets.SO_NOI_VU).update();
        try {
            // a delivery that another node is pushing: its claim lasts 4 s more
            String docId = send(Packets.SO_NOI_VU);
            String deliveryId = deliveryId(docId, Packets.SO_NOI_VU);
            Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "HELD"::equals);
            jdbc.sql("UPDATE deliveries SET state = 'QUEUED', claimed_by = 'another-node', claimed_until = :until"
                            + " WHERE id = :id")
                    .param("until", java.time.OffsetDateTime.now().plusSeconds(4)).param("id", deliveryId).update();
            jdbc.sql("UPDATE agencies SET suspended = FALSE WHERE code = :code").param("code", Packets.SO_NOI_VU).update();

            // this node's message for it finds the claim, for longer than the broker's whole budget of attempts:
            // waiting for the other node must not send the delivery to the dead letters
            jms.convertAndSend(DispatchRequest.PUSH_QUEUE, deliveryId);
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> state(deliveryId), "QUEUED"::equals);
            assertThat(soNoiVu.pushes).isEmpty();

            // the other node died without pushing: once its claim has run out, this node pushes, once
            Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "DELIVERED"::equals);
            assertThat(soNoiVu.pushes).containsExactly(deliveryId);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM events WHERE delivery_id = :id AND type = 'FAILED'")
                    .param("id", deliveryId).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("UPDATE agencies SET delivery_mode = 'PULL', push_endpoint = NULL, suspended = FALSE WHERE code = :code")
                    .param("code", Packets.SO_NOI_VU).update();
        }
    }

    @Test
    void aQueuedDeliveryWhoseMessageVanishedIsDispatchedAgain() throws Exception {
        String docId = send(Packets.UBND);
        String deliveryId = deliveryId(docId, Packets.UBND);
        Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "AVAILABLE"::equals);

        // as if the node had died after the broker's acknowledgement and before the database took it
        jdbc.sql("UPDATE deliveries SET state = 'QUEUED', available_at = NULL, updated_at = :old WHERE id = :id")
                .param("old", java.time.OffsetDateTime.now().minusMinutes(1)).param("id", deliveryId).update();

        Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "AVAILABLE"::equals);
        List<String> inbox = ids(SampleSystems.ubnd(port).getReceivedEdocList("edoc"));
        assertThat(inbox).containsOnlyOnce(deliveryId);
        assertThat(SampleSystems.ubnd(port).updateStatus(deliveryId, "done").ok()).isTrue();
    }

    @Test
    void aPacketMissingFromThePayloadStoreAnswersCode80() throws Exception {
        String docId = send(Packets.UBND);
        String deliveryId = deliveryId(docId, Packets.UBND);
        Await.until(Duration.ofSeconds(20), () -> state(deliveryId), "AVAILABLE"::equals);
        String sha256 = jdbc.sql("SELECT stored_sha256 FROM documents WHERE id = :id").param("id", docId)
                .query(String.class).single();
        Path stored = payloads.path(sha256);
        Path aside = work.resolve("aside.edxml");
        Files.move(stored, aside); // a node whose shared store is not mounted sees exactly this

        VdxpClient.Answer answer = SampleSystems.ubnd(port).getEdoc(deliveryId);
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("80");
        assertThat(answer.errorDesc()).contains("kho lưu trữ");

        Files.move(aside, stored);
        assertThat(SampleSystems.ubnd(port).getEdoc(deliveryId).ok()).isTrue();
        assertThat(SampleSystems.ubnd(port).updateStatus(deliveryId, "done").ok()).isTrue();
    }

    @Test
    void oneNodeAtATimeHoldsALeaseAndADeadNodesLeaseIsTakenOver() throws Exception {
        ClusterLeases nodeA = new ClusterLeases(jdbc, "node-a");
        ClusterLeases nodeB = new ClusterLeases(jdbc, "node-b");
        assertThat(nodeA.acquire("test-task", Duration.ofMillis(400))).isTrue();
        assertThat(nodeB.acquire("test-task", Duration.ofMinutes(1))).isFalse();
        assertThat(nodeA.acquire("test-task", Duration.ofMillis(400))).as("the holder renews").isTrue();
        assertThat(nodeA.holder("test-task")).contains("node-a");

        // node A stops renewing (it died): once its lease has run out, B takes the task over
        Await.until(Duration.ofSeconds(5), () -> nodeB.acquire("test-task", Duration.ofMinutes(1)), taken -> taken);
        assertThat(nodeA.acquire("test-task", Duration.ofMinutes(1))).isFalse();
        nodeB.release("test-task");
        assertThat(nodeA.acquire("test-task", Duration.ofMinutes(1))).as("a released lease is free at once").isTrue();
        nodeA.release("test-task");
    }

    // ---------------------------------------------------------------- helpers

    private String send(String recipient) throws Exception {
        String documentId = Packets.TINH_UY + ",2026/12/06," + NUMBER.incrementAndGet() + "-CV/VPTU";
        Path packet = Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(recipient), documentId);
        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(answer.ok()).as(answer.json().toString()).isTrue();
        return answer.docId();
    }

    private String deliveryId(String docId, String recipient) {
        return jdbc.sql("SELECT id FROM deliveries WHERE document_id = :doc AND recipient_code = :to")
                .param("doc", docId).param("to", recipient).query(String.class).single();
    }

    private String state(String deliveryId) {
        return jdbc.sql("SELECT state FROM deliveries WHERE id = :id").param("id", deliveryId).query(String.class).single();
    }

    private String claimedBy(String deliveryId) {
        return jdbc.sql("SELECT claimed_by FROM deliveries WHERE id = :id").param("id", deliveryId)
                .query(String.class).single();
    }

    private long queueDepth() {
        Integer count = jms.browse(DispatchRequest.PUSH_QUEUE, (session, browser) -> java.util.Collections.list(
                browser.getEnumeration()).size());
        return count == null ? 0 : count;
    }

    private static List<String> ids(VdxpClient.Answer list) {
        List<String> ids = new java.util.ArrayList<>();
        list.data().forEach(item -> ids.add(item.path("docId").asText()));
        return ids;
    }
}
