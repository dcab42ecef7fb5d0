package vn.lienthong.gateway.tracking;

/**
 * Where one delivery stands. PENDING is the outbox state (recorded, not yet on the broker); a pull
 * recipient sees AVAILABLE and PROCESSING deliveries in its inbox; DELIVERED, REJECTED and FAILED are final
 * until an operator resends. HELD waits for its suspended agency to be resumed.
 */
public enum DeliveryState {
    PENDING, QUEUED, AVAILABLE, PROCESSING, DELIVERED, REJECTED, FAILED, HELD
}
