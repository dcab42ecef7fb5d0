package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;

import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.adapters.soap.LienthongFault;
import vn.lienthong.adapters.soap.LienthongSoapService;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Agency codes that change, through the real operator API, VDXP API and SOAP service: a document addressed to a
 * retired code (UBND tỉnh Thừa Thiên Huế's old code, here succeeded by UBND Nghệ An's sample code) reaches the
 * successor, the sender is told in the answer and the timeline, the successor's statuses come back; a REFUSE rule
 * refuses it with 75 naming the successor; the retired code cannot send (76).
 */
class RetiredCodesTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The retired code: acted for by qlvb-ubnd, succeeded by {@link Packets#UBND}. */
    private static final String OLD = "000.00.00.H46";
    private static int number = 300;
    /** The directory is prepared once per class (one gateway per class). */
    private static boolean prepared;

    record Answer(int status, JsonNode json) {
    }

    Answer call(String method, String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    Answer admin(String method, String path, String body) throws Exception {
        return call(method, path, "quantri", "quantri-2026", body);
    }

    @BeforeEach
    void theOldCodeIsInTheDirectoryAndRetired() throws Exception {
        if (prepared) {
            return;
        }
        prepared = true;
        assertThat(admin("POST", "/api/v1/directory/agencies", "{\"code\":\"" + OLD + "\",\"name\":"
                + "\"UBND tỉnh Thừa Thiên Huế (mẫu, mã cũ)\",\"side\":\"STATE\"}").status()).isEqualTo(201);
        assertThat(admin("PUT", "/api/v1/directory/systems/qlvb-ubnd", "{\"agencyCodes\":[\"" + Packets.UBND
                + "\",\"" + Packets.SO_NOI_VU + "\",\"" + OLD + "\"]}").status()).isEqualTo(200);
        retire(OLD, "FORWARD");
    }

    private void retire(String code, String onDocument) throws Exception {
        Answer retired = admin("POST", "/api/v1/directory/agencies/" + code + "/retire", "{\"successor\":\""
                + Packets.UBND + "\",\"onDocument\":\"" + onDocument + "\",\"note\":\"QĐ 09/2025/QĐ-TTg (mẫu)\"}");
        assertThat(retired.status()).as(String.valueOf(retired.json())).isEqualTo(200);
        assertThat(retired.json().path("successorCode").asText()).isEqualTo(Packets.UBND);
    }

    private Path documentTo(String recipient) throws Exception {
        return Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(recipient),
                Packets.TINH_UY + ",2026/12/06," + (++number) + "-CV/VPTU");
    }

