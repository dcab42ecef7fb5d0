package vn.lienthong.gateway.directory;

/** How documents reach an agency's system. */
public enum DeliveryMode {
    /** The agency's system pulls from its inbox, as it would from the national axis (VDXP). */
    PULL,
    /** The gateway calls the agency's SOAP endpoint. */
    PUSH_SOAP,
    /** The gateway calls the agency's REST endpoint. */
    PUSH_REST;

    public boolean isPush() {
        return this != PULL;
    }
}
