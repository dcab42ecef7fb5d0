package vn.lienthong.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.adapters.vdxp.VdxpClient;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The attacks of the hardening issue, tried as an authenticated system would, through real HTTP calls
 * against the embedded gateway: each must fail with its code.
 */
class HardeningAttacksTest extends GatewayTest {

    private static final AtomicInteger NUMBER = new AtomicInteger(100);

    @Autowired
    JdbcClient jdbc;

    static String newDocumentId(String from) {
        return from + ",2026/11/21," + NUMBER.incrementAndGet() + "/HARDEN";
    }

    /**
     * Issue 10.3: Văn phòng Chính phủ's system sends UBND a document carrying the Tỉnh ủy's DocumentId: it is
     * refused (60). Even when two senders' documents under one id do sit in UBND's inbox (recorded before this
     * rule, or two submissions racing), UBND's status 03 on the Tỉnh ủy's document reaches the Tỉnh ủy: a
     * status finds its document by ResponseFor's OrganId and DocumentId together.
     */
    @Test
    void aDocumentIdOfAnotherSenderCannotCaptureItsStatuses() throws Exception {
        String documentId = newDocumentId(Packets.TINH_UY);
        Path honest = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.UBND),
                documentId);
        String original = SampleSystems.tinhUy(port).sendEdoc(honest, "edoc", Packets.TINH_UY).docId();
        assertThat(original).isNotEmpty();

        VdxpClient.Answer reuse = SampleSystems.vpcp(port).sendEdoc(Packets.document(work,
                "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP, List.of(Packets.UBND), documentId), "edoc", Packets.VPCP);
        assertThat(reuse.errorCode()).as(reuse.json().toString()).isEqualTo("60");
        assertThat(reuse.errorDesc()).contains(documentId, Packets.UBND);
        assertThat(SampleSystems.vpcp(port).sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.VPCP, List.of(Packets.SO_NOI_VU), documentId), "edoc", Packets.VPCP).ok())
                .as("another recipient never saw the id").isTrue();

        // the state the rule prevents, made directly in the database: VPCP's later document under the same id
        String captured = SampleSystems.vpcp(port).sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.VPCP, List.of(Packets.UBND), newDocumentId(Packets.VPCP)), "edoc", Packets.VPCP).docId();
        assertThat(jdbc.sql("UPDATE documents SET edxml_document_id = :id WHERE id = :doc").param("id", documentId)
                .param("doc", captured).update()).isEqualTo(1);

        EdocHeader header = (EdocHeader) Packets.header(Files.readAllBytes(honest));
        VdxpClient.Answer status = SampleSystems.ubnd(port).sendEdoc(
                Packets.status(work, header, Packets.UBND, StatusCode.ACCEPTED), "status", Packets.UBND);
        assertThat(status.ok()).as(status.json().toString()).isTrue();
        assertThat(jdbc.sql("SELECT related_doc_id FROM documents WHERE id = :id").param("id", status.docId())
                .query(String.class).single()).isEqualTo(original);
        assertThat(jdbc.sql("SELECT recipient_code FROM deliveries WHERE document_id = :id").param("id", status.docId())
                .query(String.class).list()).containsExactly(Packets.TINH_UY);
        Await.until(Duration.ofSeconds(20), () -> SampleSystems.tinhUy(port).getReceivedEdocList("status").data(),
                list -> list.findValuesAsText("from").contains(Packets.UBND));
        assertThat(SampleSystems.vpcp(port).getReceivedEdocList("status").data().findValuesAsText("from"))
                .doesNotContain(Packets.UBND);
    }

    /**
     * Issue 11.4: a packet the national axis really carried, between agencies known as {@code vxp.saas.03}
     * and {@code vxp.saas.02}, passes once an operator has put those codes in the directory.
     */
    @Test
    void realPacketsWithTheAxisCodesPassWhenTheDirectoryKnowsThem() throws Exception {
        Path real = Packets.sample("test-uploads/1f881896-6e3a-4a5f-87f1-c380878e148e.edxml");
        assertThat(SampleSystems.vpcp(port).sendEdoc(real, "edoc", "vxp.saas.03").errorCode())
                .as("unknown to the directory").isEqualTo("19");

        assertThat(operator("POST", "/api/v1/directory/agencies",
                "{\"code\":\"vxp.saas.03\",\"name\":\"Đơn vị thử trên trục quốc gia\",\"side\":\"STATE\"}"))
                .isEqualTo(201);
        assertThat(operator("POST", "/api/v1/directory/agencies",
                "{\"code\":\"vxp.saas.02\",\"name\":\"Đơn vị nhận thử\",\"side\":\"STATE\"}")).isEqualTo(201);
        assertThat(operator("PUT", "/api/v1/directory/systems/vpcp",
                "{\"agencyCodes\":[\"" + Packets.VPCP + "\",\"vxp.saas.03\"]}")).isEqualTo(200);
        assertThat(operator("PUT", "/api/v1/directory/systems/qlvb-ubnd", "{\"agencyCodes\":[\"" + Packets.UBND
                + "\",\"" + Packets.SO_NOI_VU + "\",\"vxp.saas.02\"]}")).isEqualTo(200);

        VdxpClient.Answer sent = SampleSystems.vpcp(port).sendEdoc(real, "edoc", "vxp.saas.03");
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        var item = Await.until(Duration.ofSeconds(20), () -> SampleSystems.ubnd(port).getReceivedEdocList("edoc").data(),
                list -> list.findValuesAsText("from").contains("vxp.saas.03"));
        String copy = null;
        for (var entry : item) {
            if (entry.path("from").asText().equals("vxp.saas.03")) {
                assertThat(entry.path("to").asText()).isEqualTo("vxp.saas.02");
                copy = entry.path("docId").asText();
            }
        }
        VdxpClient.Answer fetched = SampleSystems.ubnd(port).getEdoc(copy);
        assertThat(fetched.ok()).as(fetched.json().toString()).isTrue();
        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(fetched));
        assertThat(received.from().organId()).isEqualTo("vxp.saas.03");
    }

    /** A call of the operator API as the sample admin; answers the HTTP status. */
    private int operator(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.statusCode();
    }

    /** Issue 10.4: a first From naming Văn phòng Chính phủ before the real sender's is refused, not delivered. */
    @Test
    void aSecondFromIsRefusedWhicheverComesFirst() throws Exception {
        Path honest = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY));
        String text = Files.readString(honest, StandardCharsets.UTF_8);
        String forged = text.replaceFirst("<edXML:From>", "<edXML:From><edXML:OrganId>" + Packets.VPCP
                + "</edXML:OrganId><edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName></edXML:From><edXML:From>");
        assertThat(forged).isNotEqualTo(text);
        Path attack = work.resolve("two-froms.edxml");
        Files.writeString(attack, forged, StandardCharsets.UTF_8);

        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(attack, "edoc", Packets.TINH_UY);
        assertThat(answer.errorCode()).as(answer.json().toString()).isEqualTo("13");
        assertThat(answer.errorDesc()).contains("From");
        assertThat(answer.docId()).isEmpty();
        assertThat(SampleSystems.tinhUy(port).sendEdoc(honest, "edoc", Packets.TINH_UY).ok()).isTrue();
    }
}
