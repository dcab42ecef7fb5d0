package vn.lienthong.adapters.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proof that a pushed delivery comes from the gateway: an HMAC-SHA256, keyed with the secret of the recipient's
 * system (the one it uses to call the gateway), over the delivery's identity, the time of the push and the SHA-256
 * of the packet. Both push clients send it as HTTP headers (the SOAP push on its HTTP request), so a receiver that
 * does not check it is not disturbed; {@link PushVerifier} checks it.
 *
 * <p>The signed text, UTF-8, lines joined by {@code \n}: {@code lienthong-push-1}, the delivery id, the DocId, the
 * message type, the sender's code, the recipient's code, the timestamp (milliseconds since 1970, UTC, as sent), the
 * packet's SHA-256 (lower-case hex, as sent). The signature is lower-case hex.
 */
public final class PushProof {

    /** When the gateway pushed, in milliseconds since 1970 (UTC): two pushes never share a signature. */
    public static final String TIMESTAMP = "X-Lienthong-Timestamp";
    /** The SHA-256 of the packet (the body of a REST push, the MTOM attachment of a SOAP push), lower-case hex. */
    public static final String CONTENT_SHA256 = "X-Lienthong-Content-SHA256";
    /** The HMAC-SHA256 of the signed text, lower-case hex. */
    public static final String SIGNATURE = "X-Lienthong-Signature";

    private static final String VERSION = "lienthong-push-1";

    private PushProof() {
    }

    /** The three headers proving {@code message}, pushed at {@code now}, under {@code secret}. */
    public static Map<String, String> headers(PushMessage message, String secret, Instant now) {
        String timestamp = Long.toString(now.toEpochMilli());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP, timestamp);
        headers.put(CONTENT_SHA256, message.sha256());
        headers.put(SIGNATURE, sign(secret, message.deliveryId(), message.docId(), message.messageType(),
                message.fromCode(), message.toCode(), timestamp, message.sha256()));
        return headers;
    }

    /** The signature of one push's fields (absent ones signed as empty). */
    public static String sign(String secret, String deliveryId, String docId, String messageType, String from,
                              String to, String timestamp, String sha256) {
        String text = String.join("\n", VERSION, n(deliveryId), n(docId), n(messageType), n(from), n(to), n(timestamp),
                n(sha256));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex strings. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }
}
