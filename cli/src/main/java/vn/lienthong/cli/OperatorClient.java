package vn.lienthong.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operator API ({@code /api/v1}) over java.net.http, HTTP Basic on every call. Every failure becomes a
 * {@link CliException}: 401 and 403 with a plain Vietnamese message (exit 5), other refusals with the
 * gateway's ErrorCode and ErrorDesc (exit 4), no answer or not the API's (exit 6).
 */
final class OperatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final String user;
    private final String authorization;
    private final HttpClient http;

    OperatorClient(String api, String user, String password) {
        this.api = api;
        this.user = user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** GET {@code path} with the query parameters whose values are not null. */
    JsonNode get(String path, Map<String, ?> query) throws InterruptedException {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return send(builder(path + parameters).GET().build());
    }

    JsonNode get(String path) throws InterruptedException {
        return get(path, Map.of());
    }

    /** POST {@code body} as JSON to {@code path}. */
    JsonNode post(String path, Object body) throws InterruptedException {
        try {
            return send(builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A path segment (a docId, a route id), encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .header("User-Agent", "lienthong-cli");
    }

    private JsonNode send(HttpRequest request) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw unreachable(e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new CliException(LienthongCli.EXIT_UNREACHABLE, "Câu trả lời không phải JSON của API vận hành "
                        + "(not the operator API's JSON): " + request.method() + " " + request.uri() + " → HTTP " + status);
            }
            return body;
        }
        String gatewayError = gatewayError(body);
        if (status == 401) {
            throw new CliException(LienthongCli.EXIT_AUTH, "Không đăng nhập được vào API vận hành: sai tài khoản hoặc "
                    + "mật khẩu người vận hành; mã và khóa của một hệ thống QLVB không mở được API này (operator login "
                    + "refused: wrong user or password; a document system's credentials do not open this API) — HTTP 401"
                    + gatewayError);
        }
        if (status == 403) {
            throw new CliException(LienthongCli.EXIT_AUTH, "Tài khoản " + user + " không đủ quyền cho thao tác này; "
                    + "gửi lại, tạm dừng cần vai trò OPERATOR, sửa danh bạ và xóa gói tin cần ADMIN (the role of " + user
                    + " does not allow this) — HTTP 403" + gatewayError);
        }
        if (!gatewayError.isEmpty()) {
            throw new CliException(LienthongCli.EXIT_REFUSED, "Cổng liên thông từ chối (the gateway refused)"
                    + gatewayError + " — HTTP " + status);
        }
        if (status == 404) {
            throw new CliException(LienthongCli.EXIT_UNREACHABLE, "Không có API vận hành tại (no operator API at) "
                    + request.uri() + " — HTTP 404");
        }
        throw new CliException(LienthongCli.EXIT_UNREACHABLE, "Câu trả lời không mong đợi (unexpected answer): "
                + request.method() + " " + request.uri() + " → HTTP " + status
                + (body == null ? "" : " " + Table.fit(body.toString(), 200)));
    }

    /** " 40 Không tìm thấy văn bản" from the API's error JSON, or "" when it is not one. */
    private static String gatewayError(JsonNode body) {
        if (body == null || !body.hasNonNull("ErrorCode")) {
            return "";
        }
        return ": " + body.path("ErrorCode").asText() + " " + body.path("ErrorDesc").asText();
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private CliException unreachable(Exception e) {
        return new CliException(LienthongCli.EXIT_UNREACHABLE, "Không kết nối được cổng liên thông tại " + api
                + " (cannot reach the gateway): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
