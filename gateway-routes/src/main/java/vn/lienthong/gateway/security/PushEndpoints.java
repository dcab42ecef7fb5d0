package vn.lienthong.gateway.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * Where an admin may point a push endpoint: not at the gateway's own machine or its link-local neighbourhood
 * (loopback, 0.0.0.0, 169.254.0.0/16 with cloud metadata services, fe80::/10), unless
 * {@code gateway.security.allow-internal-endpoints} says so. Otherwise an admin account, or whoever steals one,
 * could make the gateway POST documents to services that trust local callers.
 */
public final class PushEndpoints {

    private PushEndpoints() {
    }

    /** Refuses (55) an endpoint whose host is, or resolves to, a loopback, any-local or link-local address. */
    public static void refuseInternal(String endpoint, boolean allowed) {
        if (allowed || endpoint == null) {
            return;
        }
        String host;
        try {
            host = URI.create(endpoint.trim()).getHost();
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "pushEndpoint: " + e.getMessage());
        }
        if (host == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "pushEndpoint không có máy chủ (no host)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return; // not resolvable now: the push will fail and be retried; nothing internal is reached
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()) {
                throw new GatewayException(GatewayError.ENDPOINT_NOT_ALLOWED, endpoint + " -> " + address.getHostAddress());
            }
        }
    }
}
