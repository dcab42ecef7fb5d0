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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;
import vn.lienthong.gateway.support.SignedRequests;

/**
 * Strict mode against replay, and source allowlists, through the real VDXP API: qlvb-ubnd is made strict by an
 * admin; captured requests are sent again byte for byte, late, or to another operation, as an attacker who
 * recorded them would. qlvb-tinhuy stays in the default mode, where the official SDK's frozen timestamp works.
 * Also: a signer whose revocation cannot be had is recorded as such, not as valid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StrictRequestsTest {

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", () -> dataDir.toString());
        // no CRL, no OCSP, no distribution point: the revocation of a signer cannot be had here
        registry.add("gateway.trust.crls", () -> "");
        registry.add("gateway.trust.fetch-distribution-points", () -> "false");
        registry.add("gateway.trust.ocsp", () -> "false");
        // and the policy accepts such signers (for REQUIRED agencies too): the PDF check must still not call them valid
        registry.add("gateway.trust.revocation-policy", () -> "ALLOW");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void ubndIsStrict() throws Exception {
        admin("PUT", "/api/v1/directory/systems/qlvb-ubnd/security", "{\"strict\":true}");
    }

    private JsonNode admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private static Map<String, String> fresh(String operation) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("servicetype", "eDoc");
        parameters.put("messagetype", "edoc");
        parameters.put("timestamp", SignedRequests.sdkTimestamp(Duration.ZERO));
        parameters.put("operation", operation);
        parameters.put("nonce", java.util.UUID.randomUUID().toString());
        return parameters;
    }

    @Test
    void ourOwnClientWorksInStrictMode() throws Exception {
        VdxpClient ubnd = SampleSystems.ubnd(port);
        assertThat(ubnd.getReceivedEdocList("edoc").ok()).isTrue();
        assertThat(ubnd.getReceivedEdocList("edoc").ok()).as("the same call again is a new request").isTrue();
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.UBND, List.of(Packets.TINH_UY),
                "strict-" + System.nanoTime());
        VdxpClient.Answer sent = ubnd.sendEdoc(packet, "edoc", Packets.UBND);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
    }

    @Test
    void aCapturedStrictRequestSentAgainIsRefusedAsAReplay() throws Exception {
        SignedRequests.Captured captured = SignedRequests.sign("qlvb-ubnd", "ubnd-secret-2026",
                fresh("getReceivedEdocList"));
        JsonNode first = captured.sendTo(port, "getReceivedEdocList");
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("OK");

        JsonNode replayed = captured.sendTo(port, "getReceivedEdocList");
        assertThat(replayed.path("ErrorCode").asText()).as(replayed.toString()).isEqualTo("51");
        // remembered in the database, so every node sharing it refuses the replay too
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_replay_guard WHERE system_id = 'qlvb-ubnd' AND request_hmac = ?")
                .param(captured.headers().get("XroadVnpt-hash-header")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStrictRequestSignedForOneOperationCannotBeUsedForAnother() throws Exception {
        JsonNode swapped = SignedRequests.sign("qlvb-ubnd", "ubnd-secret-2026", fresh("getReceivedEdocList"))
                .sendTo(port, "getSentEdocList");
        assertThat(swapped.path("ErrorCode").asText()).as(swapped.toString()).isEqualTo("50");
    }

    @Test
    void aStaleOrUndatedStrictRequestIsRefused() throws Exception {
        Map<String, String> old = fresh("getReceivedEdocList");
        old.put("timestamp", SignedRequests.sdkTimestamp(Duration.ofMinutes(6)));
        assertThat(SignedRequests.sign("qlvb-ubnd", "ubnd-secret-2026", old).sendTo(port, "getReceivedEdocList")
                .path("ErrorCode").asText()).isEqualTo("50");

        Map<String, String> undated = fresh("getReceivedEdocList");
        undated.remove("timestamp");
        assertThat(SignedRequests.sign("qlvb-ubnd", "ubnd-secret-2026", undated).sendTo(port, "getReceivedEdocList")
                .path("ErrorCode").asText()).isEqualTo("50");
    }

    @Test
    void theOfficialSdksFrozenTimestampStillWorksInTheDefaultMode() throws Exception {
        // what SDKVXP sends: a timestamp fixed when its service object was built (days ago), no operation, no nonce
        Map<String, String> sdk = new LinkedHashMap<>();
        sdk.put("servicetype", "eDoc");
        sdk.put("messagetype", "edoc");
        sdk.put("timestamp", SignedRequests.sdkTimestamp(Duration.ofDays(3)));
        SignedRequests.Captured request = SignedRequests.sign("qlvb-tinhuy", "tinhuy-secret-2026", sdk);
        assertThat(request.sendTo(port, "getReceivedEdocList").path("status").asText()).isEqualTo("OK");
        assertThat(request.sendTo(port, "getReceivedEdocList").path("status").asText())
                .as("the SDK sends the same signed header on every call").isEqualTo("OK");

        // the same SDK request from the strict system is refused
        assertThat(SignedRequests.sign("qlvb-ubnd", "ubnd-secret-2026", sdk).sendTo(port, "getReceivedEdocList")
                .path("ErrorCode").asText()).isEqualTo("50");
    }

    @Test
    void aSystemWithAnAllowlistIsRefusedFromAnyOtherAddressWhateverItsHeadersSay() throws Exception {
        admin("PUT", "/api/v1/directory/systems/vpcp/security", "{\"allowedSources\":[\"10.9.9.0/24\"]}");
        try {
            VdxpClient vpcp = SampleSystems.vpcp(port);
            assertThat(vpcp.getReceivedEdocList("edoc").errorCode()).isEqualTo("53");
            // no trusted proxy is configured: a forged X-Forwarded-For changes nothing
            SignedRequests.Captured forged = SignedRequests.sign("vpcp", "vpcp-secret-2026", fresh("getReceivedEdocList"));
            forged.headers().put("X-Forwarded-For", "10.9.9.9");
            assertThat(forged.sendTo(port, "getReceivedEdocList").path("ErrorCode").asText()).isEqualTo("53");

            admin("PUT", "/api/v1/directory/systems/vpcp/security", "{\"allowedSources\":[\"10.9.9.0/24\",\"127.0.0.1\"]}");
            assertThat(vpcp.getReceivedEdocList("edoc").ok()).isTrue();
        } finally {
            admin("PUT", "/api/v1/directory/systems/vpcp/security", "{}");
        }
    }

    @Test
    void aSignerWhoseRevocationCannotBeHadIsRecordedAsRevocationUnknownNotValid() throws Exception {
        // this context knows no CRL and asks no OCSP responder: no sample certificate's revocation can be had
        vn.lienthong.edxml.dsig.EdxmlSigner signer = vn.lienthong.edxml.dsig.EdxmlSigner.fromKeyStore(
                vn.lienthong.certs.SamplePki.keyStore(Packets.TINH_UY), Packets.TINH_UY,
                vn.lienthong.certs.SamplePki.PASSWORD.toCharArray());
        String documentId = Packets.TINH_UY + ",2026/12/07," + System.nanoTime() % 100000 + "/KY-SO";
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.VPCP),
                documentId);
        Path signedPacket = work.resolve("signed.edxml");
        java.nio.file.Files.write(signedPacket, signer.sign(java.nio.file.Files.readAllBytes(packet)));
        VdxpClient.Answer sent = SampleSystems.tinhUy(port).sendEdoc(signedPacket, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue(); // IF_PRESENT: the policy ALLOW accepts it
        assertThat(jdbc.sql("SELECT signature_status FROM documents WHERE id = ?").param(sent.docId())
                .query(String.class).single()).isEqualTo("REVOCATION_UNKNOWN");
    }

    /**
     * Issue 10.7: the signer of a PDF whose revocation cannot be had is recorded and shown as REVOCATION_UNKNOWN
     * (the signature, the document's verdict, the receiver's list), never as valid, even under the policy ALLOW.
     */
    @Test
    void aPdfSignerWhoseRevocationCannotBeHadIsRecordedAsRevocationUnknownNotValid() throws Exception {
        byte[] pdf;
        try (java.io.InputStream in = vn.lienthong.certs.SamplePdfGenerator.open(vn.lienthong.certs.SamplePdfGenerator.SIGNED)) {
            pdf = in.readAllBytes();
        }
        Path template = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY, List.of(Packets.VPCP),
                Packets.TINH_UY + ",2026/12/07," + System.nanoTime() % 100000 + "/PDF");
        Path packet = work.resolve("pdf.edxml");
        try (vn.lienthong.edxml.io.EdxmlReader reader = vn.lienthong.edxml.io.EdxmlReader.open(template);
             java.io.OutputStream out = java.nio.file.Files.newOutputStream(packet);
             vn.lienthong.edxml.io.EdxmlWriter writer = vn.lienthong.edxml.io.EdxmlWriter.create(out)) {
            vn.lienthong.edxml.model.EdocHeader read = (vn.lienthong.edxml.model.EdocHeader) reader.header();
            writer.writeHeader(new vn.lienthong.edxml.model.EdocHeader(read.messageHeader(), read.traceHeaderList(), null,
                    "1.0", List.of(new vn.lienthong.edxml.model.ManifestReference("cid:1", "application/pdf",
                    "cong-van.pdf", "cong-van.pdf"))));
            writer.writeAttachment(new vn.lienthong.edxml.model.AttachmentInfo("cid:1", "cong-van.pdf", "cong-van.pdf",
                    "application/pdf"), new java.io.ByteArrayInputStream(pdf));
        }
        VdxpClient.Answer sent = SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        assertThat(jdbc.sql("SELECT status FROM pdf_signatures WHERE document_id = ?").param(sent.docId())
                .query(String.class).list()).containsExactly("REVOCATION_UNKNOWN");
        assertThat(jdbc.sql("SELECT pdf_verdict FROM documents WHERE id = ?").param(sent.docId())
                .query(String.class).single()).isEqualTo("REVOCATION_UNKNOWN");
        com.fasterxml.jackson.databind.JsonNode inbox = vn.lienthong.gateway.support.Await.until(
                java.time.Duration.ofSeconds(20), () -> SampleSystems.vpcp(port).getReceivedEdocList("edoc").data(),
                list -> list.findValuesAsText("pdfSignatures").contains("REVOCATION_UNKNOWN"));
        assertThat(inbox.findValuesAsText("pdfSignatures")).doesNotContain("SIGNED_VALID");
    }
}
