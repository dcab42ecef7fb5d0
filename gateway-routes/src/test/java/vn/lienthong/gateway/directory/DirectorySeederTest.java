package vn.lienthong.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seeder's choices and its errors, on an in-memory H2 in PostgreSQL mode with the real migrations. */
class DirectorySeederTest {

    @TempDir
    Path dir;

    DataSource dataSource;
    DirectoryRepository repository;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        repository = new DirectoryRepository(JdbcClient.create(dataSource),
                new vn.lienthong.gateway.security.SecretCipher(new byte[32], java.util.List.of()));
    }

    private DirectorySeeder seeder(String location) {
        return new DirectorySeeder(repository, new DataSourceTransactionManager(dataSource),
                new DefaultResourceLoader(), location);
    }

    @Test
    void anEmptyLocationDisablesSeeding() {
        assertThat(seeder("").seed().outcome()).isEqualTo(DirectorySeeder.Outcome.DISABLED);
        assertThat(seeder(null).seed().outcome()).isEqualTo(DirectorySeeder.Outcome.DISABLED);
        assertThat(repository.countAgencies()).isZero();
    }

    @Test
    void loadsAFileUrlWithDefaultsAndPushAgencies() throws Exception {
        Path file = dir.resolve("directory.yml");
        Files.writeString(file, """
                directory:
                  agencies:
                    - code: "000.00.00.A01"
                      name: "Cơ quan A"
                      side: state
                    - code: "000.00.00.B01"
                      name: "Cơ quan B"
                      side: PARTY
                      delivery-mode: PUSH_SOAP
                      push-endpoint: "https://b.example/soap"
                      signature-policy: REQUIRED
                      enabled: false
                  systems:
                    - system-id: "sys-a"
                      name: "Hệ thống A"
                      secret: "s3cret"
                      agencies: ["000.00.00.A01", "000.00.00.B01"]
                """);

        DirectorySeeder.Result result = seeder(file.toUri().toString()).seed();

        assertThat(result.outcome()).isEqualTo(DirectorySeeder.Outcome.LOADED);
        Agency a = repository.findAgency("000.00.00.A01").orElseThrow();
        assertThat(a.side()).isEqualTo(Side.STATE);
        assertThat(a.deliveryMode()).isEqualTo(DeliveryMode.PULL);
        assertThat(a.signaturePolicy()).isEqualTo(SignaturePolicy.IF_PRESENT);
        assertThat(a.enabled()).isTrue();
        Agency b = repository.findAgency("000.00.00.B01").orElseThrow();
        assertThat(b.deliveryMode()).isEqualTo(DeliveryMode.PUSH_SOAP);
        assertThat(b.pushEndpoint()).isEqualTo("https://b.example/soap");
        assertThat(b.signaturePolicy()).isEqualTo(SignaturePolicy.REQUIRED);
        assertThat(b.enabled()).isFalse();
        assertThat(repository.findSystem("sys-a").orElseThrow().agencyCodes())
                .containsExactly("000.00.00.A01", "000.00.00.B01");
    }

    @Test
    void aRetiredCodeIsLoadedWithItsSuccessorAndABadSuccessorIsRejected() throws Exception {
        Path file = dir.resolve("retired.yml");
        Files.writeString(file, """
                directory:
                  agencies:
                    - code: "000.00.00.H57"
                      name: "UBND thành phố Huế"
                      side: STATE
                    - code: "000.00.00.H46"
                      name: "UBND tỉnh Thừa Thiên Huế (mã cũ)"
                      side: STATE
                      retired-successor: "000.00.00.H57"
                      retired-documents: REFUSE
                """);
        assertThat(seeder(file.toUri().toString()).seed().outcome()).isEqualTo(DirectorySeeder.Outcome.LOADED);
        AgencyRetirements retirements = new AgencyRetirements(JdbcClient.create(dataSource),
                new DataSourceTransactionManager(dataSource), AgencyRetirements.OnDocument.FORWARD);
        AgencyRetirements.Retirement retired = retirements.find("000.00.00.H46").orElseThrow();
        assertThat(retired.successorCode()).isEqualTo("000.00.00.H57");
        assertThat(retirements.onDocument(retired)).isEqualTo(AgencyRetirements.OnDocument.REFUSE);
        assertThat(retirements.find("000.00.00.H57")).isEmpty();

        database();
        Path bad = dir.resolve("retired-bad.yml");
        Files.writeString(bad, """
                directory:
                  agencies:
                    - code: "000.00.00.H46"
                      name: "UBND tỉnh Thừa Thiên Huế (mã cũ)"
                      side: STATE
                      retired-successor: "000.00.00.H99"
                """);
        assertThatThrownBy(() -> seeder(bad.toUri().toString()).seed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retired-successor");
        assertThat(repository.countAgencies()).isZero();
    }

    @Test
    void anInvalidFileIsRejectedWithAClearMessageAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                directory:
                  agencies:
                    - code: "000.00.00.A01"
                      name: "Cơ quan A"
                      side: STATE
                  systems:
                    - system-id: "sys-a"
                      name: "Hệ thống A"
                      secret: "s3cret"
                      agencies: ["000.00.00.A01", "000.00.00.ZZZ"]
                """);

        assertThatThrownBy(() -> seeder(file.toUri().toString()).seed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("không có trong danh bạ")
                .hasMessageContaining("000.00.00.ZZZ");
        assertThat(repository.countAgencies()).isZero();
    }

    @Test
    void aPushAgencyWithoutEndpointOrAnUnknownSideIsRejected() throws Exception {
        Path noEndpoint = dir.resolve("push.yml");
        Files.writeString(noEndpoint, """
                directory:
                  agencies:
                    - { code: "000.00.00.A01", name: "A", side: STATE, delivery-mode: PUSH_REST }
                """);
        assertThatThrownBy(() -> seeder(noEndpoint.toUri().toString()).seed())
                .hasMessageContaining("push-endpoint");

        Path badSide = dir.resolve("side.yml");
        Files.writeString(badSide, """
                directory:
                  agencies:
                    - { code: "000.00.00.A01", name: "A", side: CITY }
                """);
        assertThatThrownBy(() -> seeder(badSide.toUri().toString()).seed())
                .hasMessageContaining("không hợp lệ")
                .hasMessageContaining("side");
        assertThat(repository.countAgencies()).isZero();
    }

    @Test
    void aMissingFileFailsClearly() {
        assertThatThrownBy(() -> seeder("file:/nonexistent/directory.yml").seed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Không tìm thấy tệp danh bạ");
    }
}