    @Test
    void aDocumentToTheRetiredCodeReachesTheSuccessorAndTheSenderIsTold() throws Exception {
        Path packet = documentTo(OLD);
        VdxpClient.Answer sent = SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        assertThat(sent.json().path("RetiredRecipients")).hasSize(1);
        assertThat(sent.json().path("RetiredRecipients").get(0).path("code").asText()).isEqualTo(OLD);
        assertThat(sent.json().path("RetiredRecipients").get(0).path("successor").asText()).isEqualTo(Packets.UBND);

        // the successor's system receives it, as the successor
        VdxpClient ubnd = SampleSystems.ubnd(port);
        String documentId = ((EdocHeader) Packets.header(java.nio.file.Files.readAllBytes(packet)))
                .messageHeader().documentId();
        JsonNode item = Await.until(Duration.ofSeconds(20), () -> inboxItem(ubnd, documentId), java.util.Objects::nonNull);
        assertThat(item.path("to").asText()).isEqualTo(Packets.UBND);
        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd.getEdoc(item.path("docId").asText())));

        // the timeline says where it went
        JsonNode document = call("GET", "/api/v1/documents/" + sent.docId(), "theodoi", "theodoi-2026", null).json();
        assertThat(document.path("events").toString()).contains("REDIRECTED", OLD + " → " + Packets.UBND);
        assertThat(document.path("deliveries").toString()).contains(Packets.UBND).doesNotContain(OLD);

        // the successor's status reaches the sender as usual
        VdxpClient.Answer status = ubnd.sendEdoc(Packets.status(work, received, Packets.UBND, StatusCode.ARRIVED),
                "status", Packets.UBND);
        assertThat(status.ok()).as(status.json().toString()).isTrue();
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        JsonNode statusItem = Await.until(Duration.ofSeconds(20), () -> {
            for (JsonNode entry : tinhUy.getReceivedEdocList("status").data()) {
                StatusHeader back = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(
                        tinhUy.getEdoc(entry.path("docId").asText())));
                if (documentId.equals(back.responseFor().documentId())) {
                    return entry;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(statusItem.path("from").asText()).isEqualTo(Packets.UBND);
    }

    @Test
    void theRetiredCodeCannotSendAndIsToldWhichCodeToUse() throws Exception {
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", OLD, List.of(Packets.TINH_UY),
                OLD + ",2026/12/06," + (++number) + "/UBND");
        VdxpClient.Answer answer = SampleSystems.ubnd(port).sendEdoc(packet, "edoc", OLD);
        assertThat(answer.json().path("ErrorCode").asText()).isEqualTo("76");
        assertThat(answer.json().path("ErrorDesc").asText()).contains(OLD, Packets.UBND);
    }

    @Test
    void theRetiredCodeStillSendsStatusesOnWhatItReceivedBeforeItsRetirement() throws Exception {
        // taken back into use for a moment: a document reaches the old code itself
        assertThat(admin("DELETE", "/api/v1/directory/agencies/" + OLD + "/retire", null).status()).isEqualTo(200);
        Path before;
        try {
            before = documentTo(OLD);
            sendPacket(SampleSystems.tinhUy(port), before, Packets.TINH_UY);
        } finally {
            retire(OLD, "FORWARD");
        }
        String documentId = ((EdocHeader) Packets.header(java.nio.file.Files.readAllBytes(before)))
                .messageHeader().documentId();
        VdxpClient oldSystem = SampleSystems.ubnd(port);
        JsonNode item = Await.until(Duration.ofSeconds(20), () -> inboxItem(oldSystem, documentId),
                java.util.Objects::nonNull);
        assertThat(item.path("to").asText()).isEqualTo(OLD);
        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(
                oldSystem.getEdoc(item.path("docId").asText())));

        // its status on that document, sent as the old code after the retirement, is accepted and reaches the sender
        VdxpClient.Answer status = oldSystem.sendEdoc(Packets.status(work, received, OLD, StatusCode.ACCEPTED),
                "status", OLD);
        assertThat(status.ok()).as(status.json().toString()).isTrue();
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        StatusHeader back = Await.until(Duration.ofSeconds(20), () -> {
            for (JsonNode entry : tinhUy.getReceivedEdocList("status").data()) {
                StatusHeader header = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(
                        tinhUy.getEdoc(entry.path("docId").asText())));
                if (documentId.equals(header.responseFor().documentId())) {
                    return header;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(back.from().organId()).isEqualTo(OLD);
        assertThat(back.statusCode()).isEqualTo(StatusCode.ACCEPTED.code());

        // a status on a document it never received is still refused with 76, naming the code to use
        EdocHeader neverReceived = (EdocHeader) Packets.header(java.nio.file.Files.readAllBytes(documentTo(Packets.UBND)));
        VdxpClient.Answer refused = oldSystem.sendEdoc(Packets.status(work, neverReceived, OLD, StatusCode.ACCEPTED),
                "status", OLD);
        assertThat(refused.json().path("ErrorCode").asText()).isEqualTo("76");
        assertThat(refused.json().path("ErrorDesc").asText()).contains(Packets.UBND);
    }

    @Test
    void aRefuseRuleRefusesWithTheSuccessorsCodeAndOverSoapTheAnswerCarriesAHeader() throws Exception {
        retire(OLD, "REFUSE");
        try {
            VdxpClient.Answer refused = SampleSystems.tinhUy(port).sendEdoc(documentTo(OLD), "edoc", Packets.TINH_UY);
            assertThat(refused.json().path("ErrorCode").asText()).isEqualTo("75");
            assertThat(refused.json().path("ErrorDesc").asText()).contains(OLD, Packets.UBND);
            assertThatThrownBy(() -> soap().sendDocument("edoc", new DataHandler(new FileDataSource(documentTo(OLD).toFile()))))
                    .isInstanceOfSatisfying(LienthongFault.class, f -> assertThat(f.errorCode()).isEqualTo("75"));
        } finally {
            retire(OLD, "FORWARD");
        }
        LienthongSoapService soap = soap();
        String docId = soap.sendDocument("edoc", new DataHandler(new FileDataSource(documentTo(OLD).toFile())));
        assertThat(docId).matches("[0-9a-f-]{36}");
        @SuppressWarnings("unchecked")
        List<Header> headers = (List<Header>) ((BindingProvider) soap).getResponseContext().get(Header.HEADER_LIST);
        assertThat(headers).anySatisfy(header -> {
            assertThat(header.getName().getLocalPart()).isEqualTo("RetiredRecipients");
            org.w3c.dom.Element list = (org.w3c.dom.Element) header.getObject();
            org.w3c.dom.Element one = (org.w3c.dom.Element) list.getElementsByTagNameNS(
                    LienthongSoapService.NAMESPACE, "RetiredRecipient").item(0);
            assertThat(one.getAttribute("code")).isEqualTo(OLD);
            assertThat(one.getAttribute("successor")).isEqualTo(Packets.UBND);
        });
    }

    @Test
    void retirementsKeepOneHopAndRefuseLoops() throws Exception {
        for (String code : List.of("000.00.00.H33", "000.00.00.H57")) {
            assertThat(admin("POST", "/api/v1/directory/agencies", "{\"code\":\"" + code + "\",\"name\":\"Đơn vị "
                    + code + " (mẫu)\",\"side\":\"STATE\"}").status()).isEqualTo(201);
        }
        assertThat(admin("POST", "/api/v1/directory/agencies/000.00.00.H33/retire", "{\"successor\":\"000.00.00.H57\"}")
                .status()).isEqualTo(200);
        // a retired successor, the code itself, an unknown one: 78
        for (String body : List.of("{\"successor\":\"000.00.00.H33\"}", "{\"successor\":\"000.00.00.H57\"}",
                "{\"successor\":\"000.00.99.H99\"}")) {
            Answer refused = admin("POST", "/api/v1/directory/agencies/000.00.00.H57/retire", body);
            assertThat(refused.json().path("ErrorCode").asText()).as(body).isEqualTo("78");
        }
        // retiring the successor moves its predecessors on: still one hop
        assertThat(admin("POST", "/api/v1/directory/agencies/000.00.00.H57/retire", "{\"successor\":\""
                + Packets.UBND + "\"}").status()).isEqualTo(200);
        JsonNode retirements = admin("GET", "/api/v1/directory/retirements", null).json();
        Map<String, String> successors = new java.util.HashMap<>();
        retirements.forEach(r -> successors.put(r.path("code").asText(), r.path("successorCode").asText()));
        assertThat(successors).containsEntry("000.00.00.H33", Packets.UBND).containsEntry("000.00.00.H57", Packets.UBND);
        // a viewer may look but not retire
        assertThat(call("POST", "/api/v1/directory/agencies/000.00.00.H33/retire", "theodoi", "theodoi-2026",
                "{\"successor\":\"" + Packets.UBND + "\"}").status()).isEqualTo(403);
        // taken back into use
        assertThat(admin("DELETE", "/api/v1/directory/agencies/000.00.00.H33/retire", null).status()).isEqualTo(200);
        assertThat(admin("GET", "/api/v1/directory/retirements", null).json().toString()).doesNotContain("000.00.00.H33");
    }

    private LienthongSoapService soap() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(LienthongSoapService.class);
        factory.setAddress("http://127.0.0.1:" + port + "/services/lienthong");
        factory.setUsername("qlvb-tinhuy");
        factory.setPassword("tinhuy-secret-2026");
        factory.setProperties(new java.util.HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        LienthongSoapService service = (LienthongSoapService) factory.create();
        ((jakarta.xml.ws.soap.SOAPBinding) ((BindingProvider) service).getBinding()).setMTOMEnabled(true);
        return service;
    }

    private static JsonNode inboxItem(VdxpClient client, String documentId) throws Exception {
        for (JsonNode entry : client.getReceivedEdocList("edoc").data()) {
            EdocHeader header = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(client.getEdoc(entry.path("docId").asText())));
            if (documentId.equals(header.messageHeader().documentId())) {
                return entry;
            }
        }
        return null;
    }
}
