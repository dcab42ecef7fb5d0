package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.testsupport.GatewayProcess;

/**
 * The client and operator commands against the REAL gateway: its runnable jar started as a process (fresh
 * data directory, sample directory and operators), the commands run in-process through {@link CliRunner},
 * and once through the tool's own jar with its credentials in the environment.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CliAgainstGatewayIT {

    private static final String TINH_UY = TestPackets.TINH_UY;
    private static final String UBND = TestPackets.UBND;
    private static final String VPCP = "000.00.00.G22";
    private static final AtomicInteger NUMBER = new AtomicInteger(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    static GatewayProcess gateway;

    @TempDir
    Path work;

    @BeforeAll
    static void startTheGateway() throws Exception {
        gateway = GatewayProcess.start(home);
    }

    @AfterAll
    static void stopTheGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    static Map<String, String> system(String systemId, String secret) {
        return Map.of("LIENTHONG_URL", gateway.url(), "LIENTHONG_SYSTEM", systemId, "LIENTHONG_SECRET", secret);
    }

    static Map<String, String> tinhUy() {
        return system("qlvb-tinhuy", "tinhuy-secret-2026");
    }

    static Map<String, String> ubnd() {
        return system("qlvb-ubnd", "ubnd-secret-2026");
    }

    static Map<String, String> operator(String user, String password) {
        return Map.of("LIENTHONG_URL", gateway.url(), "LIENTHONG_USER", user, "LIENTHONG_PASSWORD", password);
    }

    static Map<String, String> vanhanh() {
        return operator("vanhanh", "vanhanh-2026");
    }

    static String newDocumentId(String issuer) {
        return issuer + ",2026/11/21," + NUMBER.incrementAndGet() + "-CV/VPTU";
    }

    @Test
    void aDocumentIsSentPulledAcknowledgedAndAnsweredWithAStatusTheSenderSees() throws Exception {
        String idA = newDocumentId(TINH_UY);
        String idB = newDocumentId(TINH_UY);
        Path a = TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml", TINH_UY, List.of(UBND), idA);
        Path b = TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml", TINH_UY, List.of(UBND), idB);
        Path malformed = EdxmlCommandsTest.sample("malformed/edoc-unbound-prefix.edxml");

        // send: one line per file, the refusal with the gateway's code, a bar on stderr, exit non-zero
        CliRunner send = CliRunner.run(tinhUy(), "send", a.toString(), malformed.toString(), b.toString(),
                "--from", TINH_UY);
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        List<String> lines = send.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches(java.util.regex.Pattern.quote(a + ": đã gửi (sent) DocId ") + "[0-9a-f-]{36}");
        assertThat(lines.get(1)).startsWith(malformed + ": từ chối (refused) 10 ");
        assertThat(lines.get(2)).startsWith(b + ": đã gửi (sent) DocId ");
        assertThat(send.err()).contains("\r[", "] 0/3", "] 3/3");

        // inbox: the recipient's pending list, as a table and as JSON
        JsonNode pending = awaitJson(() -> CliRunner.run(ubnd(), "inbox", "--json"),
                answer -> countFrom(answer.path("data"), TINH_UY) >= 2);
        List<String> copies = new ArrayList<>();
        for (JsonNode item : pending.path("data")) {
            assertThat(item.path("to").asText()).isEqualTo(UBND);
            copies.add(item.path("docId").asText());
        }
        CliRunner table = CliRunner.run(ubnd(), "inbox");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("DocId", "Từ (from)", copies.get(0), copies.get(1), TINH_UY, UBND,
                "initial (Mới)", "2 văn bản đang chờ (documents pending)");

        // get: streamed into a directory, the packet as the gateway keeps it
        Map<String, Path> saved = new HashMap<>();
        Map<String, String> copyOf = new HashMap<>();
        for (String copy : copies) {
            CliRunner get = CliRunner.run(ubnd(), "get", copy, "--out", work.resolve("inbox") + "/");
            assertThat(get.exitCode()).as(get.toString()).isZero();
            Path file = work.resolve("inbox").resolve(copy + ".edxml");
            assertThat(get.out()).contains("Đã lưu (saved) " + file, "byte");
            EdocHeader header = (EdocHeader) TestPackets.header(file);
            saved.put(header.messageHeader().documentId(), file);
            copyOf.put(header.messageHeader().documentId(), copy);
        }
        assertThat(saved).containsOnlyKeys(idA, idB);
        try (var left = Files.list(work.resolve("inbox"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no partial files")
                    .allMatch(name -> name.endsWith(".edxml") && !name.startsWith("."));
        }
        CliRunner toFile = CliRunner.run(ubnd(), "get", copyOf.get(idA), "--out", work.resolve("a.edxml").toString());
        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        assertThat(Files.mismatch(work.resolve("a.edxml"), saved.get(idA))).isEqualTo(-1L);

        // ack: done takes A out of the inbox; processing keeps B there, marked
        CliRunner done = CliRunner.run(ubnd(), "ack", copyOf.get(idA));
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.out()).contains(copyOf.get(idA) + ": đã báo (acknowledged) done");
        CliRunner processing = CliRunner.run(ubnd(), "ack", copyOf.get(idB), "--processing");
        assertThat(processing.exitCode()).as(processing.toString()).isZero();
        CliRunner after = CliRunner.run(ubnd(), "inbox");
        assertThat(after.out()).doesNotContain(copyOf.get(idA)).contains(copyOf.get(idB), "processing");

        // status send 01: built from the received packet, sent as messagetype status
        CliRunner status = CliRunner.run(ubnd(), "status", "send", "--doc", saved.get(idA).toString(),
                "--code", "01", "--from", UBND);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Đã gửi trạng thái (status sent) 01 Đã đến", idA, "DocId ");

        // only the sender may ask to take a document back (13): the gateway's rule, its code
        CliRunner notMine = CliRunner.run(ubnd(), "status", "send", "--doc", saved.get(idA).toString(),
                "--code", "13", "--from", UBND);
        assertThat(notMine.exitCode()).as(notMine.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(notMine.err()).contains("từ chối (the gateway refused): 43 ");

        // the sender sees the status in its status inbox, and gets it
        JsonNode statuses = awaitJson(() -> CliRunner.run(tinhUy(), "inbox", "--status", "--json"),
                answer -> countFrom(answer.path("data"), UBND) >= 1);
        String statusDocId = statuses.path("data").get(0).path("docId").asText();
        CliRunner statusTable = CliRunner.run(tinhUy(), "inbox", "--status");
        assertThat(statusTable.out()).contains(statusDocId, UBND, TINH_UY, "trạng thái đang chờ");
        CliRunner getStatus = CliRunner.run(tinhUy(), "get", statusDocId, "--out", work.toString());
        assertThat(getStatus.exitCode()).as(getStatus.toString()).isZero();
        StatusHeader back = (StatusHeader) TestPackets.header(work.resolve(statusDocId + ".edxml"));
        assertThat(back.statusCode()).isEqualTo("01");
        assertThat(back.responseFor().documentId()).isEqualTo(idA);
        assertThat(back.from().organId()).isEqualTo(UBND);
        assertThat(CliRunner.run(tinhUy(), "ack", statusDocId).exitCode()).isZero();
        assertThat(CliRunner.run(tinhUy(), "inbox", "--status").out()).contains("Không có trạng thái nào đang chờ");
    }

    @Test
    void wrongCredentialsArePrintedWithTheGatewaysCode() throws Exception {
        Path packet = TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml", TINH_UY, List.of(UBND),
                newDocumentId(TINH_UY));
        // the option overrides the environment
        CliRunner send = CliRunner.run(tinhUy(), "send", packet.toString(), "--from", TINH_UY, "--secret", "sai-mat-khau");
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(send.out()).startsWith(packet + ": từ chối (refused) 15 ");
        assertThat(send.err()).as("one file: no bar").isEmpty();

        CliRunner inbox = CliRunner.run(system("qlvb-tinhuy", "sai-mat-khau"), "inbox");
        assertThat(inbox.exitCode()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(inbox.err()).contains("Cổng liên thông từ chối (the gateway refused): 15 ");

        // an unknown system gets the same code as a wrong secret: the answer tells no one which ids exist
        CliRunner unknown = CliRunner.run(system("khong-ton-tai", "x"), "inbox");
        assertThat(unknown.exitCode()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(unknown.err()).contains(": 15 ");

        CliRunner notItsAgency = CliRunner.run(ubnd(), "send", packet.toString(), "--from", TINH_UY);
        assertThat(notItsAgency.exitCode()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(notItsAgency.out()).contains("từ chối (refused) 19 ");
    }

    @Test
    void anUnknownDocumentIsRefusedWithItsCodeAndLeavesNoFile() throws Exception {
        Path dir = Files.createDirectories(work.resolve("out"));
        CliRunner get = CliRunner.run(ubnd(), "get", "00000000-0000-0000-0000-000000000000", "--out", dir.toString());
        assertThat(get.exitCode()).as(get.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(get.err()).contains("từ chối (the gateway refused): 40 ");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        CliRunner ack = CliRunner.run(ubnd(), "ack", "00000000-0000-0000-0000-000000000000", "--fail");
        assertThat(ack.exitCode()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(ack.out()).contains("từ chối (refused) 40 ");
    }

    @Test
    void theToolsJarReadsItsCredentialsFromTheEnvironment() throws Exception {
        Path jar = Path.of(System.getProperty("cli.jar", "target/lienthong.jar"));
        assertThat(jar).isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toString(), "inbox", "--status").redirectErrorStream(true);
        builder.environment().putAll(tinhUy());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsAnyOf("đang chờ", "Không có trạng thái nào đang chờ");

        builder.environment().put("LIENTHONG_SECRET", "sai");
        Process refused = builder.start();
        String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as(refusal).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(refusal).contains("15");
    }

    // ------------------------------------------------------------------ the operator API

    @Test
    void theSenderSavesEvidenceThatOpensslVerifiesAndTheOperatorVerifiesTheChain() throws Exception {
        String documentId = newDocumentId(TINH_UY);
        CliRunner send = CliRunner.run(tinhUy(), "send", TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                TINH_UY, List.of(VPCP), documentId).toString(), "--from", TINH_UY);
        assertThat(send.exitCode()).as(send.toString()).isZero();
        String docId = send.out().strip().replaceAll(".* DocId ", "");

        awaitJson(() -> CliRunner.run(tinhUy(), "evidence", docId, "--json"),
                answer -> answer.path("data").size() >= 1);
        Path dir = work.resolve("evidence");
        CliRunner evidence = CliRunner.run(tinhUy(), "evidence", docId, "--out", dir.toString());
        assertThat(evidence.exitCode()).as(evidence.toString()).isZero();
        assertThat(evidence.out()).contains("ACCEPTED", TINH_UY, VPCP, ".p7s", "bằng chứng đã lưu");
        Path p7s;
        try (var files = Files.list(dir)) {
            p7s = files.filter(f -> f.toString().endsWith(".p7s")).findFirst().orElseThrow();
        }
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                p7s.toString(), "-CAfile", vn.lienthong.certs.SamplePki.caBundlePath().toString(), "-out",
                work.resolve("record.json").toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        assertThat(Files.readString(work.resolve("record.json"))).contains("\"docId\":\"" + docId + "\"",
                "\"event\":\"ACCEPTED\"", "\"type\":\"lienthong.evidence\"");

        CliRunner stranger = CliRunner.run(ubnd(), "evidence", docId, "--out", dir.toString());
        assertThat(stranger.exitCode()).as(stranger.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(stranger.err()).contains("40");

        CliRunner chain = CliRunner.run(vanhanh(), "chain", "verify");
        assertThat(chain.exitCode()).as(chain.toString()).isZero();
        assertThat(chain.out()).contains("NGUYÊN VẸN (INTACT)");
    }

    @Test
    void anAdminAddsALinkToAnotherAxisAndSeesWhyItsImportIsRefused() throws Exception {
        // the "other axis" is this gateway itself, with a system id it never gave: calls reach it and are refused
        CliRunner add = CliRunner.run(operator("quantri", "quantri-2026"), "links", "add", "--id", "truc-thu",
                "--name", "Trục thử (test axis)", "--endpoint", gateway.url() + "/vdxp", "--link-system", "khong-co",
                "--link-secret", "x");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("truc-thu", "khong-co", "UNKNOWN").doesNotContain("\"x\"");
        CliRunner notAdmin = CliRunner.run(vanhanh(), "links", "add", "--id", "truc-khac", "--name", "x",
                "--endpoint", gateway.url() + "/vdxp", "--link-system", "x", "--link-secret", "x");
        assertThat(notAdmin.exitCode()).as(notAdmin.toString()).isEqualTo(5);

        CliRunner preview = CliRunner.run(vanhanh(), "links", "import", "truc-thu");
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(4);
        assertThat(preview.out() + preview.err()).contains("71", "15");
        CliRunner list = CliRunner.run(vanhanh(), "links", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("truc-thu", "FAILING", "Tồn (backlog)");
        CliRunner show = CliRunner.run(vanhanh(), "links", "show", "truc-thu", "--json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("\"failingSince\"", "\"agencies\" : [ ]");
        assertThat(CliRunner.run(vanhanh(), "links", "show", "khong-co").exitCode()).isEqualTo(4);
    }

    @Test
    void anAdminRetiresACodeWithItsSuccessorAndTheOldCodeIsRefusedNamingIt() throws Exception {
        String old = "000.00.00.H46";
        // the old code in the directory, through the operator API (the tool adds no agencies)
        java.net.http.HttpResponse<String> added = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url() + "/api/v1/directory/agencies"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + old
                                + "\",\"name\":\"UBND tỉnh Thừa Thiên Huế (mẫu, mã cũ)\",\"side\":\"STATE\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Map<String, String> admin = operator("quantri", "quantri-2026");

        CliRunner notAdmin = CliRunner.run(vanhanh(), "retire", old, "--successor", UBND);
        assertThat(notAdmin.exitCode()).as(notAdmin.toString()).isEqualTo(5);
        CliRunner unknownSuccessor = CliRunner.run(admin, "retire", old, "--successor", "000.00.99.H99");
        assertThat(unknownSuccessor.exitCode()).as(unknownSuccessor.toString()).isEqualTo(4);
        assertThat(unknownSuccessor.out() + unknownSuccessor.err()).contains("78");

        CliRunner retire = CliRunner.run(admin, "retire", old, "--successor", UBND, "--on-document", "REFUSE",
                "--note", "QĐ 09/2025/QĐ-TTg (mẫu)");
        assertThat(retire.exitCode()).as(retire.toString()).isZero();
        assertThat(retire.out()).contains(old, UBND, "từ chối, mã lỗi 75", "QĐ 09/2025/QĐ-TTg (mẫu)");
        JsonNode asJson = JSON.readTree(CliRunner.run(admin, "retire", old, "--successor", UBND, "--on-document",
                "REFUSE", "--json").out());
        assertThat(asJson.path("successorCode").asText()).isEqualTo(UBND);
        assertThat(asJson.path("onDocument").asText()).isEqualTo("REFUSE");

        // a document to the old code is now refused with 75, naming the successor; nothing is delivered
        CliRunner send = CliRunner.run(tinhUy(), "send", TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                TINH_UY, List.of(old), newDocumentId(TINH_UY)).toString(), "--from", TINH_UY);
        assertThat(send.exitCode()).as(send.toString()).isEqualTo(4);
        assertThat(send.out() + send.err()).contains("75", UBND);
    }

    @Test
    void anOperatorSeesRoutesAgenciesAndADocumentsTimeline() throws Exception {
        String documentId = newDocumentId(TINH_UY);
        CliRunner send = CliRunner.run(tinhUy(), "send", TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                TINH_UY, List.of(VPCP), documentId).toString(), "--from", TINH_UY);
        assertThat(send.exitCode()).as(send.toString()).isZero();
        String docId = send.out().strip().replaceAll(".* DocId ", "");

        CliRunner routes = CliRunner.run(vanhanh(), "routes");
        assertThat(routes.exitCode()).as(routes.toString()).isZero();
        assertThat(routes.out()).contains("Tuyến (route)", "intake", "dispatch", "Started");

        CliRunner agencies = CliRunner.run(vanhanh(), "agencies");
        assertThat(agencies.exitCode()).as(agencies.toString()).isZero();
        assertThat(agencies.out()).contains(UBND, "UBND tỉnh Nghệ An", VPCP, "Văn phòng Chính phủ");

        JsonNode found = awaitJson(() -> CliRunner.run(vanhanh(), "documents", "search", "--document-id", documentId,
                "--json"), page -> page.path("totalElements").asLong() >= 1);
        assertThat(found.at("/content/0/docId").asText()).isEqualTo(docId);
        CliRunner search = CliRunner.run(vanhanh(), "documents", "search", "--sender", TINH_UY, "--recipient", VPCP,
                "--from", java.time.LocalDate.now(Times.VIETNAM).minusDays(1).toString(), "--size", "50");
        assertThat(search.exitCode()).as(search.toString()).isZero();
        assertThat(search.out()).contains(docId, TINH_UY, VPCP, "văn bản (documents)");
        CliRunner none = CliRunner.run(vanhanh(), "documents", "search", "--document-id", "khong-co-van-ban-nay");
        assertThat(none.out()).contains("Không có văn bản nào khớp", "0 văn bản");

        CliRunner show = CliRunner.run(vanhanh(), "documents", "show", docId);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("DocId", docId, documentId, "qlvb-tinhuy", "Chuyển phát (deliveries)", VPCP,
                "Diễn biến (events)", "ACCEPTED");
        JsonNode shown = JSON.readTree(CliRunner.run(vanhanh(), "documents", "show", docId, "--json").out());
        String deliveryId = shown.at("/deliveries/0/id").asText();
        assertThat(deliveryId).isNotEmpty();

        CliRunner unknownDocument = CliRunner.run(vanhanh(), "documents", "show", "00000000-0000-0000-0000-000000000000");
        assertThat(unknownDocument.exitCode()).as(unknownDocument.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(unknownDocument.err()).contains("40");
    }

    @Test
    void aDeliveryTheRecipientRefusedIsResentAndAnUnknownIdSkipped() throws Exception {
        Map<String, String> vpcp = system("vpcp", "vpcp-secret-2026");
        String documentId = newDocumentId(TINH_UY);
        CliRunner send = CliRunner.run(tinhUy(), "send", TestPackets.document(work, "vpcp-sdk-example/edoc_new.edxml",
                TINH_UY, List.of(VPCP), documentId).toString(), "--from", TINH_UY);
        assertThat(send.exitCode()).as(send.toString()).isZero();
        String docId = send.out().strip().replaceAll(".* DocId ", "");
        // the recipient's DocId is its delivery's id; "fail" leaves the delivery REJECTED, which resend takes
        String delivery = awaitJson(() -> CliRunner.run(vanhanh(), "documents", "show", docId, "--json"),
                doc -> doc.at("/deliveries/0/state").asText().equals("AVAILABLE")
                        || doc.at("/deliveries/0/state").asText().equals("DELIVERED"))
                .at("/deliveries/0/id").asText();
        awaitJson(() -> CliRunner.run(vpcp, "inbox", "--json"), inbox -> inbox.toString().contains(delivery));
        assertThat(CliRunner.run(vpcp, "ack", delivery, "--fail", "--description", "tệp hỏng").exitCode()).isZero();
        assertThat(CliRunner.run(vpcp, "inbox").out()).doesNotContain(delivery);

        CliRunner rejected = CliRunner.run(vanhanh(), "deliveries", "--state", "REJECTED");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        assertThat(rejected.out()).contains(delivery, VPCP, "REJECTED", "lượt chuyển phát (deliveries)");

        CliRunner resend = CliRunner.run(vanhanh(), "resend", delivery, "khong-co-luot-nay");
        assertThat(resend.exitCode()).as(resend.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(resend.out()).contains(delivery + ": đã gửi lại (resent)", "khong-co-luot-nay: bỏ qua (skipped)");
        awaitJson(() -> CliRunner.run(vpcp, "inbox", "--json"), inbox -> inbox.toString().contains(delivery));

        CliRunner again = CliRunner.run(vanhanh(), "resend", delivery);
        assertThat(again.out()).as("no longer refused: nothing to resend").contains(delivery + ": bỏ qua (skipped)");
    }

    @Test
    void theOperatorApiKeepsSystemsOutAndViewersFromActing() throws Exception {

        // a document system's id and secret do not open the operator API
        CliRunner asSystem = CliRunner.run(operator("qlvb-tinhuy", "tinhuy-secret-2026"), "routes");
        assertThat(asSystem.exitCode()).as(asSystem.toString()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(asSystem.err()).contains("Không đăng nhập được vào API vận hành", "HTTP 401");

        CliRunner wrongPassword = CliRunner.run(operator("vanhanh", "sai"), "agencies");
        assertThat(wrongPassword.exitCode()).isEqualTo(LienthongCli.EXIT_AUTH);

        // a viewer may look, not resend
        CliRunner viewer = CliRunner.run(operator("theodoi", "theodoi-2026"), "resend", "x");
        assertThat(viewer.exitCode()).as(viewer.toString()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(viewer.err()).contains("không đủ quyền", "HTTP 403");
        assertThat(CliRunner.run(operator("theodoi", "theodoi-2026"), "routes").exitCode()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private static int countFrom(JsonNode items, String from) {
        int n = 0;
        for (JsonNode item : items) {
            if (item.path("from").asText().equals(from)) {
                n++;
            }
        }
        return n;
    }

    /** Runs a --json command until its answer satisfies {@code done} (deliveries are asynchronous). */
    /**
     * Issue 10.5: {@code lienthong purge} as operators run it. Runs last: it purges every finished document of the
     * gateway these tests share. A dry run changes nothing, an OPERATOR may not purge (48), an ADMIN purges the
     * finished document's packet (the recipient then gets 65) and keeps the one still waiting in an inbox.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void anAdminPurgesTheOldPacketsOfFinishedDocumentsFromTheCommandLine() throws Exception {
        Map<String, String> vpcp = system("vpcp", "vpcp-secret-2026");
        String finishedId = newDocumentId(TINH_UY);
        String waitingId = newDocumentId(TINH_UY);
        for (String documentId : List.of(finishedId, waitingId)) {
            CliRunner send = CliRunner.run(tinhUy(), "send", TestPackets.document(work,
                    "vpcp-sdk-example/edoc_new.edxml", TINH_UY, List.of(VPCP), documentId).toString(), "--from", TINH_UY);
            assertThat(send.exitCode()).as(send.toString()).isZero();
        }
        // the inbox may hold other tests' documents: each copy is fetched once to learn its DocumentId
        Map<String, String> copyOf = new HashMap<>();
        awaitJson(() -> CliRunner.run(vpcp, "inbox", "--json"), answer -> {
            for (JsonNode item : answer.path("data")) {
                String copy = item.path("docId").asText();
                if (!copyOf.containsValue(copy)) {
                    Path file = work.resolve(copy + ".edxml");
                    assertThat(CliRunner.run(vpcp, "get", copy, "--out", file.toString()).exitCode()).isZero();
                    try {
                        copyOf.put(((EdocHeader) TestPackets.header(file)).messageHeader().documentId(), copy);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            return copyOf.containsKey(finishedId) && copyOf.containsKey(waitingId);
        });
        String finished = copyOf.get(finishedId);
        String waiting = copyOf.get(waitingId);
        assertThat(CliRunner.run(vpcp, "ack", finished).exitCode()).isZero();
        Map<String, String> quantri = operator("quantri", "quantri-2026");

        CliRunner dryRun = CliRunner.run(quantri, "purge", "--older-than", "PT0S", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("Sẽ xóa (would purge)");
        assertThat(CliRunner.run(vpcp, "get", finished, "--out", work.resolve("again.edxml").toString()).exitCode())
                .as("a dry run deletes nothing").isZero();

        CliRunner notAdmin = CliRunner.run(vanhanh(), "purge", "--older-than", "PT0S");
        assertThat(notAdmin.exitCode()).as(notAdmin.toString()).isEqualTo(LienthongCli.EXIT_AUTH);
        assertThat(notAdmin.err()).contains("48", "xóa gói tin cần ADMIN");

        CliRunner purge = CliRunner.run(quantri, "purge", "--older-than", "PT0S", "--json");
        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        JsonNode purged = JSON.readTree(purge.out());
        assertThat(purged.path("documents").asInt()).isPositive();
        assertThat(purged.path("bytes").asLong()).isPositive();
        assertThat(CliRunner.run(quantri, "purge", "--older-than", "PT0S").out()).contains("Đã xóa (purged)");

        CliRunner gone = CliRunner.run(vpcp, "get", finished, "--out", work.resolve("gone.edxml").toString());
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(LienthongCli.EXIT_REFUSED);
        assertThat(gone.err()).contains("65");
        assertThat(work.resolve("gone.edxml")).doesNotExist();
        assertThat(CliRunner.run(vpcp, "get", waiting, "--out", work.resolve("waiting.edxml").toString()).exitCode())
                .as("a document still waiting keeps its packet").isZero();
    }

    private static JsonNode awaitJson(Supplier<CliRunner> command, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CliRunner last = command.get();
        while (true) {
            if (last.exitCode() == 0) {
                JsonNode answer = JSON.readTree(last.out());
                if (done.test(answer)) {
                    return answer;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("điều kiện không đạt sau 30 s (condition not met); last: " + last);
            }
            Thread.sleep(100); // polling the gateway's real state between runs of the command
            last = command.get();
        }
    }
}
