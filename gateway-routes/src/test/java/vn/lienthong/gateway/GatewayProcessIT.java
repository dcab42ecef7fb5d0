package vn.lienthong.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.testsupport.GatewayProcess;
import vn.lienthong.gateway.support.Http;

/**
 * The runnable jar as an operator runs it: {@code java -jar lienthong-gateway.jar --server.port=...
 * --gateway.data-dir=...}, started as a real process, stopped with SIGTERM, and started again on the
 * same data directory. Runs in the integration-test phase (maven-failsafe-plugin), after repackaging.
 */
class GatewayProcessIT {

    private static final Pattern NODE_ID = Pattern.compile("AMQ221001: .*nodeID=([0-9a-f-]+)");

    @TempDir
    Path work;

    private final List<GatewayProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (GatewayProcess process : started) {
            process.cleanUp();
        }
    }

    private GatewayProcess launch(Path jar, Path dataDir, Path log) throws IOException {
        GatewayProcess process = GatewayProcess.launch(jar, work, dataDir, log);
        started.add(process);
        return process;
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
        GatewayProcess first = launch(jar, dataDir, firstLog);
        int firstPort = first.port();
        Duration firstStartup = first.awaitReady();
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

        int firstExit = first.stop();
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
        GatewayProcess second = launch(jar, dataDir, secondLog);
        Duration secondStartup = second.awaitReady();
        System.out.printf("[GatewayProcessIT] restart on the same data dir: ready after %d ms%n",
                secondStartup.toMillis());
        String secondOutput = read(secondLog);
        assertThat(secondOutput)
                .contains("Danh bạ đã có 5 cơ quan")
                .doesNotContain("Đã nạp danh bạ");
        assertThat(nodeId(secondOutput)).as("the broker's node id is kept in its journal")
                .isEqualTo(nodeId(firstFinal));

        int secondExit = second.stop();
        assertThat(secondExit).as(read(secondLog)).isIn(0, 143);
        assertThat(read(secondLog)).contains("Graceful shutdown complete");
    }

    @Test
    void theJarRefusesAProductionStartOnTheSamplePkiAndNamesTheSetting() throws Exception {
        Path jar = GatewayProcess.jar();
        assumeTrue(jar != null, "gateway.jar not set: runs in the integration-test phase (failsafe)");
        Path log = work.resolve("production.log");
        GatewayProcess process = GatewayProcess.launch(jar, work, work.resolve("data"), log,
                "--spring.profiles.active=production", "--spring.datasource.password=x", "--spring.artemis.password=x",
                "--gateway.intake.trust-anchors=classpath:vn/lienthong/certs/sample/ca-bundle.pem");
        started.add(process);
        assertThat(process.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.process().exitValue()).isNotZero();
        assertThat(read(log)).contains("APPLICATION FAILED TO START")
                .contains("gateway.intake.trust-anchors: trỏ vào PKI mẫu");
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
