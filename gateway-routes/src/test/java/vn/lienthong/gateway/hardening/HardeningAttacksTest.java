package vn.lienthong.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.HashFile;
import vn.lienthong.vdxp.VdxpClient;
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

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        // low limits for the test systems only; the sample systems keep the defaults
        registry.add("gateway.limits.systems.thu-toc-do.requests-per-second", () -> "0.05");
        registry.add("gateway.limits.systems.thu-toc-do.burst", () -> "2");
        registry.add("gateway.limits.systems.thu-dong-thoi.concurrent-uploads", () -> "1");
        registry.add("gateway.limits.systems.thu-dung-luong.bytes-per-day", () -> "2000");
        registry.add("server.tomcat.connection-timeout", () -> "2s");
    }

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
     * Issue 10.3: one status is one fact. UBND's system sends its 03 on a document eight times at once, each
     * packet its own bytes (another description, as a resend has another Timestamp): one is accepted, every
     * answer names its DocId, and the Tỉnh ủy receives it once. The database's unique key decides the race.
     */
    @Test
    void aStatusSentManyTimesAtOnceIsAcceptedOnce() throws Exception {
        Path document = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY));
        String original = SampleSystems.tinhUy(port).sendEdoc(document, "edoc", Packets.TINH_UY).docId();
        EdocHeader header = (EdocHeader) Packets.header(Files.readAllBytes(document));
        int senders = 8;
        List<Path> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < senders; i++) {
            var status = vn.lienthong.edxml.status.StatusPackets.status(
                    vn.lienthong.edxml.model.Organization.of(Packets.UBND, "UBND tỉnh Nghệ An"),
                    vn.lienthong.edxml.status.StatusPackets.responseFor(header.messageHeader()), StatusCode.ACCEPTED,
                    "Đã tiếp nhận (lần gửi " + i + ")", null, java.time.ZonedDateTime.now());
            Path file = work.resolve("status-" + i + ".edxml");
            try (var out = Files.newOutputStream(file);
                 var writer = vn.lienthong.edxml.io.EdxmlWriter.create(out)) {
                writer.writeHeader(status);
            }
            statuses.add(file);
        }
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<VdxpClient.Answer>> answers = new java.util.ArrayList<>();
            for (Path status : statuses) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return SampleSystems.ubnd(port).sendEdoc(status, "status", Packets.UBND);
                }));
            }
            start.countDown();
            java.util.Set<String> docIds = new java.util.HashSet<>();
            for (Future<VdxpClient.Answer> answer : answers) {
                VdxpClient.Answer a = answer.get(30, TimeUnit.SECONDS);
                assertThat(a.ok()).as(a.json().toString()).isTrue();
                docIds.add(a.docId());
            }
            assertThat(docIds).as("every answer names the one accepted status").hasSize(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM documents WHERE message_type = 'status' AND related_doc_id = :d")
                .param("d", original).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries d JOIN documents s ON s.id = d.document_id"
                + " WHERE s.related_doc_id = :d").param("d", original).query(Long.class).single()).isEqualTo(1);

        // another code from the same reporter is another fact
        VdxpClient.Answer finished = SampleSystems.ubnd(port).sendEdoc(
                Packets.status(work, header, Packets.UBND, StatusCode.FINISHED), "status", Packets.UBND);
        assertThat(finished.ok()).as(finished.json().toString()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM documents WHERE message_type = 'status' AND related_doc_id = :d")
                .param("d", original).query(Long.class).single()).isEqualTo(2);
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

    /** Issue 10.5: a system over its requests per second is refused (61), others are not; operators see who. */
    @Test
    void aSystemOverItsRateIsRefusedAndOperatorsSeeWho() throws Exception {
        VdxpClient fast = newSystem("thu-toc-do");
        assertThat(fast.getReceivedEdocList("edoc").ok()).isTrue();
        assertThat(fast.getReceivedEdocList("edoc").ok()).isTrue();
        VdxpClient.Answer third = fast.getReceivedEdocList("edoc");
        assertThat(third.errorCode()).as(third.json().toString()).isEqualTo("61");
        assertThat(fast.sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP,
                List.of(Packets.UBND), newDocumentId(Packets.VPCP)), "edoc", Packets.VPCP).errorCode()).isEqualTo("61");
        assertThat(SampleSystems.vpcp(port).getReceivedEdocList("edoc").ok()).as("another system").isTrue();

        JsonNode limits = operatorJson("/api/v1/limits");
        assertThat(limits.path("hits").findValuesAsText("systemId")).contains("thu-toc-do");
        assertThat(limits.path("disk").path("refusingNewPackets").asBoolean()).isFalse();
        JsonNode alerts = operatorJson("/api/v1/overview").path("alerts");
        assertThat(alerts.findValuesAsText("code")).contains("LIMIT_HIT");
        assertThat(alerts.findValuesAsText("subject")).contains("thu-toc-do");
    }

    /**
     * Issue 10.5: a system may send one packet at a time here; a second while the first is still uploading
     * is refused (62) before its body is read, and the place is free again once the first is done.
     */
    @Test
    void aSystemOverItsConcurrentUploadsIsRefused() throws Exception {
        VdxpClient slow = newSystem("thu-dong-thoi");
        byte[] packet = Files.readAllBytes(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP,
                List.of(Packets.UBND), newDocumentId(Packets.VPCP)));
        CountDownLatch release = new CountDownLatch(1);
        // A declared length and a first kilobyte at once: the request's line and headers leave with it (a body the
        // client must pull byte by byte can hold them back for seconds). Then a byte every 300 ms until released,
        // never idle long enough for the server's read timeout, then the rest.
        SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
        Map<String, String> params = Map.of("from", Packets.VPCP, "messagetype", "edoc",
                "hash-file", HashFile.unpaddedHex(MessageDigest.getInstance("SHA-256").digest(packet)));
        CountDownLatch subscribed = new CountDownLatch(1);
        Flow.Publisher<ByteBuffer> subscribing = subscriber -> {
            body.subscribe(subscriber);
            subscribed.countDown();
        };
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<VdxpClient.Answer> first = executor.submit(() -> slow.call("sendEdoc", params,
                    "application/octet-stream", HttpRequest.BodyPublishers.fromPublisher(subscribing, packet.length)));
            Future<?> feeding = executor.submit(() -> {
                // a publisher drops what it is given before anyone subscribes
                assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
                int position = 1024;
                body.submit(ByteBuffer.wrap(packet, 0, position));
                while (!release.await(300, TimeUnit.MILLISECONDS) && position < packet.length - 1) {
                    body.submit(ByteBuffer.wrap(packet, position++, 1));
                }
                body.submit(ByteBuffer.wrap(packet, position, packet.length - position));
                body.close();
                return null;
            });
            Map<String, String> other = Map.of("from", Packets.VPCP, "messagetype", "edoc", "hash-file", "00");
            Await.until(Duration.ofSeconds(10), () -> slow.call("sendEdoc", other, "application/octet-stream",
                    HttpRequest.BodyPublishers.ofByteArray(new byte[10])).errorCode(), "62"::equals);
            release.countDown();
            feeding.get(20, TimeUnit.SECONDS);
            VdxpClient.Answer done = first.get(20, TimeUnit.SECONDS);
            assertThat(done.ok()).as(done.json().toString()).isTrue();
            assertThat(slow.call("sendEdoc", other, "application/octet-stream",
                    HttpRequest.BodyPublishers.ofByteArray(new byte[10])).errorCode()).as("the place is free").isEqualTo("14");
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    /** Issue 10.5: bytes per day, checked on the declared length first, then on what arrives. */
    @Test
    void aSystemOverItsBytesForTheDayIsRefused() throws Exception {
        VdxpClient big = newSystem("thu-dung-luong");
        Path packet = Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.VPCP, List.of(Packets.UBND),
                newDocumentId(Packets.VPCP));
        assertThat(Files.size(packet)).isGreaterThan(2000);
        assertThat(big.sendEdoc(packet, "edoc", Packets.VPCP).errorCode()).as("Content-Length over the day").isEqualTo("63");
        byte[] bytes = Files.readAllBytes(packet);
        Map<String, String> params = Map.of("from", Packets.VPCP, "messagetype", "edoc",
                "hash-file", HashFile.unpaddedHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        VdxpClient.Answer chunked = big.call("sendEdoc", params, "application/octet-stream",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertThat(chunked.errorCode()).as("no Content-Length: counted as it arrives").isEqualTo("63");
        assertThat(operatorJson("/api/v1/limits").path("hits").toString()).contains("thu-dung-luong", "BYTES_PER_DAY");
    }

    /**
     * Issue 10.5: a client that stops sending, in its headers or in its body, is disconnected after
     * {@code server.tomcat.connection-timeout} (2 s here) instead of holding a thread.
     */
    @Test
    void aStalledUploadIsDisconnected() throws Exception {
        // stalled in the headers (slowloris), and stalled in a body that announced 100,000 bytes
        assertClosedWithin(Duration.ofSeconds(10), "POST /vdxp/sendEdoc HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        assertClosedWithin(Duration.ofSeconds(10), "POST /services/lienthong HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<soap:Envelope");
    }

    private void assertClosedWithin(Duration bound, String start) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) bound.multipliedBy(2).toMillis());
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long began = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever Tomcat answers, it must then close
            }
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(bound);
        }
    }

    /**
     * Issue 10.5: SOAP authenticates before it parses: a body that is not even XML, sent without or with wrong
     * credentials, is answered as a credentials refusal; an authenticated body of too many elements is refused.
     */
    @Test
    void soapAuthenticatesBeforeParsingAndBoundsTheXml() throws Exception {
        HttpResponse<String> anonymous = soap(null, "<<< not XML at all");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("errorCode>17<");
        HttpResponse<String> wrong = soap("vpcp:sai-mat-khau", "<<< not XML at all");
        assertThat(wrong.body()).contains("errorCode>15<").doesNotContain("ParseError", "Unexpected character");

        // an optional header CXF would read whole into memory: small, it is ignored; of 50,000 elements, refused
        HttpResponse<String> bomb = soap("vpcp:vpcp-secret-2026", listAgenciesWithHeader(50_000));
        assertThat(bomb.statusCode()).isEqualTo(500);
        assertThat(bomb.body()).contains("Fault");
        assertThat(soap("vpcp:vpcp-secret-2026", listAgenciesWithHeader(100)).statusCode()).isEqualTo(200);
    }

    private static String listAgenciesWithHeader(int elements) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<h:extra xmlns:h=\"urn:thu\">" + "<h:a/>".repeat(elements) + "</h:extra></soap:Header><soap:Body>"
                + "<l:listAgencies xmlns:l=\"" + vn.lienthong.adapters.soap.LienthongSoapService.NAMESPACE + "\"/>"
                + "</soap:Body></soap:Envelope>";
    }

    private HttpResponse<String> soap(String credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/lienthong"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 10.5: an admin purges the packets of finished documents older than an age; the document, its
     * timeline and its evidence stay, a recipient asking for the packet is told it was purged (65), and a
     * document still waiting in an inbox keeps its packet. An operator below ADMIN may not purge.
     */
    @Test
    void anAdminPurgesOldPacketsKeepingMetadataAndEvidence() throws Exception {
        VdxpClient tinhUy = SampleSystems.tinhUy(port);
        VdxpClient ubnd = SampleSystems.ubnd(port);
        String finished = tinhUy.sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.SO_NOI_VU), newDocumentId(Packets.TINH_UY)), "edoc", Packets.TINH_UY).docId();
        String copy = Await.until(Duration.ofSeconds(20), () -> jdbc.sql("SELECT id FROM deliveries WHERE document_id = :d"
                + " AND state = 'AVAILABLE'").param("d", finished).query(String.class).optional().orElse(null),
                id -> id != null);
        assertThat(ubnd.getEdoc(copy).ok()).isTrue();
        assertThat(ubnd.updateStatus(copy, "done").ok()).isTrue();
        String waiting = tinhUy.sendEdoc(Packets.document(work, "vpcp-sdk-example/edoc_new.edxml", Packets.TINH_UY,
                List.of(Packets.SO_NOI_VU), newDocumentId(Packets.TINH_UY)), "edoc", Packets.TINH_UY).docId();
        String waitingCopy = Await.until(Duration.ofSeconds(20), () -> jdbc.sql("SELECT id FROM deliveries WHERE"
                + " document_id = :d AND state = 'AVAILABLE'").param("d", waiting).query(String.class).optional()
                .orElse(null), id -> id != null);
        String storedSha = jdbc.sql("SELECT stored_sha256 FROM documents WHERE id = :d").param("d", finished)
                .query(String.class).single().trim();
        Path storedFile = Files.walk(dataDir).filter(p -> p.getFileName().toString().startsWith(storedSha))
                .findFirst().orElseThrow();

        HttpResponse<String> notAdmin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/retention/purge?olderThan=PT0S"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "vanhanh:vanhanh-2026".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        JsonNode dry = new ObjectMapper().readTree(operatorCall("POST", "/api/v1/retention/purge?olderThan=PT0S&dryRun=true",
                null).body());
        assertThat(dry.path("documents").asInt()).isPositive();
        assertThat(storedFile).exists();

        JsonNode done = new ObjectMapper().readTree(operatorCall("POST", "/api/v1/retention/purge?olderThan=PT0S", null)
                .body());
        assertThat(done.path("documents").asInt()).isPositive();
        assertThat(done.path("bytes").asLong()).isPositive();
        assertThat(storedFile).doesNotExist();
        VdxpClient.Answer gone = ubnd.getEdoc(copy);
        assertThat(gone.errorCode()).as(gone.json().toString()).isEqualTo("65");
        assertThat(ubnd.getEdoc(waitingCopy).ok()).as("a document not yet received keeps its packet").isTrue();
        assertThat(tinhUy.getEvidence(finished).ok()).as("evidence stays").isTrue();
        assertThat(jdbc.sql("SELECT type FROM events WHERE document_id = :d").param("d", finished).query(String.class)
                .list()).contains("ACCEPTED", "PURGED");
        assertThat(jdbc.sql("SELECT subject FROM documents WHERE id = :d").param("d", finished).query(String.class)
                .single()).isNotBlank();
    }

    /** A new system acting for Văn phòng Chính phủ, added through the operator API, with the secret it was given. */
    private VdxpClient newSystem(String systemId) throws Exception {
        HttpResponse<String> created = operatorCall("POST", "/api/v1/directory/systems", "{\"systemId\":\"" + systemId
                + "\",\"name\":\"Hệ thống thử " + systemId + "\",\"agencyCodes\":[\"" + Packets.VPCP + "\"]}");
        String secret = new ObjectMapper().readTree(created.body()).path("secret").asText();
        assertThat(secret).isNotEmpty();
        return SampleSystems.client(port, systemId, secret);
    }

    private JsonNode operatorJson(String path) throws Exception {
        return new ObjectMapper().readTree(operatorCall("GET", path, null).body());
    }

    /** A call of the operator API as the sample admin; answers the HTTP status. */
    private int operator(String method, String path, String json) throws Exception {
        return operatorCall(method, path, json).statusCode();
    }

    private HttpResponse<String> operatorCall(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "quantri:quantri-2026".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response;
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
