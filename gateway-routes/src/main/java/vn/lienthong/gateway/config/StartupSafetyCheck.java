package vn.lienthong.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.lienthong.gateway.operator.OperatorProperties;

/**
 * Refuses a start that would run production on the sample PKI or with plain-text operator passwords, before
 * any bean reads a key. Runs once the environment is complete (test property sources included).
 *
 * <p>Operator passwords must be encoded hashes ({@code {bcrypt}...}), always. Trust and key settings are checked
 * when the production profile is active or the database is not the embedded H2: each must be set, must not be a
 * resource of the sample PKI, and must not hold a certificate of the sample set. Outside the production profile,
 * {@code gateway.allow-sample-pki=true} lets a test or demo run the sample PKI on PostgreSQL.
 */
public class StartupSafetyCheck implements ApplicationListener<ApplicationPreparedEvent> {

    /** Where the sample PKI lives on the classpath (the embedded default's data, module certs-sample). */
    static final String SAMPLE_PATH = "vn/lienthong/certs/sample/";
    static final String ALLOW_SAMPLE = "gateway.allow-sample-pki";

    private static final List<String> CERTIFICATE_SETTINGS = List.of(
            "gateway.intake.trust-anchors", "gateway.evidence.trust-anchors");
    private static final List<String> PASSWORD_PREFIXES = List.of(
            "{bcrypt}", "{argon2@SpringSecurity_v5_8}", "{argon2}", "{scrypt@SpringSecurity_v5_8}", "{scrypt}",
            "{pbkdf2@SpringSecurity_v5_8}", "{pbkdf2}");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        check(event.getApplicationContext().getEnvironment(), event.getApplicationContext());
    }

    static void check(ConfigurableEnvironment environment, ResourceLoader resources) {
        checkOperatorPasswords(environment);
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        String databaseUrl = environment.getProperty("spring.datasource.url", "");
        boolean embeddedDatabase = databaseUrl.startsWith("jdbc:h2:");
        if (!production && embeddedDatabase) {
            return;
        }
        if (!production && environment.getProperty(ALLOW_SAMPLE, Boolean.class, false)) {
            return;
        }
        String why = production ? "hồ sơ production (production profile)"
                : "cơ sở dữ liệu không phải H2 nhúng (a non-H2 database: " + databaseUrl + ")";
        new TrustSettings(environment, resources, why).check();
    }

    private static void checkOperatorPasswords(ConfigurableEnvironment environment) {
        List<OperatorProperties.User> users = Binder.get(environment)
                .bind("gateway.operators.users", Bindable.listOf(OperatorProperties.User.class))
                .orElse(List.of());
        for (int i = 0; i < users.size(); i++) {
            String password = users.get(i).password() == null ? "" : users.get(i).password();
            if (PASSWORD_PREFIXES.stream().noneMatch(password::startsWith)) {
                throw new UnsafeStartException("gateway.operators.users[" + i + "].password",
                        "mật khẩu của " + users.get(i).username() + " phải là mã băm {bcrypt}..., không phải văn bản"
                                + " rõ ({noop}) (must be an encoded hash such as {bcrypt}$2a$..., never plain text)");
            }
        }
    }

    /** The trust and key settings of one start, checked against the sample PKI. */
    private static final class TrustSettings {
        private final ConfigurableEnvironment environment;
        private final ResourceLoader resources;
        private final String why;
        private Set<String> sampleFingerprints;

        TrustSettings(ConfigurableEnvironment environment, ResourceLoader resources, String why) {
            this.environment = environment;
            this.resources = resources;
            this.why = why;
        }

        void check() {
            for (String setting : CERTIFICATE_SETTINGS) {
                String location = required(setting);
                refuseSampleCertificates(setting, location, pemCertificates(setting, location));
            }
            List<String> crls = Binder.get(environment).bind("gateway.trust.crls", Bindable.listOf(String.class))
                    .orElse(List.of());
            for (String crl : crls) {
                refuseSampleLocation("gateway.trust.crls", crl.trim());
            }
            String keystore = required("gateway.evidence.keystore");
            required("gateway.evidence.password");
            refuseSampleCertificates("gateway.evidence.keystore", keystore,
                    keyStoreCertificates(keystore, environment.getProperty("gateway.evidence.password", "")));
            if (environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
                for (String store : List.of("key-store", "trust-store")) {
                    String location = environment.getProperty("server.ssl." + store, "");
                    if (!location.isBlank()) {
                        refuseSampleCertificates("server.ssl." + store, location, keyStoreCertificates(location,
                                environment.getProperty("server.ssl." + store + "-password", "")));
                    }
                }
            }
        }

        private String required(String setting) {
            String value = environment.getProperty(setting, "").trim();
            if (value.isEmpty()) {
                throw new UnsafeStartException(setting, "bắt buộc với " + why + " (required)");
            }
            return value;
        }

        private void refuseSampleLocation(String setting, String location) {
            if (location.replace('\\', '/').contains(SAMPLE_PATH)) {
                throw new UnsafeStartException(setting, "trỏ vào PKI mẫu " + location + " (" + why
                        + "): khóa của PKI mẫu là công khai (points at the sample PKI, whose keys are public)");
            }
        }

        private void refuseSampleCertificates(String setting, String location, List<X509Certificate> certificates) {
            refuseSampleLocation(setting, location);
            Set<String> sample = sampleFingerprints();
            for (X509Certificate certificate : certificates) {
                if (sample.contains(fingerprint(certificate))) {
                    throw new UnsafeStartException(setting, location + " chứa chứng thư của PKI mẫu "
                            + certificate.getSubjectX500Principal().getName() + " (" + why
                            + ") (holds a certificate of the sample PKI)");
                }
            }
        }

        private List<X509Certificate> pemCertificates(String setting, String location) {
            try (InputStream in = resources.getResource(location).getInputStream()) {
                return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(X509Certificate.class::cast).toList();
            } catch (IOException | GeneralSecurityException e) {
                throw new UnsafeStartException(setting, "không đọc được " + location + " (cannot read it): "
                        + e.getMessage());
            }
        }

        /** Every certificate of a PKCS#12 store; none when it cannot be opened (its user reports that). */
        private List<X509Certificate> keyStoreCertificates(String location, String password) {
            List<X509Certificate> certificates = new ArrayList<>();
            try (InputStream in = resources.getResource(location).getInputStream()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                for (String alias : Collections.list(store.aliases())) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    List<Certificate> all = new ArrayList<>(chain == null ? List.of() : Arrays.asList(chain));
                    if (store.getCertificate(alias) != null) {
                        all.add(store.getCertificate(alias));
                    }
                    all.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                            .forEach(certificates::add);
                }
            } catch (IOException | GeneralSecurityException e) {
                return List.of();
            }
            return certificates;
        }

        /** The SHA-256 of every certificate the sample PKI on the classpath holds (none when it is absent). */
        private Set<String> sampleFingerprints() {
            if (sampleFingerprints == null) {
                Set<String> fingerprints = new HashSet<>();
                try {
                    Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                            .getResources("classpath*:" + SAMPLE_PATH + "*.cert.pem");
                    CertificateFactory factory = CertificateFactory.getInstance("X.509");
                    for (Resource file : files) {
                        try (InputStream in = file.getInputStream()) {
                            for (Certificate certificate : factory.generateCertificates(in)) {
                                fingerprints.add(fingerprint((X509Certificate) certificate));
                            }
                        }
                    }
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException("cannot read the sample PKI's certificates", e);
                }
                sampleFingerprints = fingerprints;
            }
            return sampleFingerprints;
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
                    .toLowerCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A start refused for safety; {@link #setting()} names what to change. */
    public static final class UnsafeStartException extends RuntimeException {
        private final String setting;

        UnsafeStartException(String setting, String reason) {
            super("Cổng liên thông không khởi động (refusing to start): " + setting + ": " + reason);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
