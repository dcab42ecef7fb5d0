package vn.lienthong.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Artemis broker as a separate process, made the way config/broker/README.md tells an operator:
 * {@code artemis create} from the distribution (unpacked by the build into target/, {@code artemis.home}), the
 * project's broker XML in place of the generated one, its settings as system properties, {@code artemis run}.
 */
public final class ArtemisBroker {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Path instance;
    private final Map<String, String> properties;
    private Process process;
    private Path log;
    private int starts;

    private ArtemisBroker(Path instance, Map<String, String> properties) {
        this.instance = instance;
        this.properties = properties;
    }

    /** The unpacked distribution, or null when not run by failsafe. */
    public static Path home() {
        String property = System.getProperty("artemis.home");
        return property == null ? null : Path.of(property);
    }

    /**
     * Creates an instance in {@code instance} with the gateway's user, then puts {@code brokerXml} (one of
     * config/broker/) in its etc/.
     */
    public static ArtemisBroker create(Path home, Path instance, Path brokerXml, String user, String password,
                                       Map<String, String> properties) throws Exception {
        Process create = new ProcessBuilder("bash", home.resolve("bin/artemis").toString(), "create", "--silent",
                "--user", user, "--password", password, "--role", "lienthong", "--require-login", "--nio",
                "--no-web", "--no-autotune", "--host", "127.0.0.1", instance.toString())
                .redirectErrorStream(true).redirectOutput(instance.resolveSibling(instance.getFileName() + "-create.log")
                        .toFile())
                .start();
        assertThat(create.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("artemis create finished").isTrue();
        assertThat(create.exitValue()).as("artemis create").isZero();
        Files.copy(brokerXml, instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
        return new ArtemisBroker(instance, properties);
    }

    /** {@code artemis run}, with a small heap; returns at once (see {@link #awaitLog}). */
    public void start() throws IOException {
        starts++;
        log = instance.resolve("log/run-" + starts + ".log");
        Files.createDirectories(log.getParent());
        StringBuilder append = new StringBuilder();
        properties.forEach((name, value) -> append.append(" -D").append(name).append('=').append(value));
        ProcessBuilder builder = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_ARGS", "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        builder.environment().put("JAVA_ARGS_APPEND", append.toString().trim());
        process = builder.start();
    }

    /** Waits until the current run's log has a line containing {@code text} (e.g. AMQ221007 "now active"). */
    public void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                fail("the broker exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(100); // polling the log, bounded by the deadline
        }
        fail("no '" + text + "' in " + log + " within " + DEADLINE + ":\n" + Files.readString(log));
    }

    /** Whether the current run's log has {@code text}. */
    public boolean logged(String text) throws IOException {
        return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public List<String> logLines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
