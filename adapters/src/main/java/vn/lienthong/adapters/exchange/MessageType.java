package vn.lienthong.adapters.exchange;

import java.util.Locale;

/**
 * The two kinds of packet: a document ({@code edoc}) and a status ({@code status}). The one rule for the
 * messagetype parameter of every channel: either word in any case, around spaces; absent means a document.
 * (Whether a channel may leave it out is the channel's: SOAP's sendDocument requires it.)
 */
public final class MessageType {

    public static final String EDOC = "edoc";
    public static final String STATUS = "status";

    private MessageType() {
    }

    /**
     * The kind a channel's parameter names.
     *
     * @throws GatewayException BAD_PARAMETER for anything but edoc or status
     */
    public static String parse(String value) {
        if (value == null || value.isBlank()) {
            return EDOC;
        }
        String type = value.trim().toLowerCase(Locale.ROOT);
        if (!type.equals(EDOC) && !type.equals(STATUS)) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "messagetype phải là edoc hoặc status");
        }
        return type;
    }
}
