package vn.lienthong.trust.evidence;

/** What the gateway attests to. The names are written as they are into the signed record. */
public enum EvidenceEvent {
    /** The gateway accepted a submitted packet and gave the sender its DocId (one record per recipient). */
    ACCEPTED,
    /** The packet was delivered to the recipient (pushed and answered, or fetched from its inbox). */
    DELIVERED,
    /** The recipient acknowledged the delivery. */
    ACKNOWLEDGED,
    /** A business status packet (01..16) passed from the recipient back to the original sender. */
    STATUS
}
