package vn.lienthong.adapters.push;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a delivery by calling the recipient's {@link LienthongReceiver} endpoint (CXF JAX-WS client, MTOM:
 * the packet is streamed from its file). A response means delivered; a SOAP fault, an HTTP error or no
 * answer within the target's timeout is a {@link PushException}.
 *
 * <p>Timeouts: the target's timeout bounds connecting, sending the packet and waiting for the answer (CXF's
 * connection and receive timeouts); a watchdog interrupts a call still running one second later (a receiver
 * stalling in the middle of its answer), so a push always returns within the timeout plus one second.
 *
 * <p>One CXF client is kept per endpoint URL and timeout (creating one costs a service model and an HTTP
 * client). Thread-safe. {@link #close()} releases them.
 */
public final class SoapPushClient implements PushClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoapPushClient.class);

    /** How long past the target's timeout the watchdog lets CXF report the timeout itself. */
    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(1);

    private record Key(String url, Duration timeout) {
    }

    private final Bus bus;
    private final boolean ownsBus;
    private final Map<Key, LienthongReceiver> clients = new ConcurrentHashMap<>();
    private final ExecutorService watchdog = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "lienthong-soap-push-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** A client with its own CXF bus, shut down by {@link #close()}. */
    public SoapPushClient() {
        this(BusFactory.newInstance().createBus(), true);
    }

    /** A client on an existing bus (the application's), which {@link #close()} leaves running. */
    public SoapPushClient(Bus bus) {
        this(bus, false);
    }

    private SoapPushClient(Bus bus, boolean ownsBus) {
        this.bus = bus;
        this.ownsBus = ownsBus;
    }

    @Override
    public void push(PushTarget target, PushMessage message) throws PushException {
        PushSupport.endpoint(target, PushTarget.Mode.SOAP);
        PushSupport.checkPacket(message);
        Map<String, String> proof = PushSupport.proof(target, message);
        LienthongReceiver receiver;
        try {
            receiver = clients.computeIfAbsent(new Key(target.endpointUrl(), target.timeout()), this::create);
        } catch (RuntimeException e) {
            throw new PushException(PushException.Kind.CONFIGURATION, "Không tạo được SOAP client cho "
                    + target.endpointUrl() + " (cannot create the client: " + e + ")", e);
        }
        // CXF's own timeouts bound connecting, sending and waiting for the answer's headers; the watchdog
        // also bounds reading the answer, by interrupting a call that outlives them
        Future<Void> call;
        try {
            call = watchdog.submit(() -> {
                call(target, message, receiver, proof);
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw new PushException(PushException.Kind.CONFIGURATION, "Bộ gửi SOAP đã đóng (client closed)", e);
        }
        try {
            PushSupport.await(call, target.timeout().plus(WATCHDOG_GRACE), target);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PushException failure) {
                throw failure;
            }
            throw PushSupport.failed(e.getCause());
        }
    }

    private void call(PushTarget target, PushMessage message, LienthongReceiver receiver, Map<String, String> proof)
            throws PushException {
        // the proof travels as HTTP headers of this call (the request context is this thread's: see create())
        Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        proof.forEach((name, value) -> headers.put(name, java.util.List.of(value)));
        ((jakarta.xml.ws.BindingProvider) receiver).getRequestContext().put(Message.PROTOCOL_HEADERS, headers);
        DataHandler packet = new DataHandler(new FileDataSource(message.packetFile().toFile()) {
            @Override
            public String getContentType() {
                return "application/octet-stream";
            }
        });
        long start = System.nanoTime();
        try {
            String acknowledgement = receiver.receiveDocument(message.deliveryId(), message.docId(),
                    message.messageType(), message.fromCode(), message.toCode(), packet);
            LOG.debug("SOAP push {} ({}) -> {}: {}", message.deliveryId(), message.docId(), target.endpointUrl(),
                    acknowledgement);
        } catch (SOAPFaultException e) {
            throw fault(e.getFault() == null ? e.getMessage() : e.getFault().getFaultString(), e);
        } catch (WebServiceException e) {
            throw classify(target, receiver, e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static PushException fault(String faultString, Throwable cause) {
        return new PushException(PushException.Kind.FAULT, "Bên nhận trả lỗi SOAP: "
                + PushSupport.abbreviate(String.valueOf(faultString)) + " (receiver answered a SOAP fault)", 500, cause);
    }

    private static PushException classify(PushTarget target, LienthongReceiver receiver, WebServiceException e,
                                          Duration elapsed) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // without a SAAJ implementation on the classpath CXF cannot build a SOAPFaultException
            if (t instanceof SoapFault soapFault) {
                return fault(soapFault.getReason(), e);
            }
            if (t instanceof HTTPException http) {
                return PushSupport.httpStatus(http.getResponseCode(), null);
            }
        }
        PushException transport = PushSupport.transport(target, e, elapsed);
        if (transport != null) {
            return transport;
        }
        // an answer that is no SOAP (an HTML error page, say): its status, when known, says more
        Object status = ClientProxy.getClient(receiver).getResponseContext().get(Message.RESPONSE_CODE);
        if (status instanceof Integer code && code / 100 != 2) {
            return PushSupport.httpStatus(code, e.getMessage());
        }
        return new PushException(PushException.Kind.PROTOCOL, "Bên nhận trả lời không đúng giao thức SOAP "
                + "(unexpected answer: " + PushSupport.abbreviate(String.valueOf(e.getMessage())) + ")", e);
    }

    private LienthongReceiver create(Key key) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(LienthongReceiver.class);
        factory.setAddress(key.url());
        Map<String, Object> properties = new HashMap<>();
        properties.put(Message.MTOM_ENABLED, Boolean.TRUE);
        factory.setProperties(properties);
        LienthongReceiver receiver = factory.create(LienthongReceiver.class);
        // the client is shared by every push to this endpoint: each call's headers stay in its own thread
        ClientProxy.getClient(receiver).setThreadLocalRequestContext(true);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(receiver).getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        long millis = key.timeout().toMillis();
        policy.setConnectionTimeout(millis);
        policy.setReceiveTimeout(millis);
        policy.setAutoRedirect(false);
        policy.setAllowChunking(true);
        conduit.setClient(policy);
        return receiver;
    }

    /** Releases the cached clients (and the bus, when this client created it). */
    @Override
    public void close() {
        watchdog.shutdownNow();
        for (LienthongReceiver receiver : clients.values()) {
            Client client = ClientProxy.getClient(receiver);
            client.destroy();
        }
        clients.clear();
        if (ownsBus) {
            bus.shutdown(true);
        }
    }
}
