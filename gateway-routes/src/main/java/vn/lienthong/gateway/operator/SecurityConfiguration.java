package vn.lienthong.gateway.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two worlds that never open each other: the document systems' APIs ({@code /vdxp/**}, {@code /services/**})
 * authenticate systems themselves (HMAC, HTTP Basic against the directory) and are left alone here; every
 * other path belongs to operators, who log in with a form (console, CSRF-protected) or HTTP Basic (CLI,
 * scripts), with the roles VIEWER &lt; OPERATOR &lt; ADMIN.
 */
@Configuration
@EnableConfigurationProperties(OperatorProperties.class)
public class SecurityConfiguration {

    /**
     * No observation (a long-task timer and counters) around each security filter: it was half of an empty inbox
     * poll's CPU. Requests are still timed once each by Spring MVC ({@code http.server.requests}).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The systems' APIs: their adapters authenticate each call; no operator session or login applies. */
    @Bean
    @Order(1)
    SecurityFilterChain systemApis(HttpSecurity http) throws Exception {
        // explicit path matchers: the CXF servlet is not Spring MVC's, so MVC-aware patterns would miss it
        http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/vdxp/**"),
                        new AntPathRequestMatcher("/services/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Operators: the console, the operator API, its documentation and the metrics. */
    @Bean
    @Order(2)
    SecurityFilterChain operators(HttpSecurity http, vn.lienthong.adapters.exchange.LoginThrottle throttle)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // the token is read from the cookie by the console
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/console/**", "/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/directory/**").hasRole("VIEWER")
                        .requestMatchers("/api/v1/directory/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/retention/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("VIEWER"))
                .formLogin(form -> form
                        .loginPage("/console/login.html")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/console/", true)
                        .failureUrl("/console/login.html?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/console/login.html?logout"))
                .httpBasic(basic -> basic.realmName("lienthong").authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(jsonUnauthorized(), new AntPathRequestMatcher("/api/**"))
                        .defaultAccessDeniedHandlerFor(jsonForbidden(), new AntPathRequestMatcher("/api/**")))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        // scripts and the CLI send HTTP Basic on every call and no session; a browser that cached
                        // Basic credentials is stopped by CrossSiteRequestFilter (Origin, Sec-Fetch-Site)
                        .ignoringRequestMatchers(request -> {
                            String authorization = request.getHeader("Authorization");
                            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
                        }))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .addFilterBefore(new vn.lienthong.gateway.security.CrossSiteRequestFilter(),
                        org.springframework.security.web.csrf.CsrfFilter.class)
                .addFilterBefore(new vn.lienthong.gateway.security.OperatorLoginThrottle(throttle),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                // the console loads scripts only from the gateway itself
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /**
     * The official SDK sends "//operation" when its endpoint ends with a slash; everything else the strict
     * firewall checks stays checked.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedDoubleSlash(true);
        return firewall;
    }

    /** Failed and successful operator logins, counted by the login throttle. */
    @Bean
    vn.lienthong.gateway.security.OperatorLoginThrottle.Events operatorLoginEvents(
            vn.lienthong.adapters.exchange.LoginThrottle throttle) {
        return new vn.lienthong.gateway.security.OperatorLoginThrottle.Events(throttle);
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operatorUsers(OperatorProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (OperatorProperties.User user : properties.users()) {
            UserDetails details = User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.role().name())
                    .build();
            users.createUser(details);
        }
        return users;
    }

    /**
     * 401 as the gateway's JSON error, for the API. The Basic challenge goes to scripts and the CLI only, never to
     * a browser (Sec-Fetch-*, X-Requested-With, Accept: text/html): a browser that cached Basic credentials would
     * send them to every later request, the console sends the user to its login page itself.
     */
    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (!vn.lienthong.gateway.security.CrossSiteRequestFilter.fromBrowser(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"lienthong\"");
            }
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":\"FAIL\",\"ErrorCode\":\"15\",\"ErrorDesc\":"
                    + "\"Cần đăng nhập bằng tài khoản vận hành (operator login required)\"}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    /** 403 as the gateway's JSON error: logged in, but the role is not enough (or the CSRF token is missing). */
    private static org.springframework.security.web.access.AccessDeniedHandler jsonForbidden() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":\"FAIL\",\"ErrorCode\":\"48\",\"ErrorDesc\":"
                    + "\"Vai trò của tài khoản không đủ cho thao tác này (role not sufficient)\"}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Makes sure the XSRF-TOKEN cookie is written, so that the console can send it back. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
