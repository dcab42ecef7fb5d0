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
 * The gateway's edges as the production profile sets them, attacked over real HTTP: the systems' APIs refuse plain
 * HTTP (52) unless a trusted TLS-terminating proxy (here 127.0.0.1) says the client came over HTTPS; failed logins
 * of systems and operators are slowed down (54); unsafe operator requests from another site are refused, whatever
 * they authenticate with; health details, push endpoints and the console's headers are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class HardenedEdgesTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
        registry.add("gateway.security.allow-plain-http", () -> "false");
        registry.add("gateway.security.trusted-proxies", () -> "127.0.0.1");
        registry.add("gateway.security.login-free-failures-per-user", () -> "3");
        registry.add("gateway.security.allow-internal-endpoints", () -> "false");
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    /** Issue 10.6: SOAP failed logins are slowed down as the VDXP API's are (54), before the secret is compared. */
    @Test
    void failedSoapLoginsAreSlowedDown() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(soapListAgencies("qlvb-ubnd:doan-sai-" + i).body()).contains("errorCode>15<");
        }
        HttpResponse<String> slowed = soapListAgencies("qlvb-ubnd:ubnd-secret-2026");
        assertThat(slowed.body()).contains("errorCode>54<").doesNotContain("listAgenciesResponse");
        // another system is not held back by this one's failures
        HttpResponse<String> other = soapListAgencies("qlvb-tinhuy:tinhuy-secret-2026");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    }

    private HttpResponse<String> soapListAgencies(String credentials) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<l:listAgencies xmlns:l=\"" + vn.lienthong.adapters.soap.LienthongSoapService.NAMESPACE + "\"/>"
                + "</soap:Body></soap:Envelope>";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/lienthong"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .header("X-Forwarded-Proto", "https")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- operators

    private HttpResponse<String> operatorCall(String method, String path, String user, String password,
                                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserWithCachedBasicCredentialsCannotBeMadeToActFromAnotherSite() throws Exception {
        String suspend = "/api/v1/agencies/000.00.05.H41/suspend";
        HttpResponse<String> fromEvil = operatorCall("POST", suspend, "vanhanh", "vanhanh-2026",
                Map.of("Origin", "http://evil.example"));
        assertThat(fromEvil.statusCode()).as(fromEvil.body()).isEqualTo(403);
        HttpResponse<String> crossSite = operatorCall("POST", suspend, "vanhanh", "vanhanh-2026",
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT suspended FROM agencies WHERE code = '000.00.05.H41'").query(Boolean.class).single())
                .as("nothing was suspended").isFalse();

        // the CLI and scripts (no browser headers) still work with Basic, and the action is in the chained log
        HttpResponse<String> cli = operatorCall("POST", suspend, "vanhanh", "vanhanh-2026", Map.of());
        assertThat(cli.statusCode()).as(cli.body()).isEqualTo(200);
        operatorCall("POST", "/api/v1/agencies/000.00.05.H41/resume", "vanhanh", "vanhanh-2026", Map.of());
        // recorded once the action's answer is written: wait for it, then verify the chain (which chains it)
        vn.lienthong.gateway.support.Await.until(java.time.Duration.ofSeconds(10),
                () -> jdbc.sql("SELECT COUNT(*) FROM events WHERE type = 'OPERATOR_ACTION' AND detail LIKE '%/resume'")
                        .query(Long.class).single(), count -> count > 0);
        HttpResponse<String> verify = operatorCall("GET", "/api/v1/chain/verify", "theodoi", "theodoi-2026", Map.of());
        assertThat(verify.body()).contains("\"intact\":true");
        assertThat(jdbc.sql("SELECT actor FROM events WHERE type = 'OPERATOR_ACTION' AND detail = ? AND seq IS NOT NULL")
                .param("POST " + suspend).query(String.class).list()).containsExactly("vanhanh");
    }

    @Test
    void aBrowserIsNeverChallengedForBasicCredentials() throws Exception {
        HttpResponse<String> browser = operatorCall("GET", "/api/v1/routes", null, null,
                Map.of("Sec-Fetch-Mode", "navigate", "Accept", "text/html"));
        assertThat(browser.statusCode()).isEqualTo(401);
        assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> script = operatorCall("GET", "/api/v1/routes", null, null, Map.of());
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"lienthong\"");
    }

    @Test
    void failedOperatorLoginsAreSlowedDown() throws Exception {
        // a guesser working on one login: the fourth attempt is refused before any password is checked
        for (int i = 0; i < 3; i++) {
            assertThat(operatorCall("GET", "/api/v1/me", "ke-doan-mat-khau", "doan-" + i, Map.of()).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> slowed = operatorCall("GET", "/api/v1/me", "ke-doan-mat-khau", "doan-3", Map.of());
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.body()).contains("\"ErrorCode\":\"54\"");
    }

    @Test
    void healthDetailsAreForOperatorsWhileTheProbesStayOpen() throws Exception {
        HttpResponse<String> anonymous = operatorCall("GET", "/actuator/health", null, null, Map.of());
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components");
        HttpResponse<String> viewer = operatorCall("GET", "/actuator/health", "theodoi", "theodoi-2026", Map.of());
        assertThat(viewer.body()).contains("components").contains("\"db\"");
        HttpResponse<String> readiness = operatorCall("GET", "/actuator/health/readiness", null, null, Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"broker\"");
    }

    @Test
    void theConsoleSendsAContentSecurityPolicy() throws Exception {
        HttpResponse<String> console = operatorCall("GET", "/console/login.html", null, null, Map.of());
        assertThat(console.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void anAdminCannotPointAPushEndpointAtTheGatewaysOwnMachine() throws Exception {
        for (String endpoint : new String[] {"http://127.0.0.1:8080/actuator", "http://localhost/x",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/x"}) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/directory/agencies/000.00.00.G22"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"deliveryMode\":\"PUSH_REST\",\"pushEndpoint\":\""
                            + endpoint + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.body()).as(endpoint).contains("\"ErrorCode\":\"55\"");
        }
        assertThat(jdbc.sql("SELECT delivery_mode FROM agencies WHERE code = '000.00.00.G22'").query(String.class).single())
                .isEqualTo("PULL");
    }

    @Test
    void attackerControlledSystemIdsReachTheLogEscaped(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        SignedRequests.Captured forged = SignedRequests.sign("x\r\n2026-12-07 ERROR gia mao dong nhat ky", "x", list());
        forged.headers().put("X-Forwarded-Proto", "https");
        assertThat(forged.sendTo(port, "getReceivedEdocList").path("ErrorCode").asText()).isEqualTo("15");
        assertThat(output.getOut()).contains("x\\r\\n2026-12-07 ERROR gia mao dong nhat ky")
                .doesNotContain("\n2026-12-07 ERROR gia mao");
    }
}
