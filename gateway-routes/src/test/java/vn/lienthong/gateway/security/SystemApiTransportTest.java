package vn.lienthong.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.SignedRequests;

/**
 * The systems' APIs as the production profile serves them: plain HTTP refused (52) unless a trusted
 * TLS-terminating proxy (here 127.0.0.1) says the client came over HTTPS; failed logins slowed down (54).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SystemApiTransportTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
        registry.add("gateway.security.allow-plain-http", () -> "false");
        registry.add("gateway.security.trusted-proxies", () -> "127.0.0.1");
        registry.add("gateway.security.login-free-failures-per-user", () -> "3");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> list() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("messagetype", "edoc");
        parameters.put("timestamp", SignedRequests.sdkTimestamp(Duration.ZERO));
        return parameters;
    }

    @Test
    void plainHttpIsRefusedOnBothSystemApis() throws Exception {
        assertThat(SampleSystems.tinhUy(port).getReceivedEdocList("edoc").errorCode()).isEqualTo("52");

        HttpResponse<String> soap = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/services/lienthong"))
                .header("Content-Type", "text/xml")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "qlvb-tinhuy:tinhuy-secret-2026".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(soap.statusCode()).isEqualTo(403);
        assertThat(soap.headers().firstValue("X-Lienthong-ErrorCode")).hasValue("52");
        assertThat(soap.body()).contains("soap:Fault").contains("52");

        // operators' side and the probes are not the systems' APIs
        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
    }

    @Test
    void aTrustedProxySayingHttpsIsBelieved() throws Exception {
        SignedRequests.Captured behindProxy = SignedRequests.sign("qlvb-tinhuy", "tinhuy-secret-2026", list());
        behindProxy.headers().put("X-Forwarded-Proto", "https");
        JsonNode answer = behindProxy.sendTo(port, "getReceivedEdocList");
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("OK");
    }

    @Test
    void failedLoginsAreSlowedDownPerSystemEvenForTheRightSecretAfterwards() throws Exception {
        for (int i = 0; i < 3; i++) {
            SignedRequests.Captured wrong = SignedRequests.sign("vpcp", "doan-sai-" + i, list());
            wrong.headers().put("X-Forwarded-Proto", "https");
            assertThat(wrong.sendTo(port, "getReceivedEdocList").path("ErrorCode").asText()).isEqualTo("15");
        }
        SignedRequests.Captured right = SignedRequests.sign("vpcp", "vpcp-secret-2026", list());
        right.headers().put("X-Forwarded-Proto", "https");
        JsonNode slowed = right.sendTo(port, "getReceivedEdocList");
        assertThat(slowed.path("ErrorCode").asText()).as(slowed.toString()).isEqualTo("54");

        // an unknown system is answered exactly like a wrong secret
        SignedRequests.Captured unknown = SignedRequests.sign("khong-ton-tai", "x", list());
        unknown.headers().put("X-Forwarded-Proto", "https");
        JsonNode answer = unknown.sendTo(port, "getReceivedEdocList");
        assertThat(answer.path("ErrorCode").asText()).isEqualTo("15");
        assertThat(answer.path("ErrorDesc").asText()).isEqualTo(
                vn.lienthong.adapters.exchange.GatewayError.BAD_CREDENTIALS.vietnamese());
    }
}
