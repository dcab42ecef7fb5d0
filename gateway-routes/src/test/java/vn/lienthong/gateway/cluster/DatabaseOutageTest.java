package vn.lienthong.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.support.Await;
import vn.lienthong.gateway.support.GatewayTest;
import vn.lienthong.gateway.support.Http;
import vn.lienthong.gateway.support.Packets;
import vn.lienthong.gateway.support.SampleSystems;

/**
 * PostgreSQL stopped under a running gateway, with the production profile's connection pool settings (read
 * from the shipped {@code application-production.yml}): readiness answers 503 within its bound instead of
 * hanging, a submission is refused with code 20 as quickly, and both are back once PostgreSQL is.
 */
class DatabaseOutageTest extends GatewayTest {

    /** What a load balancer's probe waits at most (README: time-out 5 s). */
    private static final Duration PROBE_BOUND = Duration.ofSeconds(5);

    private static int postgresPort;
    private static Path postgresDir;
    private static volatile EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgresPort = Http.freePort();
        postgresDir = Files.createTempDirectory("lienthong-db-outage");
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE outage");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(DatabaseOutageTest::removePostgres));
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + postgresPort + "/outage");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(Path.of(System.getProperty("user.dir")).resolveSibling("config")
                .resolve("application-production.yml")));
        Properties production = yaml.getObject();
        assertThat(production).containsKey("spring.datasource.hikari.connection-timeout");
        production.forEach((name, value) -> {
            if (name.toString().startsWith("spring.datasource.hikari.")) {
                registry.add(name.toString(), () -> value);
            }
        });
    }

    @Test
    void withPostgresStoppedReadinessAnswers503AndIntakeCode20QuicklyThenBothComeBack() throws Exception {
        assertThat(readiness().statusCode()).isEqualTo(200);
        assertThat(send().ok()).isTrue();

        postgres.close();

        for (int probe = 1; probe <= 3; probe++) {
            long started = System.nanoTime();
            HttpResponse<String> down = readiness();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("[DatabaseOutageTest] readiness probe %d with PostgreSQL stopped: HTTP %d in %d ms%n",
                    probe, down.statusCode(), took.toMillis());
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("\"db\":{\"status\":\"DOWN\"");
            assertThat(took).isLessThan(PROBE_BOUND);
        }
        long started = System.nanoTime();
        VdxpClient.Answer refused = send();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[DatabaseOutageTest] submission with PostgreSQL stopped: code %s in %d ms%n",
                refused.errorCode(), took.toMillis());
        assertThat(refused.errorCode()).as(refused.json().toString()).isEqualTo("20");
        assertThat(took).isLessThan(PROBE_BOUND);

        postgres = startPostgres();
        Await.until(Duration.ofSeconds(30), () -> readiness().statusCode(), status -> status == 200);
        assertThat(send().ok()).as("intake is back").isTrue();
    }

    private HttpResponse<String> readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private VdxpClient.Answer send() throws Exception {
        Path packet = Packets.document(work, "test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml", Packets.TINH_UY,
                List.of(Packets.UBND), newDocumentId(Packets.TINH_UY, "-CV/DB"));
        return SampleSystems.tinhUy(port).sendEdoc(packet, "edoc", Packets.TINH_UY);
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(postgresPort).setDataDirectory(postgresDir)
                .setCleanDataDirectory(false).start();
    }

    private static void removePostgres() {
        try {
            postgres.close();
            FileSystemUtils.deleteRecursively(postgresDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
