package vn.lienthong.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway defends its edges ({@code gateway.security.*}); described in config/README.md.
 *
 * @param strictWindow          strict systems: how far a signed timestamp may be from the gateway's clock, either
 *                              way; signed requests are remembered this long (twice, to cover both sides)
 * @param allowPlainHttp        whether the systems' APIs ({@code /vdxp/**}, {@code /services/**}) answer over plain
 *                              HTTP; the production profile sets false
 * @param trustedProxies        addresses of TLS-terminating proxies whose {@code X-Forwarded-Proto} and
 *                              {@code X-Forwarded-For} are believed; nobody else's are
 * @param allowInternalEndpoints whether an admin may point a push endpoint at the loopback or link-local range
 * @param loginFreeFailuresPerUser    failed logins of one user (system id or operator) before each further attempt
 *                              must wait (1 s, doubling, at most 5 minutes)
 * @param loginFreeFailuresPerAddress the same per client address
 */
@ConfigurationProperties("gateway.security")
public record SecurityProperties(
        @DefaultValue("5m") Duration strictWindow,
        @DefaultValue("true") boolean allowPlainHttp,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("false") boolean allowInternalEndpoints,
        @DefaultValue("5") int loginFreeFailuresPerUser,
        @DefaultValue("20") int loginFreeFailuresPerAddress) {
}
