package vn.lienthong.gateway.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSigner;
import vn.lienthong.edxml.model.BusinessDocType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.testsupport.GatewayProcess;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * Three gateways as real processes on one machine: province A and province B, each linked to a "national" axis N
 * (each link points at N's VDXP API, with the system id and secret N gave it). A Party office in A sends to a sở in
 * B and to an agency local to A; statuses come back; a revocation follows; a packet N sends to both provinces is
 * never sent back; a misrouted one is refused on the link; with N stopped for a while nothing is lost. The three
 * are started once for the class; the tests run in order on them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

    // province A: the sample's Nghệ An codes (the sample PKI has their signing certificates)
    static final String TINH_UY_A = Packets.TINH_UY;
    static final String UBND_A = Packets.UBND;
    // province B
    static final String UBND_B = "000.00.00.H40";
    static final String SO_B = "000.00.05.H40";
    // known to N as A's, but A has no system for it: N and A each think the other serves it
    static final String MISROUTED = "000.00.09.H41";

    static final String LINK = "quoc-gia";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    Path jar;
    GatewayProcess n;
    GatewayProcess a;
    GatewayProcess b;
    int nPort;
    final List<GatewayProcess> started = new ArrayList<>();
    final List<String> receivedAtSoB = new ArrayList<>();
    String firstDocumentId;
    EdocHeader firstAsReceived;
    long startedAt;

    @BeforeAll
    void startThreeGateways() throws Exception {
        jar = GatewayProcess.jar();
        assumeTrue(jar != null, "gateway.jar not set: runs in the integration-test phase (failsafe)");
        startedAt = System.nanoTime();
        nPort = vn.lienthong.gateway.support.Http.freePort();
        n = launchN();
        a = launch("a", "TRUC-A", """
                directory:
                  agencies:
                    - {code: "%s", name: "Văn phòng Tỉnh ủy (tỉnh A)", side: PARTY}
                    - {code: "%s", name: "UBND tỉnh A", side: STATE}
                  systems:
                    - {system-id: qlvb-tinhuy, name: "QLVB Tỉnh ủy A", secret: tinhuy-secret-2026, agencies: ["%s"]}
                    - {system-id: qlvb-ubnd, name: "QLVB UBND A", secret: ubnd-secret-2026, agencies: ["%s"]}
                """.formatted(TINH_UY_A, UBND_A, TINH_UY_A, UBND_A));
        b = launch("b", "TRUC-B", """
                directory:
                  agencies:
                    - {code: "%s", name: "UBND tỉnh B", side: STATE}
                    - {code: "%s", name: "Sở Nội vụ tỉnh B", side: STATE}
                  systems:
                    - {system-id: qlvb-b, name: "QLVB tỉnh B", secret: b-secret-2026, agencies: ["%s", "%s"]}
                """.formatted(UBND_B, SO_B, UBND_B, SO_B));
        for (GatewayProcess gateway : List.of(n, a, b)) {
            gateway.awaitReady();
        }
        System.out.printf("FEDERATION three gateways ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    @AfterAll
    void stopThem() throws Exception {
        for (GatewayProcess process : started) {
            process.cleanUp();
        }
        if (startedAt > 0) {
            System.out.printf("FEDERATION whole class %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        }
    }

    @Test
    @Order(1)
    void eachProvinceLinksToTheNationalAxisAndImportsItsAgenciesAfterAPreview() throws Exception {
        for (GatewayProcess province : List.of(a, b)) {
            boolean isA = province == a;
            JsonNode created = admin(province, "POST", "/api/v1/directory/links", Map.of("id", LINK,
                    "name", "Trục liên thông quốc gia (thử nghiệm)", "endpoint", "http://127.0.0.1:" + nPort + "/vdxp",
                    "systemId", isA ? "truc-a" : "truc-b", "secret", isA ? "truc-a-secret" : "truc-b-secret"));
            assertThat(created.path("state").asText()).isEqualTo("UNKNOWN");
            assertThat(created.toString()).doesNotContain("secret\"");

            JsonNode preview = operator(province, "/api/v1/directory/links/" + LINK + "/import");
            assertThat(preview.path("applied").asBoolean()).isFalse();
            List<String> added = preview.path("add").findValuesAsText("code");
            List<String> local = JSON.convertValue(preview.path("local"), List.class);
            if (isA) {
                assertThat(added).containsExactlyInAnyOrder(UBND_B, SO_B, Packets.VPCP, MISROUTED);
                assertThat(local).containsExactlyInAnyOrder(TINH_UY_A, UBND_A);
            } else {
                assertThat(added).containsExactlyInAnyOrder(TINH_UY_A, UBND_A, Packets.VPCP, MISROUTED);
                assertThat(local).containsExactlyInAnyOrder(UBND_B, SO_B);
            }
            // a preview changes nothing
            assertThat(operator(province, "/api/v1/directory/links/" + LINK).path("agencies")).isEmpty();

            JsonNode applied = admin(province, "POST", "/api/v1/directory/links/" + LINK + "/import", null);
            assertThat(applied.path("applied").asBoolean()).isTrue();
            assertThat(operator(province, "/api/v1/directory/links/" + LINK).path("agencies")).hasSize(4);
            // the side travels with the list (an extra key of this gateway's getAgenciesList)
            JsonNode party = operator(province, "/api/v1/directory/agencies");
            for (JsonNode agency : party) {
                if (agency.path("code").asText().equals(TINH_UY_A)) {
                    assertThat(agency.path("side").asText()).isEqualTo("PARTY");
                    assertThat(agency.path("deliveryMode").asText()).isEqualTo(isA ? "PULL" : "LINK");
                }
            }
            // importing again changes nothing
            JsonNode again = operator(province, "/api/v1/directory/links/" + LINK + "/import");
            assertThat(again.path("add")).isEmpty();
            assertThat(again.path("change")).isEmpty();
            assertThat(again.path("unchanged").asInt()).isEqualTo(4);
        }
    }

    @Test
    @Order(2)
    void aSignedCongVanReachesASoInBAndAnAgencyLocalToAAndItsStatusesComeBack() throws Exception {
        firstDocumentId = TINH_UY_A + ",2026/12/06,101-CV/TU";
        Path unsigned = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", TINH_UY_A, List.of(SO_B, UBND_A),
                firstDocumentId);
        Path signed = work.resolve("signed.edxml");
        Files.write(signed, EdxmlSigner.fromKeyStore(SamplePki.keyStore(TINH_UY_A), TINH_UY_A,
                SamplePki.PASSWORD.toCharArray()).sign(Files.readAllBytes(unsigned)));
        VdxpClient.Answer sent = tinhUyA().sendEdoc(signed, "edoc", TINH_UY_A);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();

        // the agency local to A has it from A itself
        byte[] atUbndA = receive(SampleSystems.ubnd(a.port()), firstDocumentId);
        assertThat(atUbndA).isEqualTo(Files.readAllBytes(signed));

        // the sở in B has it through N, byte for byte, and its XML-DSig still verifies (the real xmlsec1)
        byte[] atSoB = receive(soB(), firstDocumentId);
        assertThat(atSoB).isEqualTo(Files.readAllBytes(signed));
        Path arrived = work.resolve("arrived-at-b.edxml");
        Files.write(arrived, atSoB);
        Process xmlsec1 = new ProcessBuilder("xmlsec1", "--verify",
                "--trusted-pem", SamplePki.pemPath(SamplePki.ROOT_CA).toString(),
                "--trusted-pem", SamplePki.pemPath(SamplePki.AGENCY_CA).toString(), arrived.toString())
                .redirectErrorStream(true).start();
        String xmlsec1Output = new String(xmlsec1.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(xmlsec1.waitFor()).as(xmlsec1Output).isZero();
        assertThat(xmlsec1Output).contains("OK");
        firstAsReceived = (EdocHeader) Packets.header(atSoB);

        // the sở answers 01 (đã đến) and at once 03 (đã tiếp nhận) on B; A's sender gets both, in that order
        // (the statuses of a document cross each link one at a time, in the order they were accepted)
        for (StatusCode code : List.of(StatusCode.ARRIVED, StatusCode.ACCEPTED)) {
            VdxpClient.Answer status = soB().sendEdoc(Packets.status(work, firstAsReceived, SO_B, code), "status", SO_B);
            assertThat(status.ok()).as(status.json().toString()).isTrue();
        }
        assertThat(receiveStatuses(tinhUyA(), SO_B, 2)).containsExactly("01", "03");
        // and A's getSentEdocList shows the sở's latest business status
        Await.until(Duration.ofSeconds(30), () -> tinhUyA().getSentEdocList("edoc").data().toString(),
                list -> list.contains("\"toCode\":\"" + SO_B + "\"") && list.contains("\"receiveStatus\":\"03\""));

        // the operator of A sees the hand-off to the link, with the DocId N gave it, on the document's timeline
        JsonNode document = operator(a, "/api/v1/documents/" + sent.docId());
        List<String> types = document.path("events").findValuesAsText("type");
        assertThat(types).contains("ACCEPTED", "FORWARDED", "DELIVERED");
        JsonNode forwarded = null;
        for (JsonNode event : document.path("events")) {
            if (event.path("type").asText().equals("FORWARDED")) {
                forwarded = event;
            }
        }
        assertThat(forwarded.path("detail").asText()).contains("quoc-gia").contains("DocId ");
        JsonNode link = operator(a, "/api/v1/directory/links/" + LINK);
        assertThat(link.path("state").asText()).isEqualTo("UP");
        assertThat(link.path("lastSuccessAt").isNull()).isFalse();
        // on B, the document is recorded as taken from the link
        JsonNode receipts = operator(b, "/api/v1/directory/links/" + LINK).path("receipts");
        assertThat(receipts.findValuesAsText("messageType")).contains("edoc");
    }

    @Test
    @Order(3)
    void aRevocationFollowsTheDocumentItRevokes() throws Exception {
        String revocationId = TINH_UY_A + ",2026/12/06,102-TH/TU";
        Path revocation = Packets.change(work, "vpcp-sdk-example/edoc_revocation.edxml", TINH_UY_A,
                List.of(SO_B, UBND_A), revocationId, firstDocumentId);
        VdxpClient.Answer sent = tinhUyA().sendEdoc(revocation, "edoc", TINH_UY_A);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        EdocHeader atSoB = (EdocHeader) Packets.header(receive(soB(), revocationId));
        assertThat(atSoB.businessDocType()).isEqualTo(BusinessDocType.REVOCATION);
        assertThat(atSoB.traceHeaderList().bussiness().documentId()).isEqualTo(firstDocumentId);
        receive(SampleSystems.ubnd(a.port()), revocationId);
        // B linked it to the document it revokes, as it would a local one
        JsonNode found = operator(b, "/api/v1/documents?messageType=edoc&documentId="
                + java.net.URLEncoder.encode(firstDocumentId, StandardCharsets.UTF_8));
        String original = found.at("/content/0/docId").asText();
        assertThat(operator(b, "/api/v1/documents/" + original).path("events").findValuesAsText("type")).contains("LINKED");
    }

    @Test
    @Order(4)
    void aPacketFromTheNationalAxisIsNeverSentBackAndAMisroutedOneIsRefusedOnTheLink() throws Exception {
        // VPCP, local to N, writes to both provinces: each takes its own recipient only, none sends it back
        String both = Packets.VPCP + ",2026/12/06,55-CV/VPCP";
        VdxpClient.Answer sent = SampleSystems.vpcp(nPort).sendEdoc(Packets.document(work,
                "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP, List.of(UBND_A, SO_B), both), "edoc", Packets.VPCP);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        receive(SampleSystems.ubnd(a.port()), both);
        receive(soB(), both);
        for (GatewayProcess province : List.of(a, b)) {
            JsonNode found = operator(province, "/api/v1/documents?messageType=edoc&documentId="
                    + java.net.URLEncoder.encode(both, StandardCharsets.UTF_8));
            assertThat(found.path("totalElements").asLong()).isEqualTo(1);
            JsonNode document = operator(province, "/api/v1/documents/" + found.at("/content/0/docId").asText());
            assertThat(document.path("deliveries")).as("only the local recipient").hasSize(1);
            assertThat(document.path("events").findValuesAsText("type")).doesNotContain("FORWARDED");
        }

        // N routes MISROUTED to A, A routes it to N: A refuses it on the link (72), with the reason, and says so
        String misrouted = Packets.VPCP + ",2026/12/06,56-CV/VPCP";
        VdxpClient.Answer loop = SampleSystems.vpcp(nPort).sendEdoc(Packets.document(work,
                "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP, List.of(MISROUTED), misrouted), "edoc", Packets.VPCP);
        assertThat(loop.ok()).isTrue();
        JsonNode refusal = Await.until(Duration.ofSeconds(30), () -> {
            for (JsonNode receipt : operator(a, "/api/v1/directory/links/" + LINK).path("receipts")) {
                if ("72".equals(receipt.path("errorCode").asText())) {
                    return receipt;
                }
            }
            return null;
        }, r -> r != null);
        assertThat(refusal.path("reason").asText()).contains("không chuyển vòng lại");
        // N saw the fail, with the reason, on its delivery to MISROUTED
        JsonNode atN = Await.until(Duration.ofSeconds(30), () -> operator(n, "/api/v1/documents/" + loop.docId()),
                doc -> doc.path("deliveries").toString().contains("REJECTED"));
        assertThat(atN.path("events").toString()).contains("72");
    }

    @Test
    @Order(5)
    void withTheNationalAxisStoppedForAWhileNothingIsLost() throws Exception {
        assertThat(n.stop()).isIn(0, 143);
        long stoppedAt = System.nanoTime();

        // A accepts a document for B (and its own UBND) and the sở in B sends a status, while N is away
        String secondId = TINH_UY_A + ",2026/12/06,103-CV/TU";
        VdxpClient.Answer sent = tinhUyA().sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                TINH_UY_A, List.of(SO_B, UBND_A), secondId), "edoc", TINH_UY_A);
        assertThat(sent.ok()).as(sent.json().toString()).isTrue();
        VdxpClient.Answer status = soB().sendEdoc(Packets.status(work, firstAsReceived, SO_B, StatusCode.FINISHED),
                "status", SO_B);
        assertThat(status.ok()).as(status.json().toString()).isTrue();
        receive(SampleSystems.ubnd(a.port()), secondId); // local delivery does not wait for N

        // the operators see the link failing, with its backlog
        JsonNode failing = Await.until(Duration.ofSeconds(30), () -> operator(a, "/api/v1/directory/links/" + LINK),
                link -> link.path("state").asText().equals("FAILING") && link.path("backlog").asLong() >= 1);
        assertThat(failing.path("failingSince").isNull()).isFalse();
        Await.until(Duration.ofSeconds(30), () -> operator(b, "/api/v1/directory/links/" + LINK).path("state").asText(),
                "FAILING"::equals);
        JsonNode timeline = operator(a, "/api/v1/documents/" + sent.docId());
        assertThat(timeline.path("events").findValuesAsText("type")).contains("PUSH_FAILED");

        // N comes back on its data and port: everything arrives
        n = launchN();
        n.awaitReady();
        System.out.printf("FEDERATION national axis away for %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt));
        EdocHeader second = (EdocHeader) Packets.header(receive(soB(), secondId));
        // unsigned: it carries the TraceHeaders of A and N
        assertThat(second.traceHeaderList().traceHeaders().stream().map(TraceHeader::organId).toList())
                .contains("TRUC-A", "TRUC-N");
        assertThat(receiveStatuses(tinhUyA(), SO_B, 1)).containsExactly("06");
        Await.until(Duration.ofSeconds(30), () -> operator(a, "/api/v1/directory/links/" + LINK),
                link -> link.path("state").asText().equals("UP") && link.path("backlog").asLong() == 0);

        // nothing arrived twice at the sở in B
        assertThat(receivedAtSoB).doesNotHaveDuplicates();
        assertThat(soB().getReceivedEdocList("edoc").data()).isEmpty();
    }

    // ---------------------------------------------------------------- the gateways

    private GatewayProcess launchN() throws IOException {
        return launchOn(nPort, "n", "TRUC-N", """
                directory:
                  agencies:
                    - {code: "%s", name: "Văn phòng Tỉnh ủy (tỉnh A)", side: PARTY}
                    - {code: "%s", name: "UBND tỉnh A", side: STATE}
                    - {code: "%s", name: "Đơn vị chuyển nhầm (tỉnh A)", side: STATE}
                    - {code: "%s", name: "UBND tỉnh B", side: STATE}
                    - {code: "%s", name: "Sở Nội vụ tỉnh B", side: STATE}
                    - {code: "%s", name: "Văn phòng Chính phủ", side: STATE}
                  systems:
                    - {system-id: truc-a, name: "Trục tỉnh A", secret: truc-a-secret, agencies: ["%s", "%s", "%s"]}
                    - {system-id: truc-b, name: "Trục tỉnh B", secret: truc-b-secret, agencies: ["%s", "%s"]}
                    - {system-id: vpcp, name: "QLVB VPCP", secret: vpcp-secret-2026, agencies: ["%s"]}
                """.formatted(TINH_UY_A, UBND_A, MISROUTED, UBND_B, SO_B, Packets.VPCP,
                TINH_UY_A, UBND_A, MISROUTED, UBND_B, SO_B, Packets.VPCP));
    }

    private GatewayProcess launch(String name, String trace, String directory) throws IOException {
        return launchOn(vn.lienthong.gateway.support.Http.freePort(), name, trace, directory);
    }

    private GatewayProcess launchOn(int port, String name, String trace, String directory) throws IOException {
        Path home = work.resolve(name);
        Files.createDirectories(home);
        Path seed = home.resolve("directory.yml");
        Files.writeString(seed, directory);
        GatewayProcess process = GatewayProcess.launch(jar, home, home.resolve("data"),
                home.resolve("gateway-" + started.size() + ".log"), port,
                "--gateway.directory.seed=file:" + seed,
                "--gateway.intake.trace-organ-id=" + trace,
                "--gateway.intake.sweep-interval=1s", "--gateway.intake.sweep-age=2s",
                "--gateway.links.poll-interval=1s", "--gateway.links.poll-lease=10s",
                "--gateway.delivery.initial-delay=1s", "--gateway.delivery.multiplier=1.5",
                "--gateway.delivery.max-delay=2s", "--gateway.delivery.max-attempts=100");
        started.add(process);
        return process;
    }

    // ---------------------------------------------------------------- the systems around them

    private VdxpClient tinhUyA() {
        return SampleSystems.tinhUy(a.port());
    }

    private VdxpClient soB() {
        return SampleSystems.client(b.port(), "qlvb-b", "b-secret-2026");
    }

    /** Waits for the document with this edXML DocumentId in a system's inbox, takes it and acknowledges it. */
    private byte[] receive(VdxpClient system, String documentId) throws Exception {
        return Await.until(Duration.ofSeconds(60), () -> {
            for (JsonNode entry : system.getReceivedEdocList("edoc").data()) {
                String docId = entry.path("docId").asText();
                byte[] packet = VdxpClient.decodeEdoc(system.getEdoc(docId));
                PacketHeader header = Packets.header(packet);
                if (header instanceof EdocHeader edoc && documentId.equals(edoc.messageHeader().documentId())) {
                    assertThat(system.updateStatus(docId, "done").ok()).isTrue();
                    if (system.toString().contains("qlvb-b")) {
                        receivedAtSoB.add(documentId);
                    }
                    return packet;
                }
            }
            return null;
        }, packet -> packet != null);
    }

    /** Waits for {@code count} status packets from {@code reporter}; takes and acknowledges them; their codes. */
    private List<String> receiveStatuses(VdxpClient system, String reporter, int count) throws Exception {
        List<String> codes = new ArrayList<>();
        Await.until(Duration.ofSeconds(60), () -> {
            for (JsonNode entry : system.getReceivedEdocList("status").data()) {
                String docId = entry.path("docId").asText();
                StatusHeader status = (StatusHeader) Packets.header(VdxpClient.decodeEdoc(system.getEdoc(docId)));
                if (reporter.equals(status.from().organId().trim())) {
                    codes.add(status.statusCode().trim());
                }
                assertThat(system.updateStatus(docId, "done").ok()).isTrue();
            }
            return codes.size();
        }, size -> size >= count);
        return codes;
    }

    // ---------------------------------------------------------------- the operator API

    private static JsonNode operator(GatewayProcess gateway, String path) throws Exception {
        return call(gateway, "GET", path, null, "theodoi", "theodoi-2026");
    }

    private static JsonNode admin(GatewayProcess gateway, String method, String path, Object body) throws Exception {
        return call(gateway, method, path, body, "quantri", "quantri-2026");
    }

    private static JsonNode call(GatewayProcess gateway, String method, String path, Object body, String user,
                                 String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
