package vn.lienthong.adapters.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from. The gateway's transport filter puts the client's address in a request
 * attribute when it trusts a proxy's {@code X-Forwarded-For}; otherwise it is the TCP peer's.
 */
public final class ClientAddress {

    /** The request attribute the transport filter sets. */
    public static final String ATTRIBUTE = "vn.lienthong.client-address";

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ATTRIBUTE);
        return resolved instanceof String address ? address : request.getRemoteAddr();
    }
}
