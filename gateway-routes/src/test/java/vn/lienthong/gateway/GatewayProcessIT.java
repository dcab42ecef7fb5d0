package vn.lienthong.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.support.Http;

/**
 * The runnable jar as an operator runs it: {@code java -jar lienthong-gateway.jar --server.port=...
 * --gateway.data-dir=...}, started as a real process, stopped with SIGTERM, and started again on the
 * same data directory. Runs in the integration-test phase (maven-failsafe-plugin), after repackaging.
 */
class GatewayProcessIT {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Pattern NODE_ID = Pattern.compile("AMQ221001: .*nodeID=([0-9a-f-]+)");

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void startsStopsGracefullyOnSigtermAndRestartsOnTheSameDataDirectory() throws Exception {
        // set by maven-failsafe-plugin; surefire (e.g. a broad -Dtest pattern) would run before the
        // repackaging and test a stale jar. From an IDE: -Dgateway.jar=target/lienthong-gateway.jar
        String jarProperty = System.getProperty("gateway.jar");
        assumeTrue(jarProperty != null, "gateway.jar not set: runs in the integration-test phase (failsafe)");
        Path jar = Path.of(jarProperty).toAbsolutePath();
        assertThat(jar).as("the repackaged jar (run 'mvn package' first)").isRegularFile();
        Path dataDir = work.resolve("data");

        // first start: empty data directory, the sample directory gets loaded
        Path firstLog = work.resolve("first.log");
        int firstPort = Http.freePort();
        Process first = launch(jar, firstPort, dataDir, firstLog);
        Duration firstStartup = awaitReady(first, firstPort, firstLog);
        System.out.printf("[GatewayProcessIT] first start (empty data dir): ready after %d ms%n",
                firstStartup.toMillis());
        String firstOutput = read(firstLog);
        assertThat(firstOutput)
                .contains("Tomcat started on port " + firstPort)
                .contains("Đã nạp danh bạ", "5 cơ quan, 3 hệ thống")
                .contains("thư mục dữ liệu " + dataDir);

        Http.Response readiness = Http.getJson(firstPort, "/actuator/health/readiness");
        assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("UP");

        int firstExit = stop(first);
        String firstFinal = read(firstLog);
        System.out.printf("[GatewayProcessIT] first stop: exit code %d%n", firstExit);
        assertThat(firstExit).as(firstFinal).isIn(0, 143);
        assertThat(firstFinal)
                .contains("Cổng liên thông đang dừng")
                .contains("Commencing graceful shutdown")
                .contains("Graceful shutdown complete")
                .contains("(lienthong-gateway) shutdown in")
                .doesNotContain("ERROR");
        assertThat(dataDir.resolve("db/lienthong.mv.db")).isRegularFile();
        assertThat(dataDir.resolve("broker/journal")).isDirectory();

        // second start: same data directory, same database and broker journal
        Path secondLog = work.resolve("second.log");
        int secondPort = Http.freePort();
        Process second = launch(jar, secondPort, dataDir, secondLog);
        Duration secondStartup = awaitReady(second, secondPort, secondLog);
        System.out.printf("[GatewayProcessIT] restart on the same data dir: ready after %d ms%n",
                secondStartup.toMillis());
        String secondOutput = read(secondLog);
        assertThat(secondOutput)
                .contains("Danh bạ đã có 5 cơ quan")
                .doesNotContain("Đã nạp danh bạ");
        assertThat(nodeId(secondOutput)).as("the broker's node id is kept in its journal")
                .isEqualTo(nodeId(firstFinal));

        int secondExit = stop(second);
        assertThat(secondExit).as(read(secondLog)).isIn(0, 143);
        assertThat(read(secondLog)).contains("Graceful shutdown complete");
    }

    private Process launch(Path jar, int port, Path dataDir, Path logFile) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-jar", jar.toString(),
                "--server.port=" + port,
                "--gateway.data-dir=" + dataDir);
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        started.add(process);
        return process;
    }

    /** Polls the readiness probe until it answers 200 UP; returns the time since the process started. */
    private Duration awaitReady(Process process, int port, Path logFile) throws Exception {
        long startedAt = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the gateway exited with " + process.exitValue() + " before it was ready:\n" + read(logFile));
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
        fail("not ready within " + READY_DEADLINE + " (last answer: " + last + "):\n" + read(logFile));
        return Duration.ZERO;
    }

    /** SIGTERM, then the exit code (at most STOP_DEADLINE). */
    private static int stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM on Linux
        if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the gateway did not stop within " + STOP_DEADLINE + " of SIGTERM");
        }
        return process.exitValue();
    }

    private static String nodeId(String output) {
        Matcher m = NODE_ID.matcher(output);
        assertThat(m.find()).as("Artemis start line with the node id").isTrue();
        return m.group(1);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
