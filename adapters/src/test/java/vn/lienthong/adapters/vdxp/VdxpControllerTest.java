package vn.lienthong.adapters.vdxp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.InMemoryExchange;
import vn.lienthong.vdxp.VdxpClient;

/**
 * The VDXP API's wire format, without the gateway: {@link VdxpController} behind a plain servlet in an embedded
 * Tomcat on a free port of 127.0.0.1, over the in-memory exchange, called by {@link VdxpClient} as a document
 * system would (HMAC-signed headers, the SDK's trailing CRLF). The gateway's own tests cover what the exchange
 * decides; these cover what the adapter writes and reads.
 */
class VdxpControllerTest {

    private static final String PACKET = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
            + "<edXMLEnvelope/>Nghị quyết mẫu</edXML>";

    @TempDir
    static Path dir;

    private static InMemoryExchange exchange;
    private static Tomcat tomcat;
    private static URI endpoint;

    @BeforeAll
    static void startTheApi() throws LifecycleException, IOException {
        exchange = new InMemoryExchange(dir.resolve("store"));
        Path spool = Files.createDirectories(dir.resolve("spool"));
        VdxpController controller = new VdxpController(exchange, new VdxpSettings(64 << 20, spool));
        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", dir.toString());
        Tomcat.addServlet(context, "vdxp", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                controller.handle(request, response);
            }
        });
        context.addServletMappingDecoded(VdxpController.BASE_PATH + "/*", "vdxp");
        tomcat.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + VdxpController.BASE_PATH);
    }

    @AfterAll
    static void stopTheApi() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @BeforeEach
    void emptyTheInboxes() {
        exchange.clearInboxes();
    }

    private static VdxpClient tinhuy() {
        return new VdxpClient(endpoint, "qlvb-tinhuy", "tinhuy-secret-2026");
    }

    private static VdxpClient ubnd() {
        return new VdxpClient(endpoint, "qlvb-ubnd", "ubnd-secret-2026");
    }

    private static Path packet() throws IOException {
        return Files.writeString(Files.createTempFile(dir, "packet-", ".edxml"), PACKET, StandardCharsets.UTF_8);
    }

    @Test
    void aSentPacketReachesTheExchangeWithoutTheSdksCrlfAndIsAnsweredWithItsDocId() throws Exception {
        Path packet = packet();
        VdxpClient.Answer answer = tinhuy().sendEdoc(packet, "edoc", "000.00.00.D41");

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.ok()).as(answer.json().toString()).isTrue();
        assertThat(answer.errorCode()).isEqualTo("0");
        InMemoryExchange.Accepted accepted = exchange.accepted.stream()
                .filter(a -> a.docId().equals(answer.docId())).findFirst().orElseThrow();
        assertThat(accepted.caller()).isEqualTo(InMemoryExchange.TINHUY);
        assertThat(accepted.messageType()).isEqualTo("edoc");
        assertThat(accepted.channel()).isEqualTo("vdxp");
        assertThat(Files.readString(accepted.file(), StandardCharsets.UTF_8)).isEqualTo(PACKET);
        assertThat(accepted.sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(packet))));
    }

    @Test
    void theRecipientListsGetsDownloadsAndAcknowledgesWhatWasDeliveredToIt() throws Exception {
        String docId = tinhuy().sendEdoc(packet(), "edoc", "000.00.00.D41").docId();
        exchange.deliver(docId, InMemoryExchange.UBND, "000.00.00.D41", "000.00.00.H41");

        VdxpClient.Answer list = ubnd().getReceivedEdocList("edoc");
        assertThat(list.ok()).isTrue();
        assertThat(list.data()).hasSize(1);
        JsonNode entry = list.data().get(0);
        assertThat(entry.path("docId").asText()).isEqualTo(docId);
        assertThat(entry.path("serviceType").asText()).isEqualTo("eDoc");
        assertThat(entry.path("messageType").asText()).isEqualTo("edoc");
        assertThat(entry.path("from").asText()).isEqualTo("000.00.00.D41");
        assertThat(entry.path("to").asText()).isEqualTo("000.00.00.H41");
        assertThat(entry.path("status").asText()).isEqualTo("initial");
        assertThat(entry.path("status_desc").asText()).isEqualTo("Mới");
        assertThat(entry.path("created_time").asText()).isEqualTo("2026-11-21 09:30:00"); // Vietnam time
        assertThat(entry.path("contentLength").asLong()).isEqualTo(PACKET.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ubnd().countReceiveEdoc().json().path("count").asLong()).isEqualTo(1);
        assertThat(tinhuy().getReceivedEdocList("edoc").data()).isEmpty();

        VdxpClient.Answer got = ubnd().getEdoc(docId);
        assertThat(got.ok()).isTrue();
        assertThat(new String(VdxpClient.decodeEdoc(got), StandardCharsets.UTF_8)).isEqualTo(PACKET);
        HttpResponse<java.io.InputStream> download = ubnd().downloadEdoc(docId);
        assertThat(download.statusCode()).isEqualTo(200);
        try (java.io.InputStream body = download.body()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PACKET);
        }

        assertThat(ubnd().updateStatus(docId, "done", "Đã nhận").ok()).isTrue();
        assertThat(exchange.acks).contains(new InMemoryExchange.Ack("qlvb-ubnd", docId,
                ExchangeService.TransportAck.DONE, "Đã nhận"));
    }

    @Test
    void aPacketOverJacksonsStringLimitIsReadThroughGetEdocAsItArrives() throws Exception {
        // 30 MB of packet is 40 MB of base64, twice Jackson's default limit on one string (20 MB)
        Path large = Files.createTempFile(dir, "large-", ".edxml");
        java.security.MessageDigest sent = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(large), sent)) {
            out.write(PACKET.replace("</edXML>", "<!--").getBytes(StandardCharsets.UTF_8));
            byte[] filler = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 480; i++) {
                out.write(filler);
            }
            out.write("--></edXML>".getBytes(StandardCharsets.UTF_8));
        }
        String docId = tinhuy().sendEdoc(large, "edoc", "000.00.00.D41").docId();
        exchange.deliver(docId, InMemoryExchange.UBND, "000.00.00.D41", "000.00.00.H41");

        java.security.MessageDigest received = java.security.MessageDigest.getInstance("SHA-256");
        VdxpClient.Answer got;
        try (java.io.OutputStream out = new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(),
                received)) {
            got = ubnd().getEdoc(docId, out);
        }
        assertThat(got.ok()).as(got.json().toString()).isTrue();
        assertThat(got.json().has("data")).isFalse();
        assertThat(received.digest()).isEqualTo(sent.digest());
    }

    @Test
    void refusalsAreJsonWithTheGatewaysCodeAndAnAsciiDescription() throws Exception {
        VdxpClient.Answer wrongSecret = new VdxpClient(endpoint, "qlvb-tinhuy", "not-the-secret")
                .getReceivedEdocList("edoc");
        assertThat(wrongSecret.ok()).isFalse();
        assertThat(wrongSecret.errorCode()).isEqualTo(GatewayError.BAD_CREDENTIALS.code());
        assertThat(wrongSecret.errorDesc()).isNotBlank();

        VdxpClient.Answer unknown = ubnd().getEdoc("khong-co");
        assertThat(unknown.errorCode()).isEqualTo(GatewayError.UNKNOWN_DOCUMENT.code());

        VdxpClient.Answer badStatus = ubnd().updateStatus("khong-co", "xong");
        assertThat(badStatus.errorCode()).isEqualTo(GatewayError.BAD_PARAMETER.code());

        VdxpClient.Answer operation = ubnd().call("khongCoThaoTacNay", java.util.Map.of());
        assertThat(operation.errorCode()).isEqualTo(GatewayError.UNKNOWN_OPERATION.code());
    }

    @Test
    void theAgencyListsComeInTheSdksTwoShapes() throws Exception {
        JsonNode agencies = ubnd().getAgenciesList().data();
        assertThat(agencies).extracting(a -> a.path("code").asText())
                .containsExactly("000.00.00.D41", "000.00.00.H41", "000.00.05.H41");
        JsonNode department = agencies.get(2);
        assertThat(department.path("pid").asText()).isEqualTo("000.00.00.H41");
        assertThat(department.path("oldCode").asText()).isEqualTo("000.00.05.H41");
        assertThat(agencies.get(0).path("mail").asText()).isEmpty();

        JsonNode qd20 = ubnd().call("getAgenciesListQD20", java.util.Map.of()).data();
        assertThat(qd20.get(2).path("code102").asText()).isEqualTo("000.00.05.H41");
        assertThat(qd20.get(2).has("pid")).isFalse();
    }
}
