package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSigner;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The document exchange through real HTTP calls of the VDXP-compatible API, against the embedded gateway
 * (real broker, real database): send, pull, acknowledge, statuses back, de-duplication, the SDK's kinds
 * of packet, and every refusal with its code.
 */
class DocumentExchangeTest extends GatewayTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.intake.max-packet-size", () -> "2MB");
    }

    @Autowired
    JdbcClient jdbc;

    VdxpClient client(String systemId, String secret) {
        return SampleSystems.client(port, systemId, secret);
    }

    VdxpClient tinhUy() {
        return SampleSystems.tinhUy(port);
    }

    VdxpClient ubnd() {
        return SampleSystems.ubnd(port);
    }

    VdxpClient vpcp() {
        return SampleSystems.vpcp(port);
    }

    static String newDocumentId() {
        return newDocumentId(Packets.TINH_UY, "-CV/VPTU");
    }

    @Test
    void aDocumentTravelsToItsRecipientAndItsStatusesComeBack() throws Exception {
        String documentId = newDocumentId();
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), documentId);

        VdxpClient.Answer sent = tinhUy().sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        String docId = sent.docId();
        assertThat(docId).matches("[0-9a-f-]{36}");

        JsonNode item = inboxItem(ubnd(), "edoc", Packets.TINH_UY);
        assertThat(item.path("to").asText()).isEqualTo(Packets.UBND);
        String receivedId = item.path("docId").asText();

        VdxpClient.Answer fetched = ubnd().getEdoc(receivedId);
        assertThat(fetched.ok()).as(fetched.json().toString()).isTrue();
        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(fetched));
        assertThat(received.messageHeader().documentId()).isEqualTo(documentId);
        List<TraceHeader> hops = received.traceHeaderList().traceHeaders();
        assertThat(hops.get(hops.size() - 1).organId()).isEqualTo("LIENTHONG");

        // a Vietnamese description travels escaped inside the signed header
        assertThat(ubnd().call("updateStatus", java.util.Map.of("docid", receivedId, "status", "processing",
                "description", "Văn thư đang vào sổ")).ok()).isTrue();
        assertThat(ubnd().updateStatus(receivedId, "done").ok()).isTrue();
        assertThat(ubnd().getReceivedEdocList("edoc").data().findValuesAsText("docId")).doesNotContain(receivedId);

        for (StatusCode code : List.of(StatusCode.ARRIVED, StatusCode.ACCEPTED)) {
            Path status = Packets.status(work, received, Packets.UBND, code);
            VdxpClient.Answer answer = ubnd().sendEdoc(status, "status", Packets.UBND);
            assertThat(answer.ok()).as(answer.json().toString()).isTrue();
            JsonNode statusItem = inboxItem(tinhUy(), "status", Packets.UBND);
            StatusHeader back = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(
                    tinhUy().getEdoc(statusItem.path("docId").asText())));
            assertThat(back.statusCode()).isEqualTo(code.code());
            assertThat(back.responseFor().documentId()).isEqualTo(documentId);
            assertThat(tinhUy().updateStatus(statusItem.path("docId").asText(), "done").ok()).isTrue();
        }

        JsonNode sentList = tinhUy().getSentEdocList("edoc").data();
        JsonNode mine = null;
        for (JsonNode entry : sentList) {
            if (entry.path("senderDocId").asText().equals(docId)) {
                mine = entry;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("toCode").asText()).isEqualTo(Packets.UBND);
        assertThat(mine.path("sendStatus").asText()).isEqualTo("DELIVERED");
        assertThat(mine.path("receiveStatus").asText()).isEqualTo("03");

        List<String> events = jdbc.sql("SELECT type FROM events WHERE document_id = :id ORDER BY id")
                .param("id", docId).query(String.class).list();
        // QUEUED may be skipped: the consumer can take the message before dispatch marks it
        assertThat(events).containsSubsequence("ACCEPTED", "AVAILABLE", "DELIVERED", "STATUS", "STATUS");
    }

    @Test
    void theSameSubmissionTwiceIsOneDocument() throws Exception {
        Path packet = Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml",
                Packets.TINH_UY, List.of(Packets.VPCP), newDocumentId());
        String first = tinhUy().sendEdoc(packet, "edoc", Packets.TINH_UY).docId();
        String second = tinhUy().sendEdoc(packet, "edoc", Packets.TINH_UY).docId();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE document_id = :id").param("id", first)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSdksFourKindsOfDocumentPassAndAreLinked() throws Exception {
        String original = newDocumentId();
        String originalDocId = tinhUy().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.TINH_UY, List.of(Packets.VPCP), original), "edoc", Packets.TINH_UY).docId();
        for (String kind : List.of("edoc_revocation", "edoc_update", "edoc_replacement")) {
            Path packet = Packets.change(work, "vpcp-sdk-example/" + kind + ".edxml", Packets.TINH_UY,
                    List.of(Packets.VPCP), newDocumentId(), original);
            VdxpClient.Answer answer = tinhUy().sendEdoc(packet, "edoc", Packets.TINH_UY);
            assertThat(answer.ok()).as(kind + " " + answer.json()).isTrue();
            assertThat(jdbc.sql("SELECT related_doc_id FROM documents WHERE id = :id").param("id", answer.docId())
                    .query(String.class).single()).as(kind).isEqualTo(originalDocId);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> vpcp().getReceivedEdocList("edoc").data().size(), n -> n >= 4);
    }

    @Test
    void urgentDocumentsComeFirstInTheInbox() throws Exception {
        // Ban Tuyên giáo is the recipient here: no other test writes to it
        List<String> order = new java.util.ArrayList<>();
        for (String priority : List.of("0", "3", "1")) { // thường, hỏa tốc, khẩn
            String documentId = newDocumentId(Packets.TINH_UY, "-CV/VPTU");
            Path packet = Packets.rewrite(work, Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                    Packets.TINH_UY, List.of(Packets.BAN_TUYEN_GIAO), documentId), header -> {
                        EdocHeader edoc = (EdocHeader) header;
                        var other = edoc.messageHeader().otherInfo();
                        var urgent = new vn.lienthong.edxml.model.OtherInfo(priority, other.sphereOfPromulgation(),
                                other.typerNotation(), other.promulgationAmount(), other.pageAmount(), other.direction(),
                                other.appendixes());
                        var m = edoc.messageHeader();
                        return edoc.withMessageHeader(new vn.lienthong.edxml.model.MessageHeader(m.from(), m.to(),
                                m.documentId(), m.code(), m.promulgationInfo(), m.documentType(), m.subject(), m.content(),
                                m.signerInfo(), m.dueDate(), urgent, m.responseFor(), m.steeringType(), m.toPlaces(),
                                m.extensions()));
                    });
            assertThat(tinhUy().sendEdoc(packet, "edoc", Packets.TINH_UY).ok()).isTrue();
            order.add(priority);
        }
        JsonNode list = await().atMost(Duration.ofSeconds(20)).until(() -> tinhUy().getReceivedEdocList("edoc").data(),
                items -> {
                    int n = 0;
                    for (JsonNode item : items) {
                        if (item.path("to").asText().equals(Packets.BAN_TUYEN_GIAO)) {
                            n++;
                        }
                    }
                    return n == 3;
                });
        List<Integer> priorities = new java.util.ArrayList<>();
        for (JsonNode item : list) {
            if (item.path("to").asText().equals(Packets.BAN_TUYEN_GIAO)) {
                priorities.add(item.path("priority").asInt());
            }
        }
        assertThat(order).containsExactly("0", "3", "1");
        assertThat(priorities).containsExactly(3, 1, 0);
    }

    @Test
    void theSdksDoubleSlashIsTolerated() throws Exception {
        // an endpoint configured with a trailing slash makes the SDK call "/vdxp//operation"
        VdxpClient trailingSlash = new VdxpClient(URI.create("http://127.0.0.1:" + port + "/vdxp//"),
                "qlvb-ubnd", "ubnd-secret-2026");
        assertThat(trailingSlash.getAgenciesList().ok()).isTrue();
    }

    @Test
    void everyDirectionWorks() throws Exception {
        // State to Party: Văn phòng Chính phủ writes to Văn phòng Tỉnh ủy
        String fromVpcp = newDocumentId(Packets.VPCP, "/VPCP-TTĐT");
        VdxpClient.Answer stateToParty = vpcp().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.VPCP, List.of(Packets.TINH_UY), fromVpcp), "edoc", Packets.VPCP);
        assertThat(stateToParty.ok()).as(stateToParty.json().toString()).isTrue();
        assertThat(inboxItem(tinhUy(), "edoc", Packets.VPCP).path("to").asText()).isEqualTo(Packets.TINH_UY);

        // within the Party side: Ban Tuyên giáo writes to Văn phòng Tỉnh ủy (one system acts for both)
        String withinParty = newDocumentId(Packets.BAN_TUYEN_GIAO, "-CV/BTGTU");
        VdxpClient.Answer partyToParty = tinhUy().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.BAN_TUYEN_GIAO, List.of(Packets.TINH_UY), withinParty), "edoc", Packets.BAN_TUYEN_GIAO);
        assertThat(partyToParty.ok()).as(partyToParty.json().toString()).isTrue();
        assertThat(inboxItem(tinhUy(), "edoc", Packets.BAN_TUYEN_GIAO).path("to").asText()).isEqualTo(Packets.TINH_UY);

        // within the State side: UBND to Văn phòng Chính phủ
        String withinState = newDocumentId(Packets.UBND, "/UBND-VX");
        VdxpClient.Answer stateToState = ubnd().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                Packets.UBND, List.of(Packets.VPCP), withinState), "edoc", Packets.UBND);
        assertThat(stateToState.ok()).as(stateToState.json().toString()).isTrue();
        assertThat(inboxItem(vpcp(), "edoc", Packets.UBND).path("to").asText()).isEqualTo(Packets.VPCP);
    }

    @Test
    void aTakeBackRequestReachesTheRecipientsAndTheirAnswerComesBackLinked() throws Exception {
        String documentId = newDocumentId();
        String docId = tinhUy().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), documentId), "edoc", Packets.TINH_UY).docId();
        // this document's copy (the inbox may still hold other tests' documents from the same sender)
        String copy = jdbc.sql("SELECT id FROM deliveries WHERE document_id = :doc").param("doc", docId)
                .query(String.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT state FROM deliveries WHERE id = :id")
                .param("id", copy).query(String.class).single(), "AVAILABLE"::equals);
        EdocHeader original = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd().getEdoc(copy)));

        // 13 is the sender's: it goes to the recipients
        VdxpClient.Answer takeBack = tinhUy().sendEdoc(Packets.status(work, original, Packets.TINH_UY,
                StatusCode.TAKE_BACK_REQUESTED), "status", Packets.TINH_UY);
        assertThat(takeBack.ok()).as(takeBack.json().toString()).isTrue();
        JsonNode request = inboxItem(ubnd(), "status", Packets.TINH_UY);
        StatusHeader asked = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(ubnd().getEdoc(request.path("docId").asText())));
        assertThat(asked.statusCode()).isEqualTo("13");

        // a recipient may not send 13, and the sender may not answer its own request
        assertThat(ubnd().sendEdoc(Packets.status(work, original, Packets.UBND, StatusCode.TAKE_BACK_REQUESTED), "status",
                Packets.UBND).errorCode()).isEqualTo("43");
        assertThat(tinhUy().sendEdoc(Packets.status(work, original, Packets.TINH_UY, StatusCode.CHANGE_ACCEPTED), "status",
                Packets.TINH_UY).errorCode()).isEqualTo("43");

        // 15 answers it, back to the sender; both are linked to the original
        VdxpClient.Answer agreed = ubnd().sendEdoc(Packets.status(work, original, Packets.UBND, StatusCode.CHANGE_ACCEPTED),
                "status", Packets.UBND);
        assertThat(agreed.ok()).as(agreed.json().toString()).isTrue();
        assertThat(jdbc.sql("SELECT status_code FROM documents WHERE related_doc_id = :id ORDER BY received_at")
                .param("id", docId).query(String.class).list()).containsExactly("13", "15");

        // a status about a document the gateway never carried
        EdocHeader unknown = original.withMessageHeader(original.messageHeader().withDocumentId("khong-co"));
        assertThat(ubnd().sendEdoc(Packets.status(work, unknown, Packets.UBND, StatusCode.ARRIVED), "status",
                Packets.UBND).errorCode()).isEqualTo("44");
    }

    @Test
    void refusalsCarryTheirCodes() throws Exception {
        Path good = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId());

        assertThat(client("qlvb-tinhuy", "sai-mat-khau").sendEdoc(good, "edoc", Packets.TINH_UY).errorCode())
                .as("wrong HMAC").isEqualTo("15");
        assertThat(client("khong-ton-tai", "x").getReceivedEdocList("edoc").errorCode())
                .as("unknown system: the same answer as a wrong HMAC, so ids cannot be probed").isEqualTo("15");
        assertThat(ubnd().sendEdoc(good, "edoc", Packets.TINH_UY).errorCode())
                .as("from parameter not owned").isEqualTo("19");
        Path impersonating = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP,
                List.of(Packets.UBND), newDocumentId());
        assertThat(tinhUy().sendEdoc(impersonating, "edoc", Packets.TINH_UY).errorCode())
                .as("From in the packet not owned").isEqualTo("19");

        Path unknownRecipients = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND, "000.00.99.H41", "000.00.98.H41"), newDocumentId());
        VdxpClient.Answer unknown = tinhUy().sendEdoc(unknownRecipients, "edoc", Packets.TINH_UY);
        assertThat(unknown.errorCode()).isEqualTo("18");
        assertThat(unknown.errorDesc()).contains("000.00.99.H41", "000.00.98.H41").doesNotContain(Packets.UBND);

        VdxpClient.Answer badHash = tinhUy().call("sendEdoc", java.util.Map.of("from", Packets.TINH_UY,
                "messagetype", "edoc", "hash-file", "abc"), "application/octet-stream",
                java.net.http.HttpRequest.BodyPublishers.ofFile(good));
        assertThat(badHash.errorCode()).as("hash-file mismatch").isEqualTo("14");
        assertThat(badHash.docId()).isEmpty();

        Path malformed = Packets.sample("malformed/edoc-unbound-prefix.edxml");
        assertThat(tinhUy().sendEdoc(malformed, "edoc", Packets.TINH_UY).errorCode()).as("malformed").isEqualTo("10");

        Path xxe = work.resolve("xxe.edxml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><x>&x;</x></edXML>");
        VdxpClient.Answer xxeAnswer = tinhUy().sendEdoc(xxe, "edoc", Packets.TINH_UY);
        assertThat(xxeAnswer.errorCode()).as("XXE").isEqualTo("11");
        assertThat(xxeAnswer.errorDesc()).doesNotContain("root:");

        Path large = work.resolve("large.edxml");
        Files.write(large, new byte[3 * 1024 * 1024]);
        assertThat(tinhUy().sendEdoc(large, "edoc", Packets.TINH_UY).errorCode()).as("too large").isEqualTo("12");

        byte[] signed = EdxmlSigner.fromKeyStore(SamplePki.keyStore(Packets.TINH_UY), Packets.TINH_UY,
                SamplePki.PASSWORD.toCharArray()).sign(Files.readAllBytes(good));
        Path tampered = work.resolve("tampered.edxml");
        Files.writeString(tampered, new String(signed, StandardCharsets.UTF_8).replace("V/v kết nối", "V/v đã sửa"));
        assertThat(tinhUy().sendEdoc(tampered, "edoc", Packets.TINH_UY).errorCode()).as("bad signature").isEqualTo("30");
        Path signedFile = work.resolve("signed.edxml");
        Files.write(signedFile, signed);
        assertThat(tinhUy().sendEdoc(signedFile, "edoc", Packets.TINH_UY).ok()).as("good signature").isTrue();

        assertThat(ubnd().getEdoc("00000000-0000-0000-0000-000000000000").errorCode()).as("unknown DocId")
                .isEqualTo("40");
        String docId = tinhUy().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId()), "edoc", Packets.TINH_UY).docId();
        String ubndCopy = inboxItem(ubnd(), "edoc", Packets.TINH_UY).path("docId").asText();
        assertThat(vpcp().getEdoc(ubndCopy).errorCode()).as("another agency's mail").isEqualTo("40");
        assertThat(vpcp().getEdoc(docId).errorCode()).as("another agency's sent document").isEqualTo("40");
        assertThat(vpcp().updateStatus(ubndCopy, "done").errorCode()).isEqualTo("40");
    }

    /** Waits for an item from {@code from} to appear in the caller's list and returns the newest one. */
    private static JsonNode inboxItem(VdxpClient client, String messageType, String from) throws Exception {
        JsonNode data = await().atMost(Duration.ofSeconds(20)).until(() -> client.getReceivedEdocList(messageType).data(),
                list -> {
                    for (JsonNode entry : list) {
                        if (entry.path("from").asText().equals(from)) {
                            return true;
                        }
                    }
                    return false;
                });
        JsonNode found = null;
        for (JsonNode entry : data) {
            if (entry.path("from").asText().equals(from)) {
                found = entry;
            }
        }
        return found;
    }

}
