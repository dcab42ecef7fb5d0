package vn.lienthong.adapters.push;

/**
 * A push that did not deliver. {@link #reason()} is short, Vietnamese first with the English in
 * parentheses (operators read it on the console); {@link #retry()} says whether another attempt may succeed.
 */
public class PushException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms of the push. */
    public enum Kind {
        /** Connection refused or reset, unknown host, I/O error on the way. */
        UNREACHABLE(true),
        /** No complete answer within the target's timeout. */
        TIMEOUT(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** HTTP 4xx: retried all the same (the recipient may be mid-deployment), but usually configuration. */
        CLIENT_ERROR(true),
        /** The recipient answered a SOAP fault. */
        FAULT(true),
        /** An answer that is neither success nor a recognisable failure (e.g. HTTP 3xx). */
        PROTOCOL(true),
        /** The target cannot work as configured (not an http(s) URL, wrong mode for this client). */
        CONFIGURATION(false),
        /** The packet to send is missing or does not match its recorded size. */
        PACKET(false);

        private final boolean retry;

        Kind(boolean retry) {
            this.retry = retry;
        }

        public boolean retry() {
            return retry;
        }
    }

    private final Kind kind;
    private final int httpStatus;

    public PushException(Kind kind, String reason, int httpStatus, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public PushException(Kind kind, String reason, Throwable cause) {
        this(kind, reason, 0, cause);
    }

    public String reason() {
        return getMessage();
    }

    /** Whether the delivery is worth another attempt. */
    public boolean retry() {
        return kind.retry();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the recipient answered, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
