package vn.lienthong.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/** An HTTP Basic {@code Authorization} header, read before anything authenticates it (to count or to route). */
final class BasicHeader {

    private BasicHeader() {
    }

    /** The decoded credentials ({@code user:password}); "" when they are not base64; null when there is no Basic header. */
    static String credentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
