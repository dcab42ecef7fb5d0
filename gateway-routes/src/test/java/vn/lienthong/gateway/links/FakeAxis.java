package vn.lienthong.gateway.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.vdxp.VdxpController;
import vn.lienthong.adapters.vdxp.VdxpSettings;

/**
 * Another axis for a gateway's link to talk to, on a real port in this JVM: the project's own
 * {@link VdxpController} (the real VDXP API: HMAC authentication, the SDK's upload, downloadEdoc) in front of an
 * exchange that only records what it is sent, with the times of each sendEdoc, and serves the packets a test puts
 * in its inbox. Each sendEdoc can be held for a while, so that calls made at once overlap.
 */
final class FakeAxis implements AutoCloseable {

    /** One sendEdoc: its packet, and when the call began and ended. */
    record Sent(String messageType, byte[] packet, Instant began, Instant ended) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    /** How long each sendEdoc is held before it is answered. */
    volatile Duration hold = Duration.ZERO;

    private final Map<String, Inboxed> inbox = new ConcurrentHashMap<>();
    private final Path dir;
    private final String systemId;
    private final String secret;
    private final ConfigurableApplicationContext context;

    private record Inboxed(String messageType, String from, String to, Path file) {
    }

    FakeAxis(Path dir, String systemId, String secret) {
        this.dir = dir;
        this.systemId = systemId;
        this.secret = secret;
        Exchange exchange = new Exchange();
        VdxpSettings settings = new VdxpSettings(50L << 20, dir);
        this.context = new SpringApplicationBuilder(App.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("fakeAxisExchange", exchange);
                    ctx.getBeanFactory().registerSingleton("fakeAxisSettings", settings);
                })
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.config.location=optional:classpath:/no-fake-axis-config.yml", "spring.jmx.enabled=false",
                        "spring.main.register-shutdown-hook=false",
                        // the gateway's start-up check (on this classpath) wants no trust settings of a plain web app
                        "gateway.allow-sample-pki=true")
                .logStartupInfo(false)
                .run();
    }

    /** Not a {@code @Configuration}: the gateway's own tests, which scan this package, must not pick it up. */
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    static class App {
        @Bean
        VdxpController fakeAxisVdxp(ExchangeService exchange, VdxpSettings settings) {
            return new VdxpController(exchange, settings);
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port() + VdxpController.BASE_PATH;
    }

    /** Puts a packet in the inbox the gateway's link polls. */
    void deliver(String messageType, String from, String to, Path packet) throws IOException {
        Path copy = Files.copy(packet, dir.resolve("inbox-" + UUID.randomUUID() + ".edxml"));
        inbox.put(UUID.randomUUID().toString(), new Inboxed(messageType, from, to, copy));
    }

    /** Whether the gateway took (and acknowledged) everything put in the inbox. */
    boolean inboxEmpty() {
        return inbox.isEmpty();
    }

    List<Sent> sent(String messageType) {
        return sent.stream().filter(s -> s.messageType().equals(messageType)).toList();
    }

    @Override
    public void close() {
        context.close();
    }

    private final class Exchange implements ExchangeService {

        @Override
        public Optional<CallerSystem> findSystem(String id) {
            return systemId.equals(id) ? Optional.of(new CallerSystem(systemId, "Trục tỉnh (thử nghiệm)", secret,
                    Set.of())) : Optional.empty();
        }

        @Override
        public Receipt submit(CallerSystem caller, Submission submission) {
            Instant began = Instant.now();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                byte[] packet = Files.readAllBytes(submission.packet().file());
                Thread.sleep(hold.toMillis()); // the far axis is slow: a call made meanwhile overlaps this one
                sent.add(new Sent(submission.messageType(), packet, began, Instant.now()));
                return new Receipt(UUID.randomUUID().toString(), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(GatewayError.INTERNAL_ERROR, "interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public List<InboxEntry> inbox(CallerSystem caller, String messageType) {
            return inbox.entrySet().stream().filter(e -> e.getValue().messageType().equals(messageType))
                    .map(e -> new InboxEntry(e.getKey(), messageType, e.getValue().from(), e.getValue().to(),
                            Instant.now(), Instant.now(), false, 0, null, size(e.getValue().file()), null))
                    .toList();
        }

        @Override
        public long countPending(CallerSystem caller, String messageType) {
            return inbox(caller, messageType).size();
        }

        @Override
        public StoredPacket fetch(CallerSystem caller, String docId) {
            Inboxed found = inbox.get(docId);
            if (found == null) {
                throw new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId);
            }
            return new StoredPacket(docId, found.file(), size(found.file()), null, null);
        }

        @Override
        public void acknowledge(CallerSystem caller, String docId, TransportAck ack, String description) {
            inbox.remove(docId);
        }

        @Override
        public List<SentEntry> sent(CallerSystem caller, String messageType, String docId) {
            return List.of();
        }

        @Override
        public List<AgencyEntry> agencies() {
            return List.of();
        }

        private long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
