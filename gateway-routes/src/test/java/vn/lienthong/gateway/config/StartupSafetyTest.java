package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import vn.lienthong.gateway.GatewayApplication;
import vn.lienthong.gateway.support.OwnPki;

/**
 * Starts the gateway application the way an operator would, with settings that would run production on the
 * sample PKI or with a plain-text operator password, and sees each start refused with the setting named, before
 * anything connects to a database or a broker (none is running here).
 */
class StartupSafetyTest {

    @TempDir
    static Path work;
    static OwnPki own;

    @BeforeAll
    static void ownPki() {
        own = OwnPki.create(work.resolve("pki"));
    }

    private static Throwable start(String profile, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--gateway.data-dir=" + work.resolve("data"),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere", "--spring.datasource.password=x",
                "--spring.artemis.password=x"));
        args.addAll(List.of(arguments));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(GatewayApplication.class);
        if (profile != null) {
            builder.profiles(profile);
        }
        return org.assertj.core.api.Assertions.catchThrowable(() -> builder.run(args.toArray(String[]::new)).close());
    }

    private static String[] ownWith(String... overrides) {
        // a repeated command-line argument is joined with commas: leave out the ones overridden
        List<String> args = new ArrayList<>(List.of(own.productionArguments()));
        for (String override : overrides) {
            String key = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(override);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void productionWithoutTrustSettingsIsRefusedNamingTheFirstMissing() {
        assertThat(start("production"))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.intake.trust-anchors")
                .hasMessageContaining("production");
    }

    @Test
    void productionWithTheSampleEvidenceKeyIsRefusedNamingIt() {
        assertThat(start("production", ownWith("--gateway.evidence.keystore=classpath:vn/lienthong/certs/sample/gateway.p12",
                "--gateway.evidence.password=lienthong-sample")))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.evidence.keystore")
                .hasMessageContaining("PKI mẫu");
    }

    @Test
    void productionWithACopyOfTheSampleCaOutsideTheJarIsRefusedByFingerprint() throws Exception {
        Path copy = work.resolve("copied-ca.pem");
        try (InputStream in = getClass().getResourceAsStream("/vn/lienthong/certs/sample/ca-bundle.pem")) {
            Files.copy(in, copy);
        }
        assertThat(start("production", ownWith("--gateway.evidence.trust-anchors=file:" + copy)))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.evidence.trust-anchors")
                .hasMessageContaining("holds a certificate of the sample PKI");
    }

    @Test
    void productionWithTheSampleCrlsIsRefused() {
        assertThat(start("production", ownWith("--gateway.trust.crls=classpath:vn/lienthong/certs/sample/agency-ca.crl.der")))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.trust.crls");
    }

    @Test
    void productionIgnoresTheTestsAllowance() {
        assertThat(start("production", ownWith("--gateway.allow-sample-pki=true",
                "--gateway.intake.trust-anchors=classpath:vn/lienthong/certs/sample/ca-bundle.pem")))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.intake.trust-anchors");
    }

    @Test
    void aPostgresDatabaseWithoutTheProductionProfileStillRefusesTheSamplePki() {
        assertThat(start(null, "--gateway.allow-sample-pki=false"))
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.intake.trust-anchors")
                .hasMessageContaining("non-H2 database");
    }

    @Test
    void productionWithItsOwnPkiPassesTheCheckAndFailsOnlyLaterOnTheMissingDatabase() {
        Throwable failure = start("production", own.productionArguments());
        assertThat(failure).isNotNull().isNotInstanceOf(StartupSafetyCheck.UnsafeStartException.class);
    }

    @Test
    void aPlainTextOperatorPasswordIsRefusedInEveryProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
                "--gateway.data-dir=" + work.resolve("h2"),
                "--gateway.operators.users[0].username=admin", "--gateway.operators.users[0].password={noop}admin",
                "--gateway.operators.users[0].role=ADMIN").close())
                .isInstanceOf(StartupSafetyCheck.UnsafeStartException.class)
                .hasMessageContaining("gateway.operators.users[0].password")
                .hasMessageContaining("{noop}");
    }
}
