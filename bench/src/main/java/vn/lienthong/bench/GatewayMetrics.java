package vn.lienthong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.OptionalDouble;

/** One figure at a time from the gateway's {@code /actuator/prometheus}, read as an operator (Basic). */
final class GatewayMetrics {

    /** What the embedded database has written to its file (absent on PostgreSQL). */
    static final String DATABASE_WRITTEN = "lienthong_database_written_bytes_total";

    private final URI address;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayMetrics(URI gateway, String user, String password) {
        String base = gateway.toString().replaceAll("/+$", "");
        this.address = URI.create(base + "/actuator/prometheus");
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI address() {
        return address;
    }

    /** The figure's value now (its first series); empty when the gateway does not report it or cannot be read. */
    OptionalDouble read(String name) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? metric(response.body(), name) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble metric(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                String[] parts = line.trim().split("\\s+");
                return OptionalDouble.of(Double.parseDouble(parts[parts.length - 1]));
            }
        }
        return OptionalDouble.empty();
    }
}
