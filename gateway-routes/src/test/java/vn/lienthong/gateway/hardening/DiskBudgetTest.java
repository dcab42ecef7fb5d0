package vn.lienthong.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Issue 10.5: a gateway whose packet store is over its disk budget (here: it wants more free space than
 * any disk has) refuses new packets with 64 before writing a byte of them, and raises DISK_HIGH_WATER;
 * reading what is there goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DiskBudgetTest {

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
        registry.add("gateway.limits.disk.min-free", () -> "1000000TB");
    }

    @LocalServerPort
    int port;

    @Test
    void newPacketsAreRefusedAboveTheHighWaterMark() throws Exception {
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), Packets.TINH_UY + ",2026/11/21,1/DISK");
        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("64");
        assertThat(SampleSystems.ubnd(port).getReceivedEdocList("edoc").ok()).as("reading goes on").isTrue();
        try (Stream<Path> stored = Files.walk(dataDir.resolve("payloads"))) {
            assertThat(stored.filter(Files::isRegularFile).toList()).as("nothing written").isEmpty();
        }
        HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/overview"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "theodoi:theodoi-2026".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overview.body()).contains("DISK_HIGH_WATER");
    }
}
