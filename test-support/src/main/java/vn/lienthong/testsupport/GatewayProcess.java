package vn.lienthong.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's runnable jar started as a real process, as an operator runs it, for the tests of the
 * integration-test phase: maven-failsafe-plugin names the jar in the system property {@code gateway.jar}
 * (gateway-routes builds it earlier in the same reactor).
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The repackaged jar, or null when not run by failsafe (a broad -Dtest would test a stale jar). */
    public static Path jar() {
        String property = System.getProperty("gateway.jar");
        return property == null ? null : Path.of(property).toAbsolutePath().normalize();
    }

    /** The repackaged jar, failing the test with what to do when it is not named or not built. */
    public static Path requiredJar() {
        Path jar = jar();
        assertThat(jar).as("gateway.jar (set by maven-failsafe-plugin in the module's pom.xml)").isNotNull();
        assertThat(jar).as("the gateway's runnable jar: build it first (mvn -pl gateway-routes package)")
                .isRegularFile();
        return jar;
    }

    /**
     * The usual start for a module's tests: the required jar with a 512 MB heap, on a free port, data under
     * {@code workDir/data}, log in {@code workDir/gateway.log}; returns once ready (and stops it if not).
     */
    public static GatewayProcess start(Path workDir) throws Exception {
        Path jar = requiredJar();
        GatewayProcess gateway = launch(jar, workDir, workDir.resolve("data"), workDir.resolve("gateway.log"),
                freePort(), List.of("-Xmx512m"));
        try {
            gateway.awaitReady();
        } catch (Throwable e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /** Starts {@code java -jar} on a free port with the given data directory and extra arguments. */
    public static GatewayProcess launch(Path jar, Path workDir, Path dataDir, Path log, String... extraArgs)
            throws IOException {
        return launch(jar, workDir, dataDir, log, freePort(), extraArgs);
    }

    /** The same on a given port (a gateway started again where others expect it). */
    public static GatewayProcess launch(Path jar, Path workDir, Path dataDir, Path log, int port, String... extraArgs)
            throws IOException {
        return launch(jar, workDir, dataDir, log, port, List.of(), extraArgs);
    }

    private static GatewayProcess launch(Path jar, Path workDir, Path dataDir, Path log, int port,
            List<String> jvmOptions, String... extraArgs) throws IOException {
        assertThat(jar).as("the repackaged jar (run 'mvn package' first)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--gateway.data-dir=" + dataDir));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new GatewayProcess(process, port, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /**
     * Polls the readiness probe until it answers 200 UP; returns the time since the process started. Fails
     * at once, with the log, if the process exits first.
     */
    public Duration awaitReady() throws Exception {
        long startedAt = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            await().atMost(READY_DEADLINE).pollInterval(POLL_INTERVAL).pollInSameThread().until(() -> {
                if (!process.isAlive()) {
                    fail("the gateway exited with " + process.exitValue() + " before it was ready:\n" + output());
                }
                try {
                    HttpResponse<String> response = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200
                            && "UP".equals(JSON.readTree(response.body()).path("status").asText())) {
                        return true;
                    }
                    last.set(response.statusCode() + " " + response.body());
                } catch (IOException e) {
                    last.set(e.toString());
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            fail("not ready within " + READY_DEADLINE + " (last answer: " + last.get() + "):\n" + output());
        }
        return Duration.ofMillis(System.currentTimeMillis() - startedAt);
    }

    /** SIGTERM, then the exit code (at most STOP_DEADLINE). */
    public int stop() throws InterruptedException {
        process.destroy(); // SIGTERM on Linux
        if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the gateway did not stop within " + STOP_DEADLINE + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /** Kills it if a test left it running. */
    public void cleanUp() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it lingers (for try-with-resources and @AfterAll). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Everything the process wrote so far (stdout and stderr). */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Its log's ERROR lines, each with the exception line under it: what a failed assertion should show. */
    public String errors() throws IOException {
        StringBuilder errors = new StringBuilder();
        String[] lines = output().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" ERROR ")) {
                errors.append(lines[i]).append('\n');
                for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                    if (lines[j].contains("Exception")) {
                        errors.append("  ").append(lines[j]).append('\n');
                        break;
                    }
                }
            }
        }
        return errors.toString();
    }
}
