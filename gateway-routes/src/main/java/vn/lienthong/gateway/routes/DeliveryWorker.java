package vn.lienthong.gateway.routes;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.metrics.GatewayMetrics;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.tracking.DeliveryState;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * What the delivery consumers do with a delivery id. Every method is idempotent on the id: a message the
 * broker hands over twice (after a crash, or from the sweeper) finds the delivery already moved on.
 */
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final TrackingStore tracking;
    private final DirectoryRepository directory;
    private final PayloadStore payloads;
    private final Pusher pusher;
    private final GatewayMetrics metrics;
    private final String node;
    private final java.time.Duration claimFor;

    /**
     * @param node     this node's name, written on the deliveries it is pushing
     * @param claimFor how long a push may hold its delivery: longer than the push timeout, so that only a dead
     *                 node's claim expires under it
     */
    public DeliveryWorker(TrackingStore tracking, DirectoryRepository directory, PayloadStore payloads, Pusher pusher,
                          GatewayMetrics metrics, String node, java.time.Duration claimFor) {
        this.tracking = tracking;
        this.directory = directory;
        this.payloads = payloads;
        this.pusher = pusher;
        this.metrics = metrics;
        this.node = node;
        this.claimFor = claimFor;
    }

    /**
     * Thrown when another consumer (of this node or another) is pushing the same delivery; {@link #lookAgainAt}
     * is when its claim ends, the moment to look again should that consumer's node have died.
     */
    public static final class PushInProgress extends Exception {
        private final transient java.time.Instant lookAgainAt;

        PushInProgress(String deliveryId, java.time.Instant lookAgainAt) {
            super("đang được đẩy ở nơi khác (being pushed by another consumer): " + deliveryId, null, false, false);
            this.lookAgainAt = lookAgainAt;
        }

        public java.time.Instant lookAgainAt() {
            return lookAgainAt;
        }
    }

    public void makeAvailable(String deliveryId) {
        if (held(deliveryId)) {
            return;
        }
        tracking.markAvailable(deliveryId);
    }

    /** Deliveries to a suspended agency wait in the outbox; resuming the agency dispatches them. */
    private boolean held(String deliveryId) {
        Optional<TrackingStore.DeliveryRow> delivery = tracking.findDelivery(deliveryId);
        if (delivery.isPresent() && directory.isSuspended(delivery.get().recipientCode())) {
            tracking.hold(deliveryId);
            return true;
        }
        return false;
    }

    /** Pushes the packet; a failure is recorded and rethrown so that the broker redelivers later. */
    public void push(String deliveryId, Integer deliveryCount) throws Exception {
        Optional<TrackingStore.DeliveryRow> found = tracking.findDelivery(deliveryId);
        if (found.isEmpty() || !(found.get().state() == DeliveryState.PENDING || found.get().state() == DeliveryState.QUEUED)) {
            return; // already delivered, failed, or unknown: nothing to do
        }
        TrackingStore.DeliveryRow delivery = found.get();
        if (held(deliveryId)) {
            return;
        }
        Agency recipient = directory.findAgency(delivery.recipientCode()).orElseThrow();
        if (recipient.deliveryMode() == DeliveryMode.PULL) {
            // the agency switched to pulling since: its inbox is where the document now waits
            tracking.markAvailable(deliveryId);
            return;
        }
        if (!tracking.claimPush(deliveryId, node, java.time.Instant.now().plus(claimFor))) {
            // Another consumer holds it. Not dropped: should that consumer's node die, this message is what
            // delivers it once the claim has expired; should it succeed, the next look finds DELIVERED.
            java.time.Instant soonest = java.time.Instant.now().plusSeconds(1);
            java.time.Instant claimEnds = tracking.pushClaimedUntil(deliveryId).map(t -> t.plusSeconds(1)).orElse(soonest);
            throw new PushInProgress(deliveryId, claimEnds.isAfter(soonest) ? claimEnds : soonest);
        }
        TrackingStore.DocumentRow document = tracking.findDocument(delivery.documentId()).orElseThrow();
        try {
            pusher.push(recipient, document, delivery, payloads.path(document.storedSha256()));
        } catch (Pusher.Wait wait) {
            // its turn has not come: the claim is given back, no failure is recorded, the route schedules it again
            tracking.releasePushClaim(deliveryId);
            LOG.debug("Chuyển phát chờ lượt (delivery waits its turn) {}: {}", deliveryId, wait.getMessage());
            throw wait;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Đẩy đến {} không thành công lần {} (push attempt failed) {}: {}", delivery.recipientCode(),
                    deliveryCount, deliveryId, reason);
            tracking.recordPushFailure(deliveryId, reason);
            throw e;
        }
        if (tracking.markPushed(deliveryId)) {
            metrics.delivered(delivery.recipientCode(), delivery.mode().name(),
                    java.time.Duration.between(delivery.createdAt(), java.time.Instant.now()));
        }
    }

    /** The broker gave up on a delivery: it is FAILED until an operator resends it. */
    public void deadLettered(String deliveryId) {
        String lastError = tracking.findDelivery(deliveryId).map(TrackingStore.DeliveryRow::lastError).orElse(null);
        if (tracking.markFailed(deliveryId, lastError == null ? "hết số lần thử (attempts exhausted)" : lastError)) {
            LOG.error("Chuyển phát thất bại sau mọi lần thử (delivery failed for good) {}: {}", deliveryId, lastError);
        }
    }
}
