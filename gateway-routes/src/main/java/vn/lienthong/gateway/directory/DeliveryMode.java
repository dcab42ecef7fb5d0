package vn.lienthong.gateway.directory;

/** How documents reach an agency's system. */
public enum DeliveryMode {
    /** The agency's system pulls from its inbox, as it would from the national axis (VDXP). */
    PULL,
    /** The gateway calls the agency's SOAP endpoint. */
    PUSH_SOAP,
    /** The gateway calls the agency's REST endpoint. */
    PUSH_REST,
    /**
     * The agency is not local: its documents are forwarded through a link to another axis (the agency's
     * {@code link_id}), by the link's sendEdoc, retried like a push.
     */
    LINK;

    /** Whether the gateway calls out to deliver (a push, or a forward through a link). */
    public boolean isPush() {
        return this != PULL;
    }
}
