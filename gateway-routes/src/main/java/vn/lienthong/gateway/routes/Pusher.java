package vn.lienthong.gateway.routes;

import java.nio.file.Path;

import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.tracking.TrackingStore;

/** Sends one delivery's packet to its recipient's endpoint; throws when the recipient did not take it. */
@FunctionalInterface
public interface Pusher {

    void push(Agency recipient, TrackingStore.DocumentRow document, TrackingStore.DeliveryRow delivery, Path packet)
            throws Exception;

    /**
     * Thrown when the delivery must let another one go first (e.g. an earlier status of the same document over the
     * same link): not a failure of the recipient; the broker hands the message over again later.
     */
    final class Wait extends Exception {
        public Wait(String reason) {
            super(reason, null, false, false);
        }
    }
}
