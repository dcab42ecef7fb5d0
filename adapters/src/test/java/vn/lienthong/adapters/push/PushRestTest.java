package vn.lienthong.adapters.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The REST push against real HTTP receivers on 127.0.0.1 (the JDK's HTTP server). */
class PushRestTest {

    @TempDir
    Path work;

    private final RestPushClient client = new RestPushClient();
    private HttpServer server;
    private Path sample;
    private PushMessage message;

    @BeforeEach
    void setUp() throws IOException {
        sample = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "edoc_new.edxml");
        message = new PushMessage("dlv-0001", "doc-42", "edoc", "000.00.00.D41", "000.00.00.H41", sample,
                Files.size(sample));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private PushTarget target(String path, Duration timeout) {
        return new PushTarget("http://127.0.0.1:" + server.getAddress().getPort() + path, PushTarget.Mode.REST,
                timeout);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void postsThePacketByteForByteWithItsIdentityInHeaders() throws Exception {
        AtomicReference<byte[]> body = new AtomicReference<>();
        Map<String, List<String>> headers = new ConcurrentHashMap<>();
        AtomicReference<String> method = new AtomicReference<>();
        server.createContext("/nhan", exchange -> {
            method.set(exchange.getRequestMethod());
            headers.putAll(exchange.getRequestHeaders());
            try (InputStream in = exchange.getRequestBody()) {
                body.set(in.readAllBytes());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });

        client.push(target("/nhan", Duration.ofSeconds(10)), message);

        assertThat(method.get()).isEqualTo("POST");
        assertThat(body.get()).isEqualTo(Files.readAllBytes(sample));
        assertThat(headers.get("Content-type")).containsExactly("application/xml");
        assertThat(headers.get("X-lienthong-delivery-id")).containsExactly("dlv-0001");
        assertThat(headers.get("X-lienthong-docid")).containsExactly("doc-42");
        assertThat(headers.get("X-lienthong-message-type")).containsExactly("edoc");
        assertThat(headers.get("X-lienthong-from")).containsExactly("000.00.00.D41");
        assertThat(headers.get("X-lienthong-to")).containsExactly("000.00.00.H41");
        assertThat(headers.get("Content-length")).containsExactly(String.valueOf(Files.size(sample)));
    }

    @Test
    void aServerErrorIsRetriedWithTheAnswerInTheReason() {
        server.createContext("/loi", exchange -> answer(exchange, 503, "Bảo trì (maintenance)"));
        assertThatThrownBy(() -> client.push(target("/loi", Duration.ofSeconds(10)), message))
                .isInstanceOfSatisfying(PushException.class, e -> {
                    assertThat(e.retry()).isTrue();
                    assertThat(e.kind()).isEqualTo(PushException.Kind.SERVER_ERROR);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.reason()).contains("HTTP 503").contains("Bảo trì (maintenance)");
                });
    }

    @Test
    void aClientErrorIsRetriedButSaysToCheckTheConfiguration() {
        server.createContext("/sai", exchange -> answer(exchange, 404, ""));
        assertThatThrownBy(() -> client.push(target("/sai", Duration.ofSeconds(10)), message))
                .isInstanceOfSatisfying(PushException.class, e -> {
                    assertThat(e.retry()).isTrue();
                    assertThat(e.kind()).isEqualTo(PushException.Kind.CLIENT_ERROR);
                    assertThat(e.reason()).contains("HTTP 404").contains("kiểm tra cấu hình")
                            .contains("check the recipient's endpoint configuration");
                });
    }

    @Test
    void aClosedPortIsRetried() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        PushTarget nowhere = new PushTarget("http://127.0.0.1:" + closed + "/nhan", PushTarget.Mode.REST,
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.push(nowhere, message)).isInstanceOfSatisfying(PushException.class, e -> {
            assertThat(e.retry()).isTrue();
            assertThat(e.kind()).isEqualTo(PushException.Kind.UNREACHABLE);
            assertThat(e.reason()).contains("Không kết nối được").contains(String.valueOf(closed));
        });
    }

    @Test
    void aReceiverThatDoesNotAnswerIsCutOffAtTheTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/cham", exchange -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "muộn");
        });
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.push(target("/cham", Duration.ofMillis(1500)), message))
                    .isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.TIMEOUT);
                        assertThat(e.reason()).contains("1500 ms");
                    });
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(entered.await(0, TimeUnit.SECONDS)).as("the receiver had the request").isTrue();
            assertThat(elapsedMillis).isBetween(1000L, 10_000L);
        } finally {
            release.countDown();
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReceiverThatStopsReadingALargePacketIsCutOffAtTheTimeout() throws Exception {
        Path large = work.resolve("large.edxml");
        try (OutputStream out = Files.newOutputStream(large)) {
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        }
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/khong-doc", exchange -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.push(target("/khong-doc", Duration.ofMillis(1500)),
                    new PushMessage("dlv-big", "doc-big", "edoc", "a", "b", large, Files.size(large))))
                    .isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.retry()).isTrue();
                        assertThat(e.kind()).isEqualTo(PushException.Kind.TIMEOUT);
                    });
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(entered.await(0, TimeUnit.SECONDS)).isTrue();
            assertThat(elapsedMillis).isBetween(1000L, 10_000L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aMissingOrChangedPacketIsNotRetried() throws IOException {
        server.createContext("/nhan", exchange -> answer(exchange, 200, ""));
        PushMessage missing = new PushMessage("dlv-2", "doc-2", "edoc", "a", "b", work.resolve("none.edxml"), 10);
        assertThatThrownBy(() -> client.push(target("/nhan", Duration.ofSeconds(5)), missing))
                .isInstanceOfSatisfying(PushException.class, e -> {
                    assertThat(e.retry()).isFalse();
                    assertThat(e.kind()).isEqualTo(PushException.Kind.PACKET);
                });
        PushMessage changed = new PushMessage("dlv-3", "doc-3", "edoc", "a", "b", sample, Files.size(sample) - 1);
        assertThatThrownBy(() -> client.push(target("/nhan", Duration.ofSeconds(5)), changed))
                .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.retry()).isFalse());
    }

    @Test
    void aTargetThatCannotWorkIsNotRetried() {
        assertThatThrownBy(() -> client.push(new PushTarget("ftp://127.0.0.1/x", PushTarget.Mode.REST,
                Duration.ofSeconds(1)), message)).isInstanceOfSatisfying(PushException.class, e -> {
                    assertThat(e.retry()).isFalse();
                    assertThat(e.kind()).isEqualTo(PushException.Kind.CONFIGURATION);
                });
        assertThatThrownBy(() -> client.push(new PushTarget("http://127.0.0.1:1/x", PushTarget.Mode.SOAP,
                Duration.ofSeconds(1)), message)).isInstanceOfSatisfying(PushException.class,
                e -> assertThat(e.kind()).isEqualTo(PushException.Kind.CONFIGURATION));
    }

    @Test
    void theReadyMadeRestReceiverHandsThePushToALienthongReceiver() throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        try (ReceiverEndpoints.Handle handle = ReceiverEndpoints.publishRest(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/lienthong/nhan", work.resolve("spool"),
                receiver)) {
            PushTarget target = new PushTarget(handle.url().toString(), PushTarget.Mode.REST, Duration.ofSeconds(10));
            client.push(target, message);
            client.push(target, message); // a redelivery: same delivery id, the receiver decides
            assertThat(receiver.received).hasSize(2).allSatisfy(r -> {
                assertThat(r.deliveryId()).isEqualTo("dlv-0001");
                assertThat(r.docId()).isEqualTo("doc-42");
                assertThat(r.messageType()).isEqualTo("edoc");
                assertThat(r.from()).isEqualTo("000.00.00.D41");
                assertThat(r.to()).isEqualTo("000.00.00.H41");
                assertThat(r.packet()).isEqualTo(Files.readAllBytes(sample));
            });
            try (var left = Files.list(work.resolve("spool"))) {
                assertThat(left).isEmpty();
            }

            receiver.refusal = new IllegalStateException("Hệ thống QLVB đang bảo trì");
            assertThatThrownBy(() -> client.push(target, message)).isInstanceOfSatisfying(PushException.class, e -> {
                assertThat(e.kind()).isEqualTo(PushException.Kind.SERVER_ERROR);
                assertThat(e.reason()).contains("HTTP 500").contains("Hệ thống QLVB đang bảo trì");
            });
        }
    }
}
