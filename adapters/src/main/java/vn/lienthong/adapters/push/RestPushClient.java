package vn.lienthong.adapters.push;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a delivery as {@code POST <endpointUrl>} with the packet as the body ({@code application/xml},
 * streamed from its file) and its identity in headers:
 * <ul>
 * <li>{@value #DELIVERY_ID}: the delivery id, the same on every attempt: the recipient's idempotency key
 * (answer 2xx to a delivery id already stored, without storing it again);</li>
 * <li>{@value #DOC_ID}, {@value #MESSAGE_TYPE} ({@code edoc}/{@code status}), {@value #FROM}, {@value #TO}
 * (agency codes);</li>
 * <li>with a secret on the target, the {@link PushProof} headers.</li>
 * </ul>
 * Any 2xx answer means delivered. Thread-safe; one instance serves every target.
 */
public final class RestPushClient implements PushClient {

    public static final String DELIVERY_ID = "X-Lienthong-Delivery-Id";
    public static final String DOC_ID = "X-Lienthong-DocId";
    public static final String MESSAGE_TYPE = "X-Lienthong-Message-Type";
    public static final String FROM = "X-Lienthong-From";
    public static final String TO = "X-Lienthong-To";
    public static final String CONTENT_TYPE = "application/xml";

    private static final Logger LOG = LoggerFactory.getLogger(RestPushClient.class);
    /** How much of a failed answer's body goes into the reason. */
    private static final int KEPT_BODY_BYTES = 1024;

    private final HttpClient http;

    /** A client whose connections are attempted for at most 10 s (each push is also bounded by its target). */
    public RestPushClient() {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public RestPushClient(HttpClient http) {
        this.http = http;
    }

    @Override
    public void push(PushTarget target, PushMessage message) throws PushException {
        URI uri = PushSupport.endpoint(target, PushTarget.Mode.REST);
        PushSupport.checkPacket(message);
        java.util.Map<String, String> proof = PushSupport.proof(target, message);
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
            proof.forEach(builder::header);
            request = builder
                    .timeout(target.timeout())
                    .header("Content-Type", CONTENT_TYPE)
                    .header(DELIVERY_ID, message.deliveryId())
                    .header(DOC_ID, message.docId())
                    .header(MESSAGE_TYPE, message.messageType())
                    .header(FROM, nonNull(message.fromCode()))
                    .header(TO, nonNull(message.toCode()))
                    .POST(HttpRequest.BodyPublishers.ofFile(message.packetFile()))
                    .build();
        } catch (FileNotFoundException e) {
            throw new PushException(PushException.Kind.PACKET,
                    "Không tìm thấy gói tin " + message.docId() + " (packet file missing)", e);
        } catch (IllegalArgumentException e) {
            throw new PushException(PushException.Kind.CONFIGURATION,
                    "Không tạo được yêu cầu HTTP (cannot build the request: " + e.getMessage() + ")", e);
        }
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, info -> new HeadOfBody());
        HttpResponse<String> response;
        try {
            // the request's own timeout covers the answer's headers; this bounds the whole exchange
            response = PushSupport.await(call, target.timeout(), target);
        } catch (ExecutionException e) {
            PushException failure = PushSupport.transport(target, e.getCause(), Duration.ZERO);
            throw failure != null ? failure : PushSupport.failed(e.getCause());
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw PushSupport.httpStatus(status, response.body());
        }
        LOG.debug("REST push {} ({}) -> {}: HTTP {}", message.deliveryId(), message.docId(), target.endpointUrl(), status);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Keeps the first bytes of the answer (for the reason) and drains the rest. */
    private static final class HeadOfBody implements HttpResponse.BodySubscriber<String> {

        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), KEPT_BODY_BYTES - kept.size());
                if (take > 0) {
                    byte[] bytes = new byte[take];
                    item.get(bytes);
                    kept.write(bytes, 0, take);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toString(StandardCharsets.UTF_8));
        }
    }
}
