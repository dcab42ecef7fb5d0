package vn.lienthong.adapters.vdxp;

import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.vdxp.SignedHeader;

/**
 * What the gateway asks of a request whose HMAC is already verified, beyond the HMAC itself: for a system in
 * strict mode, a fresh signed timestamp, the operation inside the signed data, and never the same signed request
 * twice. Refuses with a {@link vn.lienthong.adapters.exchange.GatewayException}.
 */
@FunctionalInterface
public interface SignedRequestGuard {

    /** Accepts every request (the official SDK's protocol has no freshness: see vdxp-wire.md §2.2). */
    SignedRequestGuard NONE = (caller, operation, signed, requestHmac) -> { };

    /**
     * @param operation   the operation named by the request's path
     * @param signed      the signed header, parameters included
     * @param requestHmac the request's {@code XroadVnpt-hash-header}, unique per signed request
     */
    void check(CallerSystem caller, String operation, SignedHeader signed, String requestHmac);
}
