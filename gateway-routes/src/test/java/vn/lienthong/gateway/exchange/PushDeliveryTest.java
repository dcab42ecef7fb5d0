package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.adapters.push.LienthongReceiver;
import vn.lienthong.adapters.push.ReceiverEndpoints;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.operations.DeliveryOperations;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * Push recipients through real SOAP calls: the main scenario (UBND pulls, Sở Nội vụ is pushed to), a
 * recipient down for a while that gets everything once it is back, and one that stays down, ends FAILED
 * and is delivered by a resend.
 */
class PushDeliveryTest extends GatewayTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // fast redelivery so that a test sees retries and the dead letter within seconds
        registry.add("gateway.delivery.initial-delay", () -> "200ms");
        registry.add("gateway.delivery.multiplier", () -> "1.5");
        registry.add("gateway.delivery.max-delay", () -> "500ms");
        registry.add("gateway.delivery.max-attempts", () -> "4");
        registry.add("gateway.intake.push-timeout", () -> "5s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryOperations operations;

    private ReceiverEndpoints.Handle receiverHandle;

    /** Sở Nội vụ's document system: keeps what it is pushed. */
    static final class SoNoiVuSystem implements LienthongReceiver {
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        final List<byte[]> packets = new CopyOnWriteArrayList<>();

        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            try (InputStream in = packet.getInputStream()) {
                packets.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deliveries.add(deliveryId);
            return "SNV-" + deliveries.size();
        }
    }

    @AfterEach
    void stopReceiver() {
        if (receiverHandle != null) {
            receiverHandle.close();
        }
    }

    @Test
    void mainScenarioUbndPullsSoNoiVuIsPushedAndBothAnswer() throws Exception {
        SoNoiVuSystem soNoiVu = new SoNoiVuSystem();
        // the receiver checks the gateway's proof under the secret of the Sở's system (qlvb-ubnd)
        receiverHandle = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/qlvb/nhan", soNoiVu,
                vn.lienthong.adapters.push.PushVerifier.forSecret("ubnd-secret-2026"));
        configurePush(Packets.SO_NOI_VU, receiverHandle.url());

        String documentId = newDocumentId(Packets.TINH_UY, "-CV/VPTU");
        Path congVan = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND, Packets.SO_NOI_VU), documentId);
        VdxpClient.Answer sent = tinhUy().sendEdoc(congVan, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();

        // UBND pulls through the VDXP API
        String ubndCopy = await().atMost(Duration.ofSeconds(20)).until(() -> ubnd().getReceivedEdocList("edoc").data(),
                list -> list.size() > 0).get(0).path("docId").asText();
        EdocHeader atUbnd = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd().getEdoc(ubndCopy)));
        assertThat(ubnd().updateStatus(ubndCopy, "done").ok()).isTrue();

        // Sở Nội vụ is pushed to over SOAP
        await().atMost(Duration.ofSeconds(20)).until(() -> soNoiVu.packets.size(), n -> n == 1);
        EdocHeader atSoNoiVu = (EdocHeader) Packets.header(soNoiVu.packets.get(0));
        assertThat(atSoNoiVu.messageHeader().documentId()).isEqualTo(documentId);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryState(sent.docId(), Packets.SO_NOI_VU), "DELIVERED"::equals);

        // both answer 01 then 03; the system of UBND and Sở Nội vụ sends for each
        for (StatusCode code : List.of(StatusCode.ARRIVED, StatusCode.ACCEPTED)) {
            for (var pair : List.of(List.of(Packets.UBND, atUbnd), List.of(Packets.SO_NOI_VU, atSoNoiVu))) {
                Path status = Packets.status(work, (EdocHeader) pair.get(1), (String) pair.get(0), code);
                VdxpClient.Answer answer = ubnd().sendEdoc(status, "status", (String) pair.get(0));
                assertThat(answer.ok()).as(answer.json().toString()).isTrue();
            }
        }
        // the Tỉnh ủy system finds all four statuses with getReceivedEdocList(messagetype=status)
        var statuses = await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy().getReceivedEdocList("status").data(),
                list -> list.size() >= 4);
        List<String> seen = new java.util.ArrayList<>();
        for (var item : statuses) {
            StatusHeader status = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(
                    tinhUy().getEdoc(item.path("docId").asText())));
            assertThat(status.responseFor().documentId()).isEqualTo(documentId);
            seen.add(status.from().organId() + ":" + status.statusCode());
            tinhUy().updateStatus(item.path("docId").asText(), "done");
        }
        assertThat(seen).containsExactlyInAnyOrder(Packets.UBND + ":01", Packets.SO_NOI_VU + ":01",
                Packets.UBND + ":03", Packets.SO_NOI_VU + ":03");
    }

    @Test
    void aRecipientDownForAWhileGetsEverythingOnceItIsBack() throws Exception {
        int receiverPort = freePort();
        configurePush(Packets.SO_NOI_VU, URI.create("http://127.0.0.1:" + receiverPort + "/qlvb/nhan"));
        String docId = send(Packets.SO_NOI_VU);
        String deliveryId = deliveryId(docId, Packets.SO_NOI_VU);
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(deliveryId), n -> n >= 1);
        assertThat(deliveryState(docId, Packets.SO_NOI_VU)).isIn("PENDING", "QUEUED");

        SoNoiVuSystem soNoiVu = new SoNoiVuSystem();
        receiverHandle = ReceiverEndpoints.publishSoap("127.0.0.1", receiverPort, "/qlvb/nhan", soNoiVu);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryState(docId, Packets.SO_NOI_VU), "DELIVERED"::equals);
        assertThat(soNoiVu.deliveries).containsExactly(deliveryId);
    }

    @Test
    void aRecipientThatStaysDownEndsFailedAndAResendDeliversIt() throws Exception {
        int receiverPort = freePort();
        configurePush(Packets.SO_NOI_VU, URI.create("http://127.0.0.1:" + receiverPort + "/qlvb/nhan"));
        String docId = send(Packets.SO_NOI_VU);
        String deliveryId = deliveryId(docId, Packets.SO_NOI_VU);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryState(docId, Packets.SO_NOI_VU), "FAILED"::equals);
        assertThat(attempts(deliveryId)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT last_error FROM deliveries WHERE id = :id").param("id", deliveryId)
                .query(String.class).single()).isNotBlank();

        SoNoiVuSystem soNoiVu = new SoNoiVuSystem();
        receiverHandle = ReceiverEndpoints.publishSoap("127.0.0.1", receiverPort, "/qlvb/nhan", soNoiVu);
        assertThat(operations.resend(List.of(deliveryId), "van-hanh")).containsExactly(deliveryId);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryState(docId, Packets.SO_NOI_VU), "DELIVERED"::equals);
        assertThat(soNoiVu.deliveries).containsExactly(deliveryId);
        List<String> events = jdbc.sql("SELECT type FROM events WHERE delivery_id = :id ORDER BY id")
                .param("id", deliveryId).query(String.class).list();
        assertThat(events).containsSubsequence("PUSH_FAILED", "FAILED", "RESENT", "DELIVERED");
    }

    // ---------------------------------------------------------------- helpers

    private String send(String recipient) throws Exception {
        return send(tinhUy(), "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml", Packets.TINH_UY,
                List.of(recipient));
    }

    private void configurePush(String agency, URI endpoint) {
        jdbc.sql("UPDATE agencies SET delivery_mode = 'PUSH_SOAP', push_endpoint = :url WHERE code = :code")
                .param("url", endpoint.toString()).param("code", agency).update();
    }

    private String deliveryState(String docId, String recipient) {
        return jdbc.sql("SELECT state FROM deliveries WHERE document_id = :doc AND recipient_code = :to")
                .param("doc", docId).param("to", recipient).query(String.class).single();
    }

    private String deliveryId(String docId, String recipient) {
        return jdbc.sql("SELECT id FROM deliveries WHERE document_id = :doc AND recipient_code = :to")
                .param("doc", docId).param("to", recipient).query(String.class).single();
    }

    private int attempts(String deliveryId) {
        return jdbc.sql("SELECT attempts FROM deliveries WHERE id = :id").param("id", deliveryId)
                .query(Integer.class).single();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    VdxpClient tinhUy() {
        return SampleSystems.tinhUy(port);
    }

    VdxpClient ubnd() {
        return SampleSystems.ubnd(port);
    }

}
