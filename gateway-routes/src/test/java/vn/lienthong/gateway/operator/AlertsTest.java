package vn.lienthong.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * Alerts from real failures: a push recipient that stays down gives RECIPIENT_FAILING and, once its delivery
 * is dead-lettered, DEAD_LETTERS; each new alert reaches the webhook once, and shows in health details.
 */
class AlertsTest extends GatewayTest {

    static final List<String> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();
    static HttpServer webhook;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/canh-bao", exchange -> {
            WEBHOOK_CALLS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        registry.add("gateway.delivery.initial-delay", () -> "100ms");
        registry.add("gateway.delivery.multiplier", () -> "1.0");
        registry.add("gateway.delivery.max-delay", () -> "100ms");
        registry.add("gateway.delivery.max-attempts", () -> "2");
        registry.add("gateway.operators.alerts.recipient-failing-for", () -> "0s");
        registry.add("gateway.operators.alerts.check-interval", () -> "PT0.5S");
        registry.add("gateway.operators.alerts.webhook",
                () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/canh-bao");
    }

    @AfterAll
    static void stopWebhook() {
        webhook.stop(0);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alerts alerts;

    @Test
    void aRecipientThatStaysDownRaisesAlertsThatReachTheWebhookOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        jdbc.sql("UPDATE agencies SET delivery_mode = 'PUSH_REST', push_endpoint = :url WHERE code = :code")
                .param("url", "http://127.0.0.1:" + closedPort + "/nhan").param("code", Packets.SO_NOI_VU).update();
        VdxpClient tinhUy = new VdxpClient(URI.create("http://127.0.0.1:" + port + "/vdxp"), "qlvb-tinhuy",
                "tinhuy-secret-2026");
        assertThat(tinhUy.sendEdoc(Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(Packets.SO_NOI_VU), Packets.TINH_UY + ",2026/11/21,801-CV/VPTU"), "edoc",
                Packets.TINH_UY).ok()).isTrue();

        List<Alerts.Alert> raised = await().atMost(Duration.ofSeconds(30)).until(alerts::current,
                list -> list.stream().map(Alerts.Alert::code).toList().containsAll(List.of("RECIPIENT_FAILING", "DEAD_LETTERS")));
        assertThat(raised).anySatisfy(a -> assertThat(a.subject()).isEqualTo(Packets.SO_NOI_VU));

        await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOK_CALLS.size(), n -> n >= 2);
        assertThat(String.join("\n", WEBHOOK_CALLS)).contains("RECIPIENT_FAILING", "DEAD_LETTERS");
        int calls = WEBHOOK_CALLS.size();
        alerts.announce(); // the same alerts again: nothing new to post
        assertThat(WEBHOOK_CALLS).hasSize(calls);
    }
}
