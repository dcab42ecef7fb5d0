package vn.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's runnable jar started as a real process on a free port with its own data directory, as
 * gateway-routes' GatewayProcess does it; readiness is awaited on /actuator/health/readiness.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar failsafe names (gateway-routes builds it earlier in the reactor). */
    static Path jar() {
        String property = System.getProperty("gateway.jar");
        assertThat(property).as("gateway.jar (set by failsafe in bench/pom.xml)").isNotNull();
        Path jar = Path.of(property).toAbsolutePath().normalize();
        assertThat(jar).as("the gateway's runnable jar: build it first (mvn -pl gateway-routes package)").isRegularFile();
        return jar;
    }

    static GatewayProcess start(Path workDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = workDir.resolve("gateway.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar().toString(),
                "--server.port=" + port, "--gateway.data-dir=" + workDir.resolve("data")))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GatewayProcess gateway = new GatewayProcess(process, port, log);
        try {
            gateway.awaitReady();
        } catch (Throwable e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the gateway exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250); // polling the readiness probe, bounded by the deadline
        }
        fail("not ready within " + READY_DEADLINE + " (last answer: " + last + "):\n" + output());
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** SIGTERM, then SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
