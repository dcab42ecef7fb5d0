package vn.lienthong.vdxp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the VDXP-style API that puts on the wire what the official SDK puts there: every parameter
 * as an {@code XroadVnpt-*} header, the signed JSON of them, its HMAC-SHA256 under the system's secret,
 * and for sendEdoc the packet followed by one CRLF with the SDK's unpadded hash-file. Unlike the SDK it
 * keeps no parameters from one call to the next, and every call signs a fresh timestamp (Vietnam time), the
 * operation and a random nonce, so it satisfies the gateway's strict mode (no replay). It works against this
 * gateway and against the national axis alike (they ignore keys they do not know).
 */
public final class VdxpClient {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss");
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The signed header travels as an HTTP header: non-ASCII values are escaped inside its JSON. */
    private static final ObjectMapper ASCII_JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII, true);

    private final String endpoint;
    private final String systemId;
    private final String secret;
    private final HttpClient http;
    private final Duration timeout;

    public VdxpClient(URI endpoint, String systemId, String secret) {
        this(endpoint, systemId, secret, null, Duration.ofMinutes(10));
    }

    /**
     * A client that presents a TLS client certificate ({@code ssl} built with its key; null for none) and gives
     * each call at most {@code timeout}.
     */
    public VdxpClient(URI endpoint, String systemId, String secret, javax.net.ssl.SSLContext ssl, Duration timeout) {
        String base = endpoint.toString();
        this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.systemId = systemId;
        this.secret = secret;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.timeout = timeout;
    }

    /** The JSON answer of an operation. */
    public record Answer(int httpStatus, JsonNode json) {

        public boolean ok() {
            return "OK".equals(json.path("status").asText()) && "0".equals(json.path("ErrorCode").asText());
        }

        public String errorCode() {
            return json.path("ErrorCode").asText();
        }

        public String errorDesc() {
            return json.path("ErrorDesc").asText();
        }

        public String docId() {
            return json.path("DocId").asText();
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    /** Sends a packet (messageType "edoc" or "status") as {@code from}; the answer carries the DocId. */
    public Answer sendEdoc(Path packet, String messageType, String from) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("servicetype", "eDoc");
        params.put("messagetype", messageType);
        params.put("hash-file", HashFile.unpaddedHex(sha256(packet)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofFile(packet),
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {'\r', '\n'}));
        return call("sendEdoc", params, "application/octet-stream", body);
    }

    public Answer getReceivedEdocList(String messageType) throws IOException, InterruptedException {
        return call("getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType));
    }

    /** getEdoc: the answer's data is the packet in base64; {@link #decodeEdoc} turns it into bytes. */
    public Answer getEdoc(String docId) throws IOException, InterruptedException {
        return call("getEdoc", Map.of("docId", docId, "filePath", "."));
    }

    /**
     * getEdoc with the packet decoded into {@code packet} as the answer arrives, never held whole in memory (a
     * packet of hundreds of MB passes through a small buffer, and Jackson's limit on one string's length does not
     * apply). The answer returned carries every field but {@code data}.
     */
    public Answer getEdoc(String docId, OutputStream packet) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request("getEdoc", Map.of("docId", docId, "filePath", "."),
                "application/json", HttpRequest.BodyPublishers.ofString("{}"), "POST"),
                HttpResponse.BodyHandlers.ofInputStream());
        com.fasterxml.jackson.databind.node.ObjectNode fields = JSON.createObjectNode();
        try (InputStream body = response.body();
             com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(body)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IOException("getEdoc: câu trả lời không phải đối tượng JSON (the answer is not a JSON object)");
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    parser.readBinaryValue(packet); // base64 decoded as it is read
                } else {
                    fields.set(name, JSON.readTree(parser));
                }
            }
        }
        return new Answer(response.statusCode(), fields);
    }

    public static byte[] decodeEdoc(Answer answer) {
        return Base64.getDecoder().decode(answer.data().asText());
    }

    /** downloadEdoc: the raw packet, streamed; an empty body means the gateway refused. */
    public HttpResponse<InputStream> downloadEdoc(String docId) throws IOException, InterruptedException {
        return http.send(request("downloadEdoc", Map.of("docId", docId), "application/json",
                HttpRequest.BodyPublishers.noBody(), "GET"), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The transport acknowledgement: "done", "fail" or "processing". */
    public Answer updateStatus(String docId, String status) throws IOException, InterruptedException {
        return call("updateStatus", Map.of("docid", docId, "status", status));
    }

    /** The transport acknowledgement with a reason (what a "fail" says to the sending side). */
    public Answer updateStatus(String docId, String status, String description) throws IOException, InterruptedException {
        return call("updateStatus", Map.of("docid", docId, "status", status, "description", description));
    }

    /** getEvidence (this gateway's own operation): the signed evidence of a document sent or received. */
    public Answer getEvidence(String docId) throws IOException, InterruptedException {
        return call("getEvidence", Map.of("docId", docId));
    }

    public Answer getSentEdocList(String messageType) throws IOException, InterruptedException {
        return call("getSentEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType));
    }

    public Answer countReceiveEdoc() throws IOException, InterruptedException {
        return call("countReceiveEdoc", Map.of());
    }

    public Answer countReceiveStatus() throws IOException, InterruptedException {
        return call("countReceiveStatus", Map.of());
    }

    public Answer getAgenciesList() throws IOException, InterruptedException {
        return call("getAgenciesList", Map.of());
    }

    public Answer call(String operation, Map<String, String> params) throws IOException, InterruptedException {
        return call(operation, params, "application/json", HttpRequest.BodyPublishers.ofString("{}"));
    }

    public Answer call(String operation, Map<String, String> params, String contentType,
                       HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(operation, params, contentType, body, "POST"),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpRequest request(String operation, Map<String, String> params, String contentType,
                                HttpRequest.BodyPublisher body, String method) throws IOException {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("systemid", systemId);
        signed.putAll(params);
        LocalDateTime now = LocalDateTime.now(VIETNAM);
        signed.put("timestamp", now.format(TIMESTAMP) + String.format("+%04d", now.getNano() / 1_000_000));
        // strict mode: the operation is bound into the signed data and no two requests sign the same bytes
        signed.put("operation", operation);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        signed.put("nonce", java.util.HexFormat.of().formatHex(nonce));
        signed.put("Content-Type", contentType);
        Map<String, String> prefixed = new LinkedHashMap<>();
        signed.forEach((key, value) -> prefixed.put("XroadVnpt-" + key, value));
        String signHeader = ASCII_JSON.writeValueAsString(prefixed);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint + "/" + operation))
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "lienthong-cli XRoad/VPCP")
                .header("XroadVnpt-version", "3.0.201608")
                .header("XroadVnpt-sign-header-key", String.join(";", signed.keySet()))
                .header(SignedHeader.SIGN_HEADER, signHeader)
                .header(SignedHeader.HASH_HEADER, SignedHeader.hmac(secret, signHeader))
                .method(method, body);
        signed.forEach((key, value) -> {
            // the plain lines are informative (the server reads the signed JSON); a non-ASCII value stays out
            if (!key.equals("Content-Type") && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                builder.header("XroadVnpt-" + key, value);
            }
        });
        return builder.build();
    }

    private static byte[] sha256(Path file) throws IOException {
        var digest = HashFile.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    @Override
    public String toString() {
        return "VdxpClient[" + endpoint + ", " + systemId + "]";
    }

}
