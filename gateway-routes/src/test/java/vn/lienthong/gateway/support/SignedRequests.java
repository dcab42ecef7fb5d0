package vn.lienthong.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.vdxp.SignedHeader;

/**
 * VDXP requests built header by header, as a captured request is replayed: the signed JSON, its HMAC and the
 * plain lines, kept so that the very same bytes can be sent again (vdxp-wire.md §2).
 */
public final class SignedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final DateTimeFormatter SDK_TIME = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss");

    private SignedRequests() {
    }

    /** The SDK's timestamp format, in Vietnam time, {@code ago} in the past. */
    public static String sdkTimestamp(Duration ago) {
        LocalDateTime time = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minus(ago);
        return time.format(SDK_TIME) + String.format("+%04d", time.getNano() / 1_000_000);
    }

    /** A signed request, ready to be sent (and sent again) to an operation's path. */
    public record Captured(Map<String, String> headers) {

        public JsonNode sendTo(int port, String operation) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/vdxp/" + operation))
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("{}"));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }
    }

    /** Signs {@code parameters} (systemid first) as the SDK does: keys prefixed, values as JSON strings. */
    public static Captured sign(String systemId, String secret, Map<String, String> parameters) throws IOException {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("systemid", systemId);
        signed.putAll(parameters);
        signed.put("Content-Type", "application/json");
        Map<String, String> prefixed = new LinkedHashMap<>();
        signed.forEach((key, value) -> prefixed.put("XroadVnpt-" + key, value));
        String signHeader = JSON.writeValueAsString(prefixed);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("XroadVnpt-sign-header-key", String.join(";", signed.keySet()));
        headers.put(SignedHeader.SIGN_HEADER, signHeader);
        headers.put(SignedHeader.HASH_HEADER, SignedHeader.hmac(secret, signHeader));
        return new Captured(headers);
    }
}
