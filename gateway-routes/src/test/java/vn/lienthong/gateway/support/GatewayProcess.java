package vn.lienthong.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar started as a real process, as an operator runs it; for tests of the integration-test
 * phase (maven-failsafe-plugin sets {@code gateway.jar} after repackaging).
 */
public final class GatewayProcess {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

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
        return property == null ? null : Path.of(property).toAbsolutePath();
    }

    /** Starts {@code java -jar} on a free port with the given data directory and extra arguments. */
    public static GatewayProcess launch(Path jar, Path workDir, Path dataDir, Path log, String... extraArgs)
            throws IOException {
        return launch(jar, workDir, dataDir, log, Http.freePort(), extraArgs);
    }

    /** The same on a given port (a gateway started again where others expect it). */
    public static GatewayProcess launch(Path jar, Path workDir, Path dataDir, Path log, int port, String... extraArgs)
            throws IOException {
        assertThat(jar).as("the repackaged jar (run 'mvn package' first)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(),
                "--server.port=" + port, "--gateway.data-dir=" + dataDir));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new GatewayProcess(process, port, log);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Polls the readiness probe until it answers 200 UP; returns the time since the process started. */
    public Duration awaitReady() throws Exception {
        long startedAt = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the gateway exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                Http.Response response = Http.getJson(port, "/actuator/health/readiness");
                if (response.status() == 200 && "UP".equals(response.json().path("status").asText())) {
                    return Duration.ofMillis(System.currentTimeMillis() - startedAt);
                }
                last = response.status() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL_INTERVAL.toMillis()); // polling a condition, bounded by the deadline
        }
        fail("not ready within " + READY_DEADLINE + " (last answer: " + last + "):\n" + output());
        return Duration.ZERO;
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
