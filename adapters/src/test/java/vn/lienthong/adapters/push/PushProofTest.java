package vn.lienthong.adapters.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10.7: a pushed delivery carries a proof that the gateway sent it, and the ready-made receiver checks it.
 * Genuine pushes over REST and SOAP are taken; forged ones (a wrong key, no proof, an altered packet, a stale or
 * replayed proof) are refused before the receiver sees them, over real HTTP on 127.0.0.1.
 */
class PushProofTest {

    private static final String SECRET = "ubnd-secret-2026";

    @TempDir
    Path work;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final LienthongReceiver receiver = (deliveryId, docId, messageType, from, to, packet) -> {
        try (InputStream in = packet.getInputStream()) {
            received.add(deliveryId + ":" + in.readAllBytes().length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "ok";
    };
    private Path sample;
    private PushMessage message;

    @BeforeEach
    void setUp() throws IOException {
        sample = Path.of(System.getProperty("samples.dir"), "vpcp-sdk-example", "edoc_new.edxml");
        message = new PushMessage("dlv-ky-1", "doc-ky-1", "edoc", "000.00.00.D41", "000.00.00.H41", sample,
                Files.size(sample));
    }

    @Test
    void aRestReceiverTakesGenuinePushesAndRefusesForgedOnes() throws Exception {
        try (ReceiverEndpoints.Handle handle = ReceiverEndpoints.publishRest(new InetSocketAddress("127.0.0.1", 0),
                "/nhan", work.resolve("spool"), receiver, PushVerifier.forSecret(SECRET))) {
            RestPushClient client = new RestPushClient();
            client.push(target(handle, PushTarget.Mode.REST, SECRET), message);
            assertThat(received).containsExactly("dlv-ky-1:" + Files.size(sample));

            // a forger who does not know the key, and one who sends no proof at all
            assertThatThrownBy(() -> client.push(target(handle, PushTarget.Mode.REST, "doan-khoa"), message))
                    .isInstanceOf(PushException.class).hasMessageContaining("401");
            assertThatThrownBy(() -> client.push(target(handle, PushTarget.Mode.REST, null), message))
                    .isInstanceOf(PushException.class).hasMessageContaining("401");

            // a captured genuine push: replayed as it was, with another packet, and kept until it is stale
            Map<String, String> captured = PushProof.headers(message.withSha256(sha256(sample)), SECRET,
                    Instant.now().minusSeconds(1));
            assertThat(post(handle, captured, Files.readAllBytes(sample)).statusCode()).isEqualTo(200);
            HttpResponse<String> replayed = post(handle, captured, Files.readAllBytes(sample));
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(replayed.body()).contains("replayed");
            Map<String, String> fresh = PushProof.headers(message.withSha256(sha256(sample)), SECRET, Instant.now());
            HttpResponse<String> altered = post(handle, fresh, "<edXML>khác</edXML>".getBytes());
            assertThat(altered.statusCode()).isEqualTo(401);
            assertThat(altered.body()).contains("SHA-256");
            Map<String, String> stale = PushProof.headers(message.withSha256(sha256(sample)), SECRET,
                    Instant.now().minus(Duration.ofMinutes(10)));
            assertThat(post(handle, stale, Files.readAllBytes(sample)).body()).contains("time window");
            assertThat(received).as("only the genuine pushes reached the receiver").hasSize(2);
        }
    }

    @Test
    void aSoapReceiverTakesGenuinePushesAndRefusesForgedOnes() throws Exception {
        try (ReceiverEndpoints.Handle handle = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/nhan", receiver,
                PushVerifier.forSecret(SECRET)); SoapPushClient client = new SoapPushClient()) {
            client.push(target(handle, PushTarget.Mode.SOAP, SECRET), message.withSha256(sha256(sample)));
            client.push(target(handle, PushTarget.Mode.SOAP, SECRET), new PushMessage("dlv-ky-2", "doc-ky-2", "edoc",
                    "000.00.00.D41", "000.00.00.H41", sample, Files.size(sample))); // hashed by the client
            assertThat(received).hasSize(2);

            assertThatThrownBy(() -> client.push(target(handle, PushTarget.Mode.SOAP, "doan-khoa"), message))
                    .isInstanceOf(PushException.class).hasMessageContaining("signature");
            assertThatThrownBy(() -> client.push(target(handle, PushTarget.Mode.SOAP, null), message))
                    .isInstanceOf(PushException.class).hasMessageContaining("proof missing");
            // a proof signed for another packet
            assertThatThrownBy(() -> client.push(target(handle, PushTarget.Mode.SOAP, SECRET),
                    message.withSha256("00".repeat(32)))).isInstanceOf(PushException.class)
                    .hasMessageContaining("SHA-256");
            assertThat(received).hasSize(2);
        }
    }

    private static PushTarget target(ReceiverEndpoints.Handle handle, PushTarget.Mode mode, String secret) {
        return new PushTarget(handle.url().toString(), mode, Duration.ofSeconds(10), secret);
    }

    private HttpResponse<String> post(ReceiverEndpoints.Handle handle, Map<String, String> proof, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(handle.url())
                .header(RestPushClient.DELIVERY_ID, message.deliveryId()).header(RestPushClient.DOC_ID, message.docId())
                .header(RestPushClient.MESSAGE_TYPE, message.messageType()).header(RestPushClient.FROM, message.fromCode())
                .header(RestPushClient.TO, message.toCode())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        proof.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
