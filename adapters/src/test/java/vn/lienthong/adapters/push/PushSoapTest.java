package vn.lienthong.adapters.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The SOAP push against a real LienthongReceiver endpoint (CXF on Jetty) on 127.0.0.1. */
class PushSoapTest {

    @TempDir
    Path work;

    static SoapPushClient client;
    private RecordingReceiver receiver;
    private ReceiverEndpoints.Handle endpoint;
    private Path sample;
    private PushMessage message;

    @BeforeAll
    static void createClient() {
        client = new SoapPushClient();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        sample = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "edoc_new.edxml");
        message = new PushMessage("dlv-0007", "doc-42", "edoc", "000.00.00.D41", "000.00.00.H41", sample,
                Files.size(sample));
        receiver = new RecordingReceiver();
        endpoint = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/lienthong/receiver", receiver);
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    private PushTarget target(Duration timeout) {
        return new PushTarget(endpoint.url().toString(), PushTarget.Mode.SOAP, timeout);
    }

    @Test
    void deliversThePacketByteForByteWithItsIds() throws Exception {
        client.push(target(Duration.ofSeconds(10)), message);
        assertThat(receiver.received).singleElement().satisfies(r -> {
            assertThat(r.deliveryId()).isEqualTo("dlv-0007");
            assertThat(r.docId()).isEqualTo("doc-42");
            assertThat(r.messageType()).isEqualTo("edoc");
            assertThat(r.from()).isEqualTo("000.00.00.D41");
            assertThat(r.to()).isEqualTo("000.00.00.H41");
            assertThat(r.packet()).isEqualTo(Files.readAllBytes(sample));
        });

        // and again on the cached client, with a status packet
        Path status = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "status.edxml");
        client.push(target(Duration.ofSeconds(10)),
                new PushMessage("dlv-0008", "doc-43", "status", "000.00.00.H41", "000.00.00.D41", status,
                        Files.size(status)));
        assertThat(receiver.received).hasSize(2);
        assertThat(receiver.received.get(1).packet()).isEqualTo(Files.readAllBytes(status));
        assertThat(receiver.received.get(1).messageType()).isEqualTo("status");
    }

    @Test
    void closingOneReceiverLeavesTheOthersRunning() throws Exception {
        RecordingReceiver other = new RecordingReceiver();
        ReceiverEndpoints.Handle second = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/other", other);
        PushTarget secondTarget = new PushTarget(second.url().toString(), PushTarget.Mode.SOAP, Duration.ofSeconds(5));
        client.push(secondTarget, message);
        second.close();
        assertThatThrownBy(() -> client.push(secondTarget, message)).isInstanceOfSatisfying(PushException.class,
                e -> assertThat(e.kind()).isEqualTo(PushException.Kind.UNREACHABLE));

        client.push(target(Duration.ofSeconds(10)), message);
        assertThat(other.received).hasSize(1);
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void theReceiverContractIsPublishedAsWsdl() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(java.net.URI.create(endpoint.url() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("targetNamespace=\"urn:lienthong:receiver:1\"")
                .contains("name=\"receiveDocument\"")
                .contains("expectedContentTypes=\"application/octet-stream\"");
    }

    @Test
    void aSoapFaultIsRetriedWithTheFaultStringInTheReason() {
        receiver.refusal = new IllegalStateException("Hệ thống QLVB đang bảo trì");
        assertThatThrownBy(() -> client.push(target(Duration.ofSeconds(10)), message))
                .isInstanceOfSatisfying(PushException.class, e -> {
                    assertThat(e.retry()).isTrue();
                    assertThat(e.kind()).isEqualTo(PushException.Kind.FAULT);
                    assertThat(e.reason()).contains("Hệ thống QLVB đang bảo trì");
                });
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void anHttpErrorWithoutSoapIsRetried() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/html500", exchange -> answer(exchange, 500, "text/html", "<html>Lỗi máy chủ</html>"));
        plain.createContext("/missing", exchange -> answer(exchange, 404, "text/html", "<html>Not found</html>"));
        plain.start();
        try {
            String base = "http://127.0.0.1:" + plain.getAddress().getPort();
            assertThatThrownBy(() -> client.push(new PushTarget(base + "/html500", PushTarget.Mode.SOAP,
                    Duration.ofSeconds(10)), message)).isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.SERVER_ERROR);
                        assertThat(e.reason()).contains("HTTP 500");
                    });
            assertThatThrownBy(() -> client.push(new PushTarget(base + "/missing", PushTarget.Mode.SOAP,
                    Duration.ofSeconds(10)), message)).isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.CLIENT_ERROR);
                        assertThat(e.reason()).contains("HTTP 404").contains("kiểm tra cấu hình");
                    });
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void aClosedPortIsRetried() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        PushTarget nowhere = new PushTarget("http://127.0.0.1:" + closed + "/receiver", PushTarget.Mode.SOAP,
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.push(nowhere, message)).isInstanceOfSatisfying(PushException.class, e -> {
            assertThat(e.retry()).isTrue();
            assertThat(e.kind()).isEqualTo(PushException.Kind.UNREACHABLE);
            assertThat(e.reason()).contains(String.valueOf(closed));
        });
    }

    @Test
    void aReceiverThatDoesNotAnswerIsCutOffAtTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        receiver.hold = release;
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.push(target(Duration.ofMillis(1500)), message))
                    .isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.TIMEOUT);
                        assertThat(e.reason()).contains("1500 ms");
                    });
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(receiver.entered.await(0, TimeUnit.SECONDS)).as("the receiver had the packet").isTrue();
            assertThat(elapsedMillis).isBetween(1000L, 10_000L);
        } finally {
            release.countDown();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReceiverThatStopsReadingALargePacketIsCutOffAtTheTimeout() throws Exception {
        // larger than what the socket buffers on both sides can absorb
        Path large = work.resolve("large.edxml");
        try (var out = Files.newOutputStream(large)) {
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        CountDownLatch release = new CountDownLatch(1);
        receiver.hold = release;
        receiver.holdBeforeReading = true;
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.push(target(Duration.ofMillis(1500)),
                    new PushMessage("dlv-big", "doc-big", "edoc", "a", "b", large, Files.size(large))))
                    .isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.TIMEOUT);
                    });
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(receiver.entered.await(0, TimeUnit.SECONDS)).isTrue();
            assertThat(elapsedMillis).isBetween(1000L, 10_000L);
        } finally {
            release.countDown();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReceiverThatStallsInTheMiddleOfItsAnswerIsCutOff() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stalling.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        stalling.createContext("/receiver", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.start();
        try {
            PushTarget target = new PushTarget("http://127.0.0.1:" + stalling.getAddress().getPort() + "/receiver",
                    PushTarget.Mode.SOAP, Duration.ofMillis(1500));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.push(target, message)).isInstanceOfSatisfying(PushException.class, e -> {
                assertThat(e.retry()).isTrue();
                assertThat(e.kind()).isEqualTo(PushException.Kind.TIMEOUT);
            });
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(entered.await(0, TimeUnit.SECONDS)).as("the answer had begun").isTrue();
            assertThat(elapsedMillis).isBetween(1500L, 10_000L);
        } finally {
            release.countDown();
            stalling.stop(0);
        }
    }

    @Test
    void theRoutingClientPicksTheProtocolOfTheTarget() throws Exception {
        RecordingReceiver restReceiver = new RecordingReceiver();
        try (ReceiverEndpoints.Handle rest = ReceiverEndpoints.publishRest(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/nhan", work, restReceiver)) {
            RoutingPushClient routing = new RoutingPushClient(new RestPushClient(), client);
            routing.push(target(Duration.ofSeconds(10)), message);
            routing.push(new PushTarget(rest.url().toString(), PushTarget.Mode.REST, Duration.ofSeconds(10)), message);
            assertThat(receiver.received).hasSize(1);
            assertThat(restReceiver.received).hasSize(1);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
