package vn.lienthong.adapters.exchange;

/** A refusal with its code: every protocol turns it into its own error shape. */
public class GatewayException extends RuntimeException {

    private final GatewayError error;
    private final String detail;

    public GatewayException(GatewayError error, String detail) {
        this(error, detail, null);
    }

    public GatewayException(GatewayError error, String detail, Throwable cause) {
        super(error.english() + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.error = error;
        this.detail = detail;
    }

    public GatewayError error() {
        return error;
    }

    /** Specifics (which code is unknown, which field is wrong); may be null. */
    public String detail() {
        return detail;
    }

    /** What the caller reads: the Vietnamese description and the specifics. */
    public String describe() {
        return detail == null || detail.isEmpty() ? error.vietnamese() : error.vietnamese() + ": " + detail;
    }
}
