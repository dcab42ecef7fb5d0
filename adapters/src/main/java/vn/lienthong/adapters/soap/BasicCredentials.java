package vn.lienthong.adapters.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/** The system id and secret of an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8). */
record BasicCredentials(String systemId, String secret) {

    /**
     * @return empty when there is no Authorization header at all
     * @throws GatewayException BAD_CREDENTIALS when there is one, but it is not usable Basic credentials
     */
    static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, "chỉ hỗ trợ HTTP Basic (only HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, "Basic không hợp lệ (bad base64)");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new GatewayException(GatewayError.BAD_CREDENTIALS, "Basic không hợp lệ (no system id)");
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Compares the secret without leaking, through timing, how much of it matched or how long it is. */
    boolean secretMatches(String expected) {
        if (expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + systemId + ", ***]";
    }
}
