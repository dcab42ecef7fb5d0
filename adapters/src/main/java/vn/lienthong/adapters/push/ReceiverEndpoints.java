package vn.lienthong.adapters.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HttpDestinationFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.lienthong.adapters.exchange.LogSafe;

/**
 * The receiving side of a push, ready to run: publishes a {@link LienthongReceiver} implementation as a
 * SOAP endpoint ({@link #publishSoap}) or as a REST endpoint ({@link #publishRest}) that the gateway's
 * push clients can call. For integrators (a starting point for their own receiver) and for tests.
 *
 * <p>The REST endpoint runs on the JDK's HTTP server and needs nothing more. The SOAP endpoint needs a
 * standalone HTTP server transport for CXF at runtime: add {@code org.apache.cxf:cxf-rt-transports-http-jetty}
 * (the cxf-bom version) to the classpath; the gateway itself does not need it.
 *
 * <p>Given a {@link PushVerifier}, either endpoint refuses a push whose {@link PushProof} does not hold (forged,
 * altered, stale or replayed) before the receiver sees it: REST answers 401, SOAP a fault.
 */
public final class ReceiverEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverEndpoints.class);
    private static final int PORT_ATTEMPTS = 10;

    private ReceiverEndpoints() {
    }

    /** A published receiver; {@link #close()} stops it and frees its port. */
    public interface Handle extends AutoCloseable {

        /** The URL to push to. */
        URI url();

        @Override
        void close();

        private static Handle of(URI url, Runnable stop) {
            return new Handle() {
                @Override
                public URI url() {
                    return url;
                }

                @Override
                public void close() {
                    stop.run();
                }
            };
        }
    }

    /**
     * Publishes {@code receiver} as a SOAP endpoint on {@code host} (e.g. 127.0.0.1) at {@code path}
     * (e.g. /receiver), on {@code port}, or on a free port when it is 0.
     *
     * @throws IllegalStateException when no standalone HTTP server transport for CXF is on the classpath
     */
    public static Handle publishSoap(String host, int port, String path, LienthongReceiver receiver) {
        return publishSoap(host, port, path, receiver, null);
    }

    /** The same, checking each push's proof with {@code verifier} first (null: no check). */
    public static Handle publishSoap(String host, int port, String path, LienthongReceiver receiver,
                                     PushVerifier verifier) {
        LienthongReceiver served = verifier == null ? receiver : new VerifyingReceiver(receiver, verifier);
        Bus bus = BusFactory.newInstance().createBus();
        if (bus.getExtension(HttpDestinationFactory.class) == null) {
            bus.shutdown(true);
            throw new IllegalStateException("Thiếu HTTP server cho CXF: cần org.apache.cxf:cxf-rt-transports-http-jetty "
                    + "(no standalone CXF HTTP transport: add org.apache.cxf:cxf-rt-transports-http-jetty)");
        }
        String normalisedPath = path.startsWith("/") ? path : "/" + path;
        RuntimeException last = null;
        for (int attempt = 0; attempt < (port == 0 ? PORT_ATTEMPTS : 1); attempt++) {
            int chosen = port == 0 ? freePort(host) : port;
            URI url = URI.create("http://" + host + ":" + chosen + normalisedPath);
            try {
                Server server = soapServer(bus, url, served);
                return Handle.of(url, () -> {
                    server.destroy();
                    bus.shutdown(true);
                });
            } catch (RuntimeException e) {
                if (port != 0 || !causedBy(e, BindException.class)) {
                    bus.shutdown(true);
                    throw e;
                }
                last = e; // someone took the port between the probe and the bind: try another
            }
        }
        bus.shutdown(true);
        throw last;
    }

    private static Server soapServer(Bus bus, URI url, LienthongReceiver receiver) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(LienthongReceiver.class);
        factory.setServiceBean(receiver);
        factory.setAddress(url.toString());
        Map<String, Object> properties = new HashMap<>();
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        factory.setProperties(properties);
        return factory.create();
    }

    /**
     * Publishes {@code receiver} as a REST endpoint: {@code POST path} with the packet as the body and the
     * {@link RestPushClient} headers. It answers 200 with the receiver's acknowledgement, 400 when a header
     * is missing, 405 for another method, and 500 with the message when the receiver throws. The body is
     * written to a temporary file in {@code spoolDir} while the receiver runs, then removed.
     */
    public static Handle publishRest(InetSocketAddress address, String path, Path spoolDir, LienthongReceiver receiver)
            throws IOException {
        return publishRest(address, path, spoolDir, receiver, null);
    }

    /** The same, checking each push's proof with {@code verifier} first (null: no check); a refusal answers 401. */
    public static Handle publishRest(InetSocketAddress address, String path, Path spoolDir, LienthongReceiver receiver,
                                     PushVerifier verifier) throws IOException {
        Files.createDirectories(spoolDir);
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lienthong-rest-receiver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(path.startsWith("/") ? path : "/" + path, exchange -> {
            try (exchange) {
                handleRest(exchange, spoolDir, receiver, verifier);
            }
        });
        server.start();
        URI url = URI.create("http://" + hostOf(address) + ":" + server.getAddress().getPort()
                + (path.startsWith("/") ? path : "/" + path));
        return Handle.of(url, () -> {
            server.stop(0);
            executor.shutdownNow();
        });
    }

    private static void handleRest(HttpExchange exchange, Path spoolDir, LienthongReceiver receiver,
                                   PushVerifier verifier) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            answer(exchange, 405, "Chỉ nhận POST (POST only)");
            return;
        }
        var headers = exchange.getRequestHeaders();
        String deliveryId = headers.getFirst(RestPushClient.DELIVERY_ID);
        String docId = headers.getFirst(RestPushClient.DOC_ID);
        String messageType = headers.getFirst(RestPushClient.MESSAGE_TYPE);
        if (deliveryId == null || docId == null || messageType == null) {
            answer(exchange, 400, "Thiếu tiêu đề " + RestPushClient.DELIVERY_ID + "/" + RestPushClient.DOC_ID + "/"
                    + RestPushClient.MESSAGE_TYPE + " (missing headers)");
            return;
        }
        Path body = Files.createTempFile(spoolDir, "push-", ".edxml");
        try {
            try (InputStream in = exchange.getRequestBody()) {
                if (verifier == null) {
                    Files.copy(in, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    verifier.receive(new PushVerifier.Received(deliveryId, docId, messageType,
                            headers.getFirst(RestPushClient.FROM), headers.getFirst(RestPushClient.TO),
                            headers.getFirst(PushProof.TIMESTAMP), headers.getFirst(PushProof.CONTENT_SHA256),
                            headers.getFirst(PushProof.SIGNATURE)), in, body);
                }
            } catch (PushVerifier.Refused e) {
                LOG.warn("REST receiver refused a push {} ({}): {}", LogSafe.text(deliveryId), LogSafe.text(docId),
                        e.getMessage());
                answer(exchange, 401, e.getMessage());
                return;
            }
            String acknowledgement;
            try {
                acknowledgement = receiver.receiveDocument(deliveryId, docId, messageType,
                        headers.getFirst(RestPushClient.FROM), headers.getFirst(RestPushClient.TO),
                        new DataHandler(new FileDataSource(body.toFile())));
            } catch (RuntimeException e) {
                LOG.info("REST receiver refused {} ({}): {}", LogSafe.text(deliveryId), LogSafe.text(docId),
                        LogSafe.text(e.toString()));
                answer(exchange, 500, String.valueOf(e.getMessage()));
                return;
            }
            answer(exchange, 200, acknowledgement == null ? "" : acknowledgement);
        } finally {
            Files.deleteIfExists(body);
        }
    }

    /** Checks the proof of each SOAP push (its HTTP headers) before the receiver sees the packet. */
    private static final class VerifyingReceiver implements LienthongReceiver {
        private final LienthongReceiver receiver;
        private final PushVerifier verifier;

        VerifyingReceiver(LienthongReceiver receiver, PushVerifier verifier) {
            this.receiver = receiver;
            this.verifier = verifier;
        }

        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) PhaseInterceptorChain.getCurrentMessage()
                    .get(Message.PROTOCOL_HEADERS));
            Path file = null;
            try {
                file = Files.createTempFile("lienthong-push-", ".edxml");
                try (InputStream in = packet.getInputStream()) {
                    verifier.receive(new PushVerifier.Received(deliveryId, docId, messageType, from, to,
                            header(headers, PushProof.TIMESTAMP), header(headers, PushProof.CONTENT_SHA256),
                            header(headers, PushProof.SIGNATURE)), in, file);
                }
                return receiver.receiveDocument(deliveryId, docId, messageType, from, to,
                        new DataHandler(new FileDataSource(file.toFile())));
            } catch (PushVerifier.Refused e) {
                LOG.warn("SOAP receiver refused a push {} ({}): {}", LogSafe.text(deliveryId), LogSafe.text(docId),
                        e.getMessage());
                throw new IllegalArgumentException(e.getMessage()); // a SOAP fault to the caller
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        LOG.debug("could not delete {}", file, e);
                    }
                }
            }
        }

        private static String header(Map<String, List<String>> headers, String name) {
            if (headers != null) {
                for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                    if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null
                            && !header.getValue().isEmpty()) {
                        return header.getValue().get(0);
                    }
                }
            }
            return null;
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String hostOf(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static int freePort(String host) {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + host, e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
