package vn.lienthong.vdxp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authenticated part of a VDXP request: the exact {@code XroadVnpt-sign-header} JSON string and the
 * parameters in it. The HMAC is checked over the string as received (key order is arbitrary and must not
 * be rebuilt), and parameters are read from it with their exact-case keys, because the SDK sends stale
 * and case-colliding header lines ({@code docId} and {@code docid}) that only the signed JSON keeps apart.
 */
public final class SignedHeader {

    public static final String SYSTEM_ID = "XroadVnpt-systemid";
    public static final String SIGN_HEADER = "XroadVnpt-sign-header";
    public static final String HASH_HEADER = "XroadVnpt-hash-header";
    private static final String PREFIX = "XroadVnpt-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String raw;
    private final Map<String, String> parameters;

    private SignedHeader(String raw, Map<String, String> parameters) {
        this.raw = raw;
        this.parameters = parameters;
    }

    /**
     * Parses the signed header JSON; values are taken as text whatever their JSON type.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static SignedHeader parse(String signHeader) {
        if (signHeader == null || signHeader.isBlank()) {
            throw new IllegalArgumentException("missing " + SIGN_HEADER);
        }
        Map<String, Object> values;
        try {
            values = JSON.readValue(signHeader, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(SIGN_HEADER + " is not a JSON object", e);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
            parameters.put(name, value == null ? "" : String.valueOf(value));
        });
        return new SignedHeader(signHeader, Collections.unmodifiableMap(parameters));
    }

    /** Lower-case hex HMAC-SHA256 of a sign-header string under a secret (its UTF-8 text, as configured). */
    public static String hmac(String secret, String signHeader) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signHeader.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code hashHeader} is this header's HMAC under {@code secret}; compared in constant time. */
    public boolean isSignedWith(String secret, String hashHeader) {
        if (hashHeader == null || secret == null) {
            return false;
        }
        byte[] expected = hmac(secret, raw).getBytes(StandardCharsets.US_ASCII);
        byte[] received = hashHeader.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

    /** The parameters by their exact key, without the "XroadVnpt-" prefix. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(parameters.get(key)).filter(v -> !v.isEmpty());
    }

    /** The system id inside the signed JSON (the only copy of it that the HMAC covers). */
    public Optional<String> systemId() {
        return get("systemid");
    }

    /**
     * The document id an {@code updateStatus} means: {@code docid} when present (clients that use it use it
     * only there), else {@code docId}, which may otherwise be a leftover of an earlier getEdoc.
     */
    public Optional<String> docIdForStatusUpdate() {
        return get("docid").or(() -> get("docId"));
    }

    /** The document id of getEdoc, downloadEdoc and getSentEdocList. */
    public Optional<String> docId() {
        return get("docId").or(() -> get("docid"));
    }

    public String raw() {
        return raw;
    }
}
