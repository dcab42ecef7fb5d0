package vn.lienthong.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.gateway.evidence.ChainService;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Classified documents never cross: a packet whose PDF (bare or in the SDK's ZIP) is stamped MẬT near the top of
 * page 1, whose Subject carries a mark standing alone, or whose sending system marks it in
 * {@code OtherInfo/lt:Classification}, is refused with code 77 over the real VDXP API, is not stored, is recorded
 * (metadata and finding) in the chain and shown to operators as an alert and a refusal, without content. The same
 * words inside ordinary text pass.
 */
class ClassifiedDocumentsTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_SUBJECT_WORDS = "Về việc bảo vệ bí mật nhà nước và đổi mật khẩu";
    private static int number = 700;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainService chain;

    private String newDocumentId() {
        return Packets.TINH_UY + ",2026/12/06," + (++number) + "/CV-MAT";
    }

    /** A công văn to UBND with {@code subject}, {@code classification} (or none) and one attachment (or none). */
    private Path packet(String documentId, String subject, String classification, String name, byte[] attachment)
            throws IOException {
        Path template = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), documentId);
        EdocHeader header;
        try (EdxmlReader reader = EdxmlReader.open(template)) {
            EdocHeader read = (EdocHeader) reader.header();
            MessageHeader m = read.messageHeader();
            OtherInfo o = m.otherInfo() == null ? new OtherInfo("0", null, null, null, null, null, null) : m.otherInfo();
            MessageHeader changed = new MessageHeader(m.from(), m.to(), m.documentId(), m.code(), m.promulgationInfo(),
                    m.documentType(), subject, m.content(), m.signerInfo(), m.dueDate(),
                    new OtherInfo(o.priority(), o.sphereOfPromulgation(), o.typerNotation(), o.promulgationAmount(),
                            o.pageAmount(), o.direction(), o.appendixes(), classification),
                    m.responseFor(), m.steeringType(), m.toPlaces(), m.extensions());
            header = new EdocHeader(changed, read.traceHeaderList(), null, "1.0", attachment == null ? List.of()
                    : List.of(new ManifestReference("cid:1", "application/zip", name, name)));
        }
        Path out = work.resolve("classified-" + number + ".edxml");
        try (OutputStream stream = Files.newOutputStream(out); EdxmlWriter writer = EdxmlWriter.create(stream)) {
            writer.writeHeader(header);
            if (attachment != null) {
                writer.writeAttachment(new AttachmentInfo("cid:1", name, name, "application/zip"),
                        new ByteArrayInputStream(attachment));
            }
        }
        return out;
    }

    /** The official SDK's way: one entry named <UUID>.pdf. */
    private static byte[] zipped(String sample) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); InputStream in = SamplePdfGenerator.open(sample)) {
            zip.putNextEntry(new ZipEntry("6a1e0c52-3f7d-4a8e-9b21-0c4d5e6f7a8b.pdf"));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private JsonNode viewer(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "theodoi:theodoi-2026".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private boolean storedAnywhere(String sha256) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.anyMatch(f -> f.getFileName().toString().contains(sha256));
        }
    }

    @Test
    void aPdfStampedMatInsideTheSdksZipIsRefusedNotStoredRecordedAndAlerted() throws Exception {
        String documentId = newDocumentId();
        String subject = "Về việc triển khai nhiệm vụ riêng " + number; // the subject must never reach operators
        Path packet = packet(documentId, subject, null, "cong-van.pdf", zipped(SamplePdfGenerator.STAMPED_CLASSIFIED));

        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.json().path("ErrorCode").asText()).isEqualTo("77");
        assertThat(answer.json().path("ErrorDesc").asText())
                .contains("độ mật", "\"MẬT\"", "cong-van.pdf", "trang 1", "không được lưu");
        // nothing of it is stored: no document, no payload, no delivery
        assertThat(jdbc.sql("SELECT COUNT(*) FROM documents WHERE edxml_document_id = ?").param(documentId)
                .query(Long.class).single()).isZero();
        assertThat(storedAnywhere(sha256(packet))).isFalse();
        // the refusal: metadata and finding only
        JsonNode refusal = null;
        for (JsonNode r : viewer("/api/v1/refusals")) {
            if (documentId.equals(r.path("edxmlDocumentId").asText())) {
                refusal = r;
            }
        }
        assertThat(refusal).as("the refusal is listed for operators").isNotNull();
        assertThat(refusal.path("errorCode").asText()).isEqualTo("77");
        assertThat(refusal.path("mark").asText()).isEqualTo("MAT");
        assertThat(refusal.path("markText").asText()).isEqualTo("MẬT");
        assertThat(refusal.path("foundIn").asText()).contains("cong-van.pdf", "6a1e0c52-3f7d-4a8e-9b21-0c4d5e6f7a8b.pdf");
        assertThat(refusal.path("fromCode").asText()).isEqualTo(Packets.TINH_UY);
        assertThat(refusal.path("toCodes").asText()).isEqualTo(Packets.UBND);
        assertThat(refusal.path("senderSystem").asText()).isEqualTo("qlvb-tinhuy");
        assertThat(refusal.toString()).doesNotContain(subject);
        String refusalId = refusal.path("id").asText();
        // in the tamper-evident log, which still verifies
        // (the chain is appended by its writer just after the commit)
        List<String> chained = Await.until(Duration.ofSeconds(20), () -> jdbc.sql(
                        "SELECT detail FROM events WHERE type = 'REFUSED_CLASSIFIED' AND seq IS NOT NULL")
                .query(String.class).list(), list -> list.stream().anyMatch(detail -> detail.contains(refusalId)));
        assertThat(chained).anySatisfy(detail -> assertThat(detail).contains(refusalId, "MẬT"));
        assertThat(chained).noneSatisfy(detail -> assertThat(detail).contains(subject));
        assertThat(chain.verify().intact()).isTrue();
        // an operator alert, without content
        JsonNode alerts = viewer("/api/v1/overview").path("alerts");
        assertThat(alerts.toString()).contains("CLASSIFIED_REFUSED", refusalId).doesNotContain(subject);
    }

    @Test
    void aPdfWithTheWordsInsideItsTextIsAcceptedAndDelivered() throws Exception {
        String documentId = newDocumentId();
        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet(documentId, SECRET_SUBJECT_WORDS, null,
                "huong-dan.pdf", zipped(SamplePdfGenerator.SECRET_WORDS_IN_TEXT)), "edoc", Packets.TINH_UY);
        assertThat(answer.ok()).as(answer.json().toString()).isTrue();
        assertThat(inboxHas(documentId)).isTrue();
    }

    @Test
    void aMarkStandingAloneInTheSubjectIsRefusedAndTheWordsInASentenceAreNot() throws Exception {
        String refused = newDocumentId();
        VdxpClient.Answer answer = SampleSystems.tinhUy(port).sendEdoc(packet(refused,
                "TỐI MẬT - Báo cáo tình hình", null, null, null), "edoc", Packets.TINH_UY);
        assertThat(answer.json().path("ErrorCode").asText()).isEqualTo("77");
        assertThat(answer.json().path("ErrorDesc").asText()).contains("\"TỐI MẬT\"", "trích yếu");

        String accepted = newDocumentId();
        VdxpClient.Answer words = SampleSystems.tinhUy(port).sendEdoc(packet(accepted,
                "Tài liệu Mật được quản lý riêng; " + SECRET_SUBJECT_WORDS, null, null, null), "edoc", Packets.TINH_UY);
        assertThat(words.ok()).as(words.json().toString()).isTrue();
    }

    @Test
    void theSendingSystemsMarkingFieldDecides() throws Exception {
        VdxpClient.Answer marked = SampleSystems.tinhUy(port).sendEdoc(packet(newDocumentId(), "Báo cáo", "TUYỆT MẬT",
                null, null), "edoc", Packets.TINH_UY);
        assertThat(marked.json().path("ErrorCode").asText()).isEqualTo("77");
        assertThat(marked.json().path("ErrorDesc").asText()).contains("\"TUYỆT MẬT\"", "OtherInfo/lt:Classification");

        VdxpClient.Answer typo = SampleSystems.tinhUy(port).sendEdoc(packet(newDocumentId(), "Báo cáo", "bí mật?",
                null, null), "edoc", Packets.TINH_UY);
        assertThat(typo.json().path("ErrorCode").asText()).isEqualTo("13");

        String documentId = newDocumentId();
        VdxpClient.Answer open = SampleSystems.tinhUy(port).sendEdoc(packet(documentId, "Báo cáo", "KHÔNG MẬT",
                null, null), "edoc", Packets.TINH_UY);
        assertThat(open.ok()).as(open.json().toString()).isTrue();
        JsonNode item = Await.until(Duration.ofSeconds(20), () -> find(documentId), java.util.Objects::nonNull);
        EdocHeader received = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(
                SampleSystems.ubnd(port).getEdoc(item.path("docId").asText())));
        // the field travels on to the recipient
        assertThat(received.messageHeader().otherInfo().classification()).isEqualTo("KHÔNG MẬT");
    }

    private boolean inboxHas(String documentId) throws Exception {
        return Await.until(Duration.ofSeconds(20), () -> find(documentId), java.util.Objects::nonNull) != null;
    }

    /** The UBND's inbox entry of the document, by its edXML DocumentId (null until it is there). */
    private JsonNode find(String documentId) throws Exception {
        VdxpClient ubnd = SampleSystems.ubnd(port);
        for (JsonNode entry : ubnd.getReceivedEdocList("edoc").data()) {
            EdocHeader header = (EdocHeader) Packets.header(VdxpClient.decodeEdoc(ubnd.getEdoc(entry.path("docId").asText())));
            if (documentId.equals(header.messageHeader().documentId())) {
                return entry;
            }
        }
        return null;
    }
}
