package vn.lienthong.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.DirectorySeeder;
import vn.lienthong.gateway.directory.Side;
import vn.lienthong.gateway.directory.SignaturePolicy;
import vn.lienthong.gateway.directory.SystemAccount;
import vn.lienthong.gateway.support.Http;
import vn.lienthong.gateway.support.GatewayTest;

/**
 * The embedded default run, started by Spring in this JVM on a temporary data directory and
 * probed over real HTTP. The tests run in order: the last one has Spring close this context and start a
 * second one on the same data directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayReadinessTest extends GatewayTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DirectoryRepository directory;

    @Autowired
    DirectorySeeder seeder;

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    @Order(1)
    void readinessIsUpWithDatabaseAndBroker() throws Exception {
        Http.Response readiness = Http.getJson(port, "/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("broker").path("details").path("mode").asText())
                .isEqualTo("embedded");
        assertThat(readiness.json().path("components").path("readinessState").path("status").asText())
                .isEqualTo("UP");
    }

    /** The statements of a document's trip are parsed once per connection, not at every use. */
    @Test
    @Order(1)
    void theEmbeddedDatabaseKeepsParsedStatements() {
        assertThat(JdbcClient.create(dataSource).sql(
                "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'QUERY_CACHE_SIZE'")
                .query(Integer.class).single()).isEqualTo(256);
    }

    @Test
    @Order(2)
    void livenessIsUpAndDependsOnNeitherDatabaseNorBroker() throws Exception {
        Http.Response liveness = Http.getJson(port, "/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
        assertThat(liveness.json().path("components").has("db")).isFalse();
        assertThat(liveness.json().path("components").has("broker")).isFalse();
    }

    @Test
    @Order(3)
    void sampleDirectoryIsSeeded() {
        assertThat(seeder.lastResult().outcome()).isEqualTo(DirectorySeeder.Outcome.LOADED);
        assertThat(seeder.lastResult().agencies()).isEqualTo(5);
        assertThat(seeder.lastResult().systems()).isEqualTo(3);

        assertThat(directory.listAgencies()).extracting(Agency::code).containsExactly(
                "000.00.00.D41", "000.00.00.G22", "000.00.00.H41", "000.00.01.D41", "000.00.05.H41");
        Agency tinhUy = directory.findAgency("000.00.00.D41").orElseThrow();
        assertThat(tinhUy.name()).isEqualTo("Văn phòng Tỉnh ủy Nghệ An (mẫu)");
        assertThat(tinhUy.side()).isEqualTo(Side.PARTY);
        assertThat(tinhUy.deliveryMode()).isEqualTo(DeliveryMode.PULL);
        assertThat(tinhUy.signaturePolicy()).isEqualTo(SignaturePolicy.IF_PRESENT);
        assertThat(tinhUy.enabled()).isTrue();
        assertThat(tinhUy.createdAt()).isNotNull();
        assertThat(directory.findAgency("000.00.00.G22").orElseThrow().side()).isEqualTo(Side.STATE);

        assertThat(directory.listSystems()).extracting(SystemAccount::systemId)
                .containsExactly("qlvb-tinhuy", "qlvb-ubnd", "vpcp");
        SystemAccount ubnd = directory.findSystem("qlvb-ubnd").orElseThrow();
        assertThat(ubnd.secret()).isEqualTo("ubnd-secret-2026");
        assertThat(ubnd.agencyCodes()).containsExactly("000.00.00.H41", "000.00.05.H41");
        assertThat(ubnd.mayActFor("000.00.05.H41")).isTrue();
        assertThat(ubnd.mayActFor("000.00.00.D41")).isFalse();
        assertThat(ubnd.toString()).doesNotContain("ubnd-secret-2026");
        assertThat(directory.findSystem("qlvb-tinhuy").orElseThrow().agencyCodes())
                .containsExactly("000.00.00.D41", "000.00.01.D41");
        assertThat(directory.findSystem("vpcp").orElseThrow().secret()).isEqualTo("vpcp-secret-2026");
        assertThat(directory.findSystem("nobody")).isEmpty();
        assertThat(directory.findAgency("000.00.99.X99")).isEmpty();
    }

    @Test
    @Order(4)
    void everythingLivesUnderTheDataDirectory() {
        assertThat(dataDir.resolve("db/lienthong.mv.db")).isRegularFile();
        assertThat(dataDir.resolve("broker/journal")).isDirectory();
        assertThat(dataDir.resolve("broker/bindings")).isDirectory();
        assertThat(dataDir.resolve("tomcat")).isDirectory();

        ActiveMQServer server = broker.getActiveMQServer();
        assertThat(server.getConfiguration().isPersistenceEnabled()).isTrue();
        assertThat(server.getConfiguration().getJournalLocation().toPath())
                .isEqualTo(dataDir.resolve("broker/journal"));
    }

    @Test
    @Order(5)
    void brokerUsesTheGatewayRedeliveryPolicy() {
        AddressSettings settings = broker.getActiveMQServer().getAddressSettingsRepository()
                .getMatch("gateway.some.queue");
        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo("DLQ");
        assertThat(settings.getExpiryAddress().toString()).isEqualTo("ExpiryQueue");
        assertThat(settings.getRedeliveryDelay()).isEqualTo(5_000L);
        assertThat(settings.getRedeliveryMultiplier()).isEqualTo(2.0);
        assertThat(settings.getMaxRedeliveryDelay()).isEqualTo(900_000L);
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(12);

        AddressSettings deadLetters = broker.getActiveMQServer().getAddressSettingsRepository().getMatch("DLQ");
        assertThat(deadLetters.getMaxDeliveryAttempts()).isEqualTo(-1);
    }

    @Test
    @Order(6)
    void readinessGoesDownWhenTheBrokerStops() throws Exception {
        // a change the restart below must find again
        JdbcClient.create(dataSource)
                .sql("UPDATE agencies SET name = ? WHERE code = ?")
                .params("Sở Nội vụ (đã sửa)", "000.00.05.H41")
                .update();

        broker.stop();

        Http.Response readiness = Http.getJson(port, "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        // liveness does not follow: restarting the process would not bring a broker back
        assertThat(Http.getJson(port, "/actuator/health/liveness").status()).isEqualTo(200);
    }

    /** Spring closes the context above and starts a new one with the same data directory. */
    @Test
    @Order(7)
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
    void aRestartOnTheSameDataDirectoryKeepsTheDataAndDoesNotSeedAgain() throws Exception {
        assertThat(seeder.lastResult().outcome()).isEqualTo(DirectorySeeder.Outcome.ALREADY_PRESENT);
        assertThat(directory.countAgencies()).isEqualTo(5);
        assertThat(directory.countSystems()).isEqualTo(3);
        assertThat(directory.findAgency("000.00.05.H41").orElseThrow().name()).isEqualTo("Sở Nội vụ (đã sửa)");

        Http.Response readiness = Http.getJson(port, "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("broker").path("status").asText()).isEqualTo("UP");
    }
}
