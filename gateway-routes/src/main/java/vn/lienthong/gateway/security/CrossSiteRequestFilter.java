package vn.lienthong.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.adapters.exchange.LogSafe;

/**
 * Refuses every unsafe request (POST, PUT, PATCH, DELETE) to the operators' side that a browser marks as coming
 * from another site, whatever it authenticates with: a cached HTTP Basic login or a session cookie cannot be
 * ridden by a page elsewhere. A browser says where a request comes from in {@code Sec-Fetch-Site} (all current
 * ones) and {@code Origin} (every cross-origin POST); either one naming another site refuses it. Scripts and the
 * CLI send neither and pass (the session's CSRF token still applies to the console).
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && isCrossSite(request)) {
            LOG.warn("Từ chối yêu cầu từ trang khác (cross-site request refused) {} {} Origin={} Sec-Fetch-Site={}",
                    request.getMethod(), LogSafe.text(request.getRequestURI()), LogSafe.text(request.getHeader("Origin")),
                    LogSafe.text(request.getHeader("Sec-Fetch-Site")));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"status\":\"FAIL\",\"ErrorCode\":\"48\",\"ErrorDesc\":"
                    + "\"Yêu cầu từ trang web khác bị từ chối (cross-site request refused)\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true; // sandboxed frames, data: pages
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || uri.getHost() == null || !(host.equalsIgnoreCase(originHost)
                    || host.equalsIgnoreCase(uri.getHost() + ":" + (uri.getScheme().equals("https") ? 443 : 80))
                    || (host.equalsIgnoreCase(uri.getHost()) && uri.getPort() < 0));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A browser's request: it announces itself with Sec-Fetch-* or the console's X-Requested-With, or wants HTML. */
    public static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                || (accept != null && accept.contains("text/html"));
    }
}
