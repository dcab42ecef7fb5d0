package vn.lienthong.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.GatewayTest;

/** The operator API over real HTTP: who may do what, and what operators see and change. */
@AutoConfigureObservability // metrics export is off in tests unless asked for
class OperatorApiTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode json, String body) {
    }

    Answer call(String method, String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (response.body().startsWith("{") || response.body().startsWith("[")) {
            json = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), json, response.body());
    }

    Answer viewer(String method, String path, String body) throws Exception {
        return call(method, path, "theodoi", "theodoi-2026", body);
    }

    Answer operator(String method, String path, String body) throws Exception {
        return call(method, path, "vanhanh", "vanhanh-2026", body);
    }

    Answer admin(String method, String path, String body) throws Exception {
        return call(method, path, "quantri", "quantri-2026", body);
    }

    VdxpClient system(String id, String secret) {
        return new VdxpClient(URI.create("http://127.0.0.1:" + port + "/vdxp"), id, secret);
    }

    String sendDocument(String documentId, String recipient) throws Exception {
        VdxpClient.Answer sent = system("qlvb-tinhuy", "tinhuy-secret-2026").sendEdoc(Packets.document(work,
                "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(recipient), documentId), "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        return sent.docId();
    }

    @Test
    void operatorsAndSystemsNeverOpenEachOthersDoors() throws Exception {
        assertThat(call("GET", "/api/v1/routes", null, null, null).status()).isEqualTo(401);
        Answer systemOnOperatorApi = call("GET", "/api/v1/routes", "qlvb-tinhuy", "tinhuy-secret-2026", null);
        assertThat(systemOnOperatorApi.status()).isEqualTo(401);
        assertThat(systemOnOperatorApi.json().path("ErrorCode").asText()).isEqualTo("15");
        // an operator's login is no credential on the systems' API
        Answer operatorOnVdxp = call("POST", "/vdxp/getReceivedEdocList", "quantri", "quantri-2026", "{}");
        assertThat(operatorOnVdxp.json().path("status").asText()).isEqualTo("FAIL");
        assertThat(operatorOnVdxp.json().path("ErrorCode").asText()).isEqualTo("17");

        assertThat(viewer("GET", "/api/v1/me", null).json().path("role").asText()).isEqualTo("VIEWER");
        Answer forbidden = viewer("POST", "/api/v1/deliveries/resend", "{\"ids\":[\"x\"]}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("ErrorCode").asText()).isEqualTo("48");
        assertThat(operator("POST", "/api/v1/deliveries/resend", "{\"ids\":[\"x\"]}").json().path("skipped").get(0).asText())
                .isEqualTo("x");
        assertThat(operator("POST", "/api/v1/directory/agencies", "{}").status()).isEqualTo(403);
        assertThat(call("GET", "/actuator/health/readiness", null, null, null).status()).isEqualTo(200);
    }

    @Test
    void operatorsSeeRoutesQueuesAgenciesAndTheDocumentTimeline() throws Exception {
        String documentId = Packets.TINH_UY + ",2026/11/21,701-CV/VPTU";
        String docId = sendDocument(documentId, Packets.UBND);

        JsonNode routes = viewer("GET", "/api/v1/routes", null).json();
        assertThat(routes.findValuesAsText("id")).contains("intake", "dispatch", "delivery-pull", "delivery-push",
                "dead-letter", "sweeper");
        JsonNode intake = null;
        for (JsonNode route : routes) {
            if (route.path("id").asText().equals("intake")) {
                intake = route;
            }
        }
        assertThat(intake.path("state").asText()).isEqualTo("Started");
        assertThat(intake.path("exchangesTotal").asLong()).isPositive();

        JsonNode search = viewer("GET", "/api/v1/documents?documentId="
                + URLEncoder.encode(documentId, StandardCharsets.UTF_8), null).json();
        assertThat(search.path("totalElements").asLong()).isEqualTo(1);
        assertThat(search.at("/content/0/docId").asText()).isEqualTo(docId);
        assertThat(viewer("GET", "/api/v1/documents?code=fass22&sender=" + Packets.TINH_UY, null).json()
                .path("totalElements").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode document = viewer("GET", "/api/v1/documents/" + docId, null).json();
        assertThat(document.path("sender").asText()).isEqualTo(Packets.TINH_UY);
        assertThat(document.at("/deliveries/0/recipient").asText()).isEqualTo(Packets.UBND);
        assertThat(document.path("events").findValuesAsText("label")).contains("Đã tiếp nhận gói tin");
        assertThat(document.toString()).doesNotContain("ContentTransferEncoded").doesNotContain("data");
        assertThat(viewer("GET", "/api/v1/documents/khong-co", null).json().path("ErrorCode").asText()).isEqualTo("40");

        JsonNode queues = viewer("GET", "/api/v1/queues", null).json();
        assertThat(queues.findValuesAsText("name")).contains("lienthong.delivery.pull", "lienthong.delivery.push", "DLQ");

        JsonNode agencies = viewer("GET", "/api/v1/agencies", null).json();
        assertThat(agencies.findValuesAsText("code")).contains(Packets.TINH_UY, Packets.BAN_TUYEN_GIAO, Packets.UBND,
                Packets.SO_NOI_VU, Packets.VPCP);

        JsonNode overview = viewer("GET", "/api/v1/overview", null).json();
        assertThat(overview.path("documentsPerMinute")).hasSize(60);
        assertThat(overview.path("documentsToday").asLong()).isPositive();
        assertThat(overview.path("health").asText()).isEqualTo("UP");
    }

    @Test
    void suspendingAnAgencyHoldsItsDeliveriesUntilItIsResumed() throws Exception {
        Answer suspended = operator("POST", "/api/v1/agencies/" + Packets.VPCP + "/suspend", null);
        assertThat(suspended.json().path("suspended").asBoolean()).as(suspended.body()).isTrue();
        String docId = sendDocument(Packets.TINH_UY + ",2026/11/21,702-CV/VPTU", Packets.VPCP);
        await().atMost(Duration.ofSeconds(20)).until(() -> viewer("GET", "/api/v1/documents/" + docId, null).json()
                .path("events").findValuesAsText("type"), types -> types.contains("HELD"));
        VdxpClient vpcp = system("vpcp", "vpcp-secret-2026");
        assertThat(vpcp.getReceivedEdocList("edoc").data()).isEmpty();

        assertThat(operator("POST", "/api/v1/agencies/" + Packets.VPCP + "/resume", null).json()
                .path("suspended").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> vpcp.getReceivedEdocList("edoc").data().size(), n -> n == 1);
    }

    @Test
    void anOperatorSuspendsAndResumesARoute() throws Exception {
        assertThat(operator("POST", "/api/v1/routes/sweeper/suspend", null).json().path("state").asText())
                .isEqualTo("Suspended");
        assertThat(operator("POST", "/api/v1/routes/sweeper/resume", null).json().path("state").asText())
                .isEqualTo("Started");
        assertThat(operator("POST", "/api/v1/routes/khong-co/suspend", null).status()).isEqualTo(400);
    }

    @Test
    void anAdminManagesTheDirectoryAndRotatesASecret() throws Exception {
        Answer added = admin("POST", "/api/v1/directory/agencies", "{\"code\":\"000.00.09.H41\","
                + "\"name\":\"Sở Tư pháp (mẫu)\",\"side\":\"STATE\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(admin("POST", "/api/v1/directory/agencies", "{\"code\":\"000.00.09.H41\",\"name\":\"x\","
                + "\"side\":\"STATE\"}").json().path("ErrorCode").asText()).isEqualTo("47");
        assertThat(admin("PUT", "/api/v1/directory/agencies/000.00.09.H41", "{\"deliveryMode\":\"PUSH_REST\"}")
                .json().path("ErrorCode").asText()).as("push without endpoint").isEqualTo("41");

        Answer system = admin("POST", "/api/v1/directory/systems", "{\"systemId\":\"qlvb-stp\",\"name\":\"QLVB Sở Tư pháp\","
                + "\"agencyCodes\":[\"000.00.09.H41\"]}");
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        String secret = system.json().path("secret").asText();
        assertThat(system("qlvb-stp", secret).getReceivedEdocList("edoc").ok()).isTrue();
        assertThat(admin("GET", "/api/v1/directory/systems", null).body()).doesNotContain(secret);

        String rotated = admin("POST", "/api/v1/directory/systems/qlvb-stp/rotate-secret", null).json().path("secret").asText();
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(system("qlvb-stp", secret).getReceivedEdocList("edoc").errorCode()).isEqualTo("15");
        assertThat(system("qlvb-stp", rotated).getReceivedEdocList("edoc").ok()).isTrue();

        admin("POST", "/api/v1/directory/systems/qlvb-stp/disable", null);
        // a disabled system is answered like an unknown one, like a wrong secret: 15
        assertThat(system("qlvb-stp", rotated).getReceivedEdocList("edoc").errorCode()).isEqualTo("15");
    }

    @Test
    void theConsoleSessionNeedsItsCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/console/login.html")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=vanhanh&password=vanhanh-2026&_csrf=" + csrf(browser)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/console/");

        HttpRequest resendWithoutToken = HttpRequest.newBuilder(URI.create(base + "/api/v1/deliveries/resend"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"x\"]}")).build();
        assertThat(browser.send(resendWithoutToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpRequest resendWithToken = HttpRequest.newBuilder(URI.create(base + "/api/v1/deliveries/resend"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf(browser))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"x\"]}")).build();
        assertThat(browser.send(resendWithToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/api/v1/routes")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void metricsAndTheApiDocumentationAreServed() throws Exception {
        sendDocument(Packets.TINH_UY + ",2026/11/21,703-CV/VPTU", Packets.UBND);
        system("qlvb-tinhuy", "sai").getReceivedEdocList("edoc");
        Answer prometheus = viewer("GET", "/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("lienthong_documents_accepted_total");
        assertThat(call("GET", "/actuator/prometheus", null, null, null).status()).isEqualTo(401);

        Answer openApi = viewer("GET", "/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("paths").has("/api/v1/documents/{docId}")).isTrue();
        assertThat(viewer("GET", "/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    private String csrf(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }
}
