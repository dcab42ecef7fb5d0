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
     * same link): not a failure of the recipient and no attempt spent; the message comes back at {@link #lookAgainAt}.
     */
    final class Wait extends Exception {
        private final transient java.time.Instant lookAgainAt;

        public Wait(String reason, java.time.Duration lookAgainAfter) {
            super(reason, null, false, false);
            this.lookAgainAt = java.time.Instant.now().plus(lookAgainAfter);
        }

        public java.time.Instant lookAgainAt() {
            return lookAgainAt;
        }
    }
}
