package vn.lienthong.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.adapters.http.ClientAddress;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.vdxp.SignedHeader;

/**
 * In front of the systems' APIs ({@code /vdxp/**}, {@code /services/**}), before any body is read:
 * <ul>
 * <li>resolves the client's address: the TCP peer, or, when the peer is a configured trusted proxy, the last
 * address of its {@code X-Forwarded-For};</li>
 * <li>refuses plain HTTP (52) unless allowed: a request is secure when it came over TLS, or from a trusted proxy
 * that says {@code X-Forwarded-Proto: https}; anybody else's X-Forwarded-Proto is ignored;</li>
 * <li>refuses a call naming a system whose allowlist does not hold the address (53). The name is the claimed one
 * (signed header or Basic user); the HMAC or password is still checked after.</li>
 * </ul>
 * Refusals keep each API's shape: JSON with HTTP 200 on the VDXP API (what the SDK reads), a SOAP fault on SOAP.
 */
public class SystemApiTransportFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SystemApiTransportFilter.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII, true);

    private final SecurityProperties properties;
    private final SystemPolicies policies;

    public SystemApiTransportFilter(SecurityProperties properties, SystemPolicies policies) {
        this.properties = properties;
        this.policies = policies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean fromProxy = properties.trustedProxies().contains(request.getRemoteAddr());
        String address = request.getRemoteAddr();
        if (fromProxy && request.getHeader("X-Forwarded-For") != null) {
            String[] hops = request.getHeader("X-Forwarded-For").split(",");
            address = hops[hops.length - 1].trim();
        }
        request.setAttribute(ClientAddress.ATTRIBUTE, address);
        boolean secure = request.isSecure()
                || (fromProxy && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).trim()));
        if (!secure && !properties.allowPlainHttp()) {
            refuse(request, response, GatewayError.HTTPS_REQUIRED, address);
            return;
        }
        String systemId = claimedSystem(request);
        if (systemId != null) {
            List<String> allowed;
            try {
                allowed = policies.find(systemId).map(SystemPolicies.Policy::allowedSources).orElse(List.of());
            } catch (DataAccessException e) {
                // the database is down or restarting: the API's own "try again" code, never a bare HTTP 500
                LOG.warn("API hệ thống: không đọc được chính sách của hệ thống (system policy unreadable) {}: {}",
                        LogSafe.text(systemId), LogSafe.text(e.getMostSpecificCause().getMessage()));
                refuse(request, response, GatewayError.INTERNAL_ERROR, address + " (" + systemId + ")");
                return;
            }
            String from = address;
            if (!allowed.isEmpty() && allowed.stream().noneMatch(range -> contains(range, from))) {
                refuse(request, response, GatewayError.SOURCE_NOT_ALLOWED, address + " (" + systemId + ")");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean contains(String range, String address) {
        try {
            return SourceRange.parse(range).contains(address);
        } catch (IllegalArgumentException e) {
            return false; // a malformed entry allows nobody
        }
    }

    /** The system a request names, before it is authenticated; null when none is named. */
    private static String claimedSystem(HttpServletRequest request) {
        String signed = request.getHeader(SignedHeader.SIGN_HEADER);
        if (signed != null) {
            try {
                return SignedHeader.parse(signed).systemId().orElse(null);
            } catch (IllegalArgumentException e) {
                return null; // the API answers it
            }
        }
        String credentials = BasicHeader.credentials(request);
        int colon = credentials == null ? -1 : credentials.indexOf(':');
        return colon > 0 ? credentials.substring(0, colon) : null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, GatewayError error,
                               String detail) throws IOException {
        LOG.warn("API hệ thống từ chối (system API refused) {} {} {}", error.code(), LogSafe.text(request.getRequestURI()),
                LogSafe.text(detail));
        response.setHeader("X-Lienthong-ErrorCode", error.code());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/services")) {
            response.setStatus(error.httpStatus());
            response.setContentType("text/xml;charset=UTF-8");
            String text = (error.code() + " " + error.vietnamese()).replace("&", "&amp;").replace("<", "&lt;");
            response.getOutputStream().write(("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + text
                    + "</faultstring></soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(200); // the SDK reads the JSON whatever the status, and sendEdoc's only on 200
        response.setContentType("application/json;charset=UTF-8");
        java.util.Map<String, String> answer = new java.util.LinkedHashMap<>();
        answer.put("status", "FAIL");
        answer.put("ErrorCode", error.code());
        answer.put("ErrorDesc", error.vietnamese());
        answer.put("DocId", "");
        JSON.writeValue(response.getOutputStream(), answer);
    }
}
