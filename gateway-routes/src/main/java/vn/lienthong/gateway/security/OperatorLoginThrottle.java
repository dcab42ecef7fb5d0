package vn.lienthong.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.LoginThrottle;

/**
 * Failed operator logins (the console's form, HTTP Basic on the operator API) slowed down per user and per
 * address with the gateway's {@link LoginThrottle}: Spring Security's authentication events count failures and
 * successes; this filter refuses (429, code 54) an attempt made before its wait is over, before the password is
 * checked.
 */
public class OperatorLoginThrottle extends OncePerRequestFilter {

    static final String CHANNEL = "operator";

    private final LoginThrottle throttle;

    public OperatorLoginThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user != null) {
            try {
                throttle.checkAllowed(CHANNEL, user, request.getRemoteAddr());
            } catch (GatewayException e) {
                response.setStatus(e.error().httpStatus());
                response.setContentType("application/json;charset=UTF-8");
                response.getOutputStream().write(("{\"status\":\"FAIL\",\"ErrorCode\":\"" + e.error().code()
                        + "\",\"ErrorDesc\":\"" + e.describe() + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user a request tries to log in as: the login form's, or HTTP Basic's; null when it does not try. */
    private static String attemptedUser(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username") == null ? "" : request.getParameter("username");
        }
        String credentials = BasicHeader.credentials(request);
        if (credentials == null) {
            return null;
        }
        int colon = credentials.indexOf(':');
        return colon < 0 ? credentials : credentials.substring(0, colon);
    }

    /** Counts the failures Spring Security reports (a wrong password, an unknown user: the same). */
    public static final class Events {
        private final LoginThrottle throttle;

        public Events(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @EventListener
        public void failed(AbstractAuthenticationFailureEvent event) {
            Object details = event.getAuthentication().getDetails();
            String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
            throttle.failed(CHANNEL, String.valueOf(event.getAuthentication().getPrincipal()), address);
        }

        @EventListener
        public void succeeded(AuthenticationSuccessEvent event) {
            throttle.succeeded(CHANNEL, event.getAuthentication().getName());
        }
    }
}
