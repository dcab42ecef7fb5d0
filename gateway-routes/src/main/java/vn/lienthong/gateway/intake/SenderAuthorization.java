package vn.lienthong.gateway.intake;

import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * A system sends only as an agency it acts for: the one rule for the packet's From and for a sender a protocol
 * names beside the packet (VDXP's {@code from}), on every channel.
 */
public final class SenderAuthorization {

    private SenderAuthorization() {
    }

    /** @throws GatewayException SENDER_NOT_ALLOWED (19) when {@code caller} does not act for {@code agencyCode} */
    public static void requireActsFor(CallerSystem caller, String agencyCode) {
        String code = agencyCode == null ? "" : agencyCode.trim();
        if (!caller.agencyCodes().contains(code)) {
            throw new GatewayException(GatewayError.SENDER_NOT_ALLOWED,
                    "hệ thống " + caller.systemId() + " không được gửi thay " + code);
        }
    }
}
