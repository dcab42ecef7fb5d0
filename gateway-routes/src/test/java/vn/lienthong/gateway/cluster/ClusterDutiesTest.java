package vn.lienthong.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.gateway.operator.OperatorConfiguration;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * What several nodes share through the database, seen from one real gateway (H2, embedded broker): a route
 * suspension written by any node is applied by this one, and lifted too; the periodic retention purge runs
 * only on the node holding its lease; the cluster-wide gauges are exported only by the node holding theirs.
 * Another node is played by writing the rows it would write.
 */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // /actuator/prometheus
class ClusterDutiesTest extends GatewayTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.cluster.route-check-interval", () -> "200ms");
        registry.add("gateway.retention.keep-packets-for", () -> "PT1S");
        registry.add("gateway.retention.purge-interval", () -> "300ms");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    ClusterLeases leases;

    @Autowired
    PayloadStore payloads;

    @Autowired
    OperatorConfiguration.GaugeRefresher gauges;

    @Test
    void aRouteSuspensionWrittenByAnyNodeHoldsOnThisOne() throws Exception {
        // the operator suspends through this node: recorded for every node, applied here at once
        assertThat(operatorPost("/api/v1/routes/delivery-pull/suspend").statusCode()).isEqualTo(200);
        assertThat(status("delivery-pull")).isEqualTo(ServiceStatus.Suspended);
        assertThat(jdbc.sql("SELECT suspended_by FROM route_suspensions WHERE route_id = 'delivery-pull'")
                .query(String.class).single()).isEqualTo("vanhanh");

        // resumed through another node (its row removed there): this node resumes the route too
        jdbc.sql("DELETE FROM route_suspensions WHERE route_id = 'delivery-pull'").update();
        Await.until(Duration.ofSeconds(5), () -> status("delivery-pull"), ServiceStatus.Started::equals);

        // suspended through another node: this node suspends it, and resuming through this node lifts it everywhere
        jdbc.sql("INSERT INTO route_suspensions (route_id, suspended_by, suspended_at) VALUES ('delivery-push',"
                + " 'quantri', :at)").param("at", OffsetDateTime.now()).update();
        Await.until(Duration.ofSeconds(5), () -> status("delivery-push"), ServiceStatus.Suspended::equals);
        assertThat(operatorPost("/api/v1/routes/delivery-push/resume").statusCode()).isEqualTo(200);
        assertThat(status("delivery-push")).isEqualTo(ServiceStatus.Started);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM route_suspensions").query(Long.class).single()).isZero();
    }

    @Test
    void thePeriodicPurgeRunsOnTheNodeHoldingItsLeaseOnly() throws Exception {
        // the periodic purge runs here (every 300 ms); then another node takes its lease
        Await.until(Duration.ofSeconds(10), () -> leases.holder("retention"), holder -> holder.isPresent());
        jdbc.sql("UPDATE cluster_leases SET holder = 'node-elsewhere', expires_at = :until WHERE name = 'retention'")
                .param("until", OffsetDateTime.now().plusHours(1)).update();
        String waiting = send(SampleSystems.tinhUy(port), "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(Packets.UBND));
        String finished = send(SampleSystems.tinhUy(port), "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(Packets.VPCP));
        String finishedDelivery = deliveryOf(finished);
        Await.until(Duration.ofSeconds(20), () -> deliveryState(finishedDelivery), "AVAILABLE"::equals);
        assertThat(SampleSystems.vpcp(port).updateStatus(finishedDelivery, "done").ok()).isTrue();
        Path packet = payloads.path(storedSha256(finished));
        assertThat(packet).exists();

        // older than the retention period (1 s) and finished, but this node does not hold the lease
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> purgedAt(finished) == null);
        assertThat(packet).exists();

        // the other node is gone (its lease given back): this node takes the purge over
        jdbc.sql("DELETE FROM cluster_leases WHERE name = 'retention'").update();
        Await.until(Duration.ofSeconds(10), () -> purgedAt(finished), at -> at != null);
        assertThat(leases.holder("retention")).contains(leases.node());
        // the document is marked first, its files are removed after
        Await.until(Duration.ofSeconds(10), () -> java.nio.file.Files.exists(packet), exists -> !exists);
        assertThat(jdbc.sql("SELECT actor FROM events WHERE document_id = :d AND type = 'PURGED'").param("d", finished)
                .query(String.class).list()).containsExactly("gateway.retention");
        assertThat(purgedAt(waiting)).as("a document its recipient has not received keeps its packet").isNull();
        assertThat(SampleSystems.ubnd(port).getEdoc(deliveryOf(waiting)).ok()).isTrue();
    }

    @Test
    void clusterWideGaugesComeFromTheNodeHoldingTheirLeaseOnly() throws Exception {
        gauges.refresh();
        assertThat(scrape()).contains("lienthong_deliveries{").contains("lienthong_queue_depth{")
                .contains("lienthong_route_exchanges{");

        // another node holds the lease: this node stops exporting them, and keeps its own route counters
        jdbc.sql("UPDATE cluster_leases SET holder = 'node-elsewhere', expires_at = :until WHERE name = 'cluster-gauges'")
                .param("until", OffsetDateTime.now().plusHours(1)).update();
        gauges.refresh();
        assertThat(scrape()).doesNotContain("lienthong_deliveries{").doesNotContain("lienthong_queue_depth{")
                .contains("lienthong_route_exchanges{");

        jdbc.sql("DELETE FROM cluster_leases WHERE name = 'cluster-gauges'").update();
        gauges.refresh();
        assertThat(scrape()).contains("lienthong_deliveries{state=\"DELIVERED\"");
    }

    // ---------------------------------------------------------------- helpers

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    private String deliveryOf(String docId) {
        return jdbc.sql("SELECT id FROM deliveries WHERE document_id = :d").param("d", docId).query(String.class).single();
    }

    private String deliveryState(String deliveryId) {
        return jdbc.sql("SELECT state FROM deliveries WHERE id = :id").param("id", deliveryId).query(String.class).single();
    }

    private String storedSha256(String docId) {
        return jdbc.sql("SELECT stored_sha256 FROM documents WHERE id = :d").param("d", docId).query(String.class)
                .single().trim();
    }

    private OffsetDateTime purgedAt(String docId) {
        return jdbc.sql("SELECT packets_purged_at FROM documents WHERE id = :d").param("d", docId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
    }

    private HttpResponse<String> operatorPost(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic("vanhanh:vanhanh-2026"))
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", basic("theodoi:theodoi-2026")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
