package vn.lienthong.adapters.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks the {@link PushProof} of a received push, as the ready-made receiver does ({@link ReceiverEndpoints}):
 * the signature under the recipient system's secret, the packet against the SHA-256 it signs, the timestamp within
 * a window of the receiver's clock, and that the same signed push was not received before within that window (a
 * replay). A refusal is a {@link Refused} naming why. Thread-safe.
 *
 * <p>A push the gateway retries carries a new timestamp and so a new signature; the receiver still recognises the
 * delivery by its id (its idempotency key).
 */
public final class PushVerifier {

    /** A push refused: forged, altered, stale or replayed. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The fields of a received push, as its headers (or SOAP parameters) carried them. */
    public record Received(String deliveryId, String docId, String messageType, String from, String to,
                           String timestamp, String sha256, String signature) {
    }

    private static final int MAX_REMEMBERED = 100_000;

    private final Function<String, String> secretByRecipient;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /**
     * @param secretByRecipient the secret of the system that receives for an agency code (null: unknown agency)
     * @param window            how far a push's timestamp may be from the receiver's clock, either way
     */
    public PushVerifier(Function<String, String> secretByRecipient, Duration window, Clock clock) {
        this.secretByRecipient = Objects.requireNonNull(secretByRecipient, "secretByRecipient");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A receiver for one system: every push is checked under its {@code secret}, within 5 minutes. */
    public static PushVerifier forSecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new PushVerifier(to -> secret, Duration.ofMinutes(5), Clock.systemUTC());
    }

    /**
     * Copies {@code body} to {@code file} while hashing it, then checks the push; on a refusal the file is left for
     * the caller to delete.
     */
    public void receive(Received push, InputStream body, Path file) throws Refused, IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            body.transferTo(out);
        }
        check(push, HexFormat.of().formatHex(digest.digest()));
    }

    /** Checks a push whose packet's SHA-256, as received, is {@code actualSha256}. */
    public void check(Received push, String actualSha256) throws Refused {
        if (push.signature() == null || push.timestamp() == null || push.sha256() == null) {
            throw new Refused("Thiếu bằng chứng của cổng liên thông (" + PushProof.SIGNATURE + ", "
                    + PushProof.TIMESTAMP + ", " + PushProof.CONTENT_SHA256 + ") (push proof missing)");
        }
        String secret = push.to() == null ? null : secretByRecipient.apply(push.to());
        if (secret == null) {
            throw new Refused("Không nhận cho đơn vị này (not a recipient served here)");
        }
        String expected = PushProof.sign(secret, push.deliveryId(), push.docId(), push.messageType(), push.from(),
                push.to(), push.timestamp(), push.sha256());
        if (!PushProof.same(expected, push.signature().trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new Refused("Chữ ký của lần chuyển không đúng (push signature does not verify)");
        }
        if (!PushProof.same(push.sha256().trim().toLowerCase(java.util.Locale.ROOT), actualSha256)) {
            throw new Refused("Gói tin không khớp mã băm đã ký (packet does not match the signed SHA-256)");
        }
        Instant now = clock.instant();
        Instant sent;
        try {
            sent = Instant.ofEpochMilli(Long.parseLong(push.timestamp().trim()));
        } catch (NumberFormatException e) {
            throw new Refused("Dấu thời gian không hợp lệ (bad timestamp)");
        }
        if (Duration.between(sent, now).abs().compareTo(window) > 0) {
            throw new Refused("Lần chuyển đã quá hạn hoặc đồng hồ lệch quá " + window.toSeconds()
                    + " giây (push outside the time window)");
        }
        if (seen.size() > MAX_REMEMBERED) {
            seen.values().removeIf(at -> at.plus(window).isBefore(now));
        }
        if (seen.putIfAbsent(push.signature().trim().toLowerCase(java.util.Locale.ROOT), sent) != null) {
            throw new Refused("Lần chuyển này đã được nhận, không nhận lại bản phát lại (replayed push)");
        }
    }
}
