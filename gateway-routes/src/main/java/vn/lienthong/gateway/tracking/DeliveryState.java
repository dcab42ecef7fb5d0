package vn.lienthong.gateway.tracking;

/**
 * Where one delivery stands. PENDING is the outbox state (recorded, not yet on the broker); a pull
 * recipient sees AVAILABLE and PROCESSING deliveries in its inbox; DELIVERED, REJECTED and FAILED are final
 * until an operator resends.
 */
public enum DeliveryState {
    PENDING, QUEUED, AVAILABLE, PROCESSING, DELIVERED, REJECTED, FAILED
}
