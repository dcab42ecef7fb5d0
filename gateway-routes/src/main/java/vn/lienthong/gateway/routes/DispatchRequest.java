package vn.lienthong.gateway.routes;

import vn.lienthong.gateway.directory.DeliveryMode;

/**
 * One delivery to put on the broker: only its id travels (the packet stays in the store). Higher edXML
 * Priority (khẩn, thượng khẩn, hỏa tốc) maps to a higher JMS priority, so urgent documents go first.
 */
public record DispatchRequest(String deliveryId, DeliveryMode mode, int priority) {

    public static final String PULL_QUEUE = "lienthong.delivery.pull";
    public static final String PUSH_QUEUE = "lienthong.delivery.push";

    public String queue() {
        return mode == DeliveryMode.PULL ? PULL_QUEUE : PUSH_QUEUE;
    }

    /** JMS priority 4 (normal) to 8 (hỏa tốc hẹn giờ). */
    public int jmsPriority() {
        return 4 + Math.max(0, Math.min(4, priority));
    }
}
