package vn.lienthong.gateway.directory;

/** What the gateway does with the XML signature of a packet sent by an agency. */
public enum SignaturePolicy {
    /** An unsigned packet is rejected; a signed one must verify. */
    REQUIRED,
    /** A signature, when present, must verify; an unsigned packet passes. */
    IF_PRESENT,
    /** Signatures are not checked. */
    IGNORE
}
