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
