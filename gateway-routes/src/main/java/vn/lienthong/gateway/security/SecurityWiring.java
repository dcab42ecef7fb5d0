package vn.lienthong.gateway.security;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.adapters.exchange.LoginThrottle;

/** Wires the gateway's edge defences: strict systems, the systems' transport and source checks, login throttling. */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityWiring {

    @Bean
    SystemPolicies systemPolicies(JdbcClient jdbc) {
        return new SystemPolicies(jdbc);
    }

    @Bean
    StrictRequests strictRequests(SystemPolicies policies, JdbcClient jdbc, SecurityProperties properties) {
        return new StrictRequests(policies, jdbc, properties.strictWindow(), Clock.systemUTC());
    }

    /**
     * Seals systems' secrets in the database; the key is {@code gateway.secrets.key} or the file
     * {@code gateway.secrets.key-file} (default {@code <data-dir>/secrets.key}, created by the embedded default only).
     */
    @Bean
    SecretCipher secretCipher(org.springframework.core.env.Environment environment,
                              vn.lienthong.gateway.config.GatewayProperties gateway) {
        boolean production = environment.acceptsProfiles(org.springframework.core.env.Profiles.of("production"));
        return SecretKeys.load(environment.getProperty("gateway.secrets.key"),
                environment.getProperty("gateway.secrets.key-file", gateway.dataDir().resolve("secrets.key").toString()),
                environment.getProperty("gateway.secrets.previous-key-file"), !production);
    }

    /** Seals, before the gateway takes requests, secrets stored in plain text or under the previous key. */
    @Bean
    org.springframework.beans.factory.SmartInitializingSingleton secretSealing(
            vn.lienthong.gateway.directory.DirectoryRepository directory) {
        return () -> {
            int sealed = directory.sealSecrets();
            if (sealed > 0) {
                org.slf4j.LoggerFactory.getLogger(SecurityWiring.class).info(
                        "Đã niêm phong lại {} khóa bí mật hệ thống (re-sealed {} system secrets)", sealed, sealed);
            }
        };
    }

    /** Failed logins of systems and operators, slowed down per user and per address. */
    @Bean
    LoginThrottle loginThrottle(SecurityProperties properties) {
        return new LoginThrottle(properties.loginFreeFailuresPerUser(), properties.loginFreeFailuresPerAddress(),
                java.time.Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SystemApiTransportFilter> systemApiTransportFilter(SecurityProperties properties,
                                                                             SystemPolicies policies) {
        FilterRegistrationBean<SystemApiTransportFilter> registration =
                new FilterRegistrationBean<>(new SystemApiTransportFilter(properties, policies));
        registration.addUrlPatterns("/vdxp/*", "/services/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security and any body parsing
        return registration;
    }
}
