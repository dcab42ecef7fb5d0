package vn.lienthong.gateway.links;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.routes.Pusher;
import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * Hands a delivery to an agency behind a link over to that link, by its sendEdoc: the stored packet as it is
 * (a signed one byte for byte; an unsigned one already carries this gateway's TraceHeader). It is one step of a
 * push delivery, so it is durable, retried with back-off and dead-lettered like any push.
 * <p>
 * Forwards over a link go one at a time per document, under a claim in the database on (subject, link), the
 * subject being the document itself or, for a status or a revocation, the document it refers to. So a document
 * goes to a link once, however many of its recipients are behind it and however concurrently their deliveries run:
 * the delivery holding the claim hands it off and records the link's DocId, the others find that hand-off. And a
 * status waits while an earlier packet of the same document has not crossed the link yet, so that the far end gets
 * 01 before 03. Statuses from the far side name the document and their recipient, so each maps back to its own
 * delivery whatever the number of hand-offs.
 */
public class LinkForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(LinkForwarder.class);

    /** Codes by which an axis refuses the packet itself: sending it again cannot help. */
    private static final Set<String> PACKET_REFUSED = Set.of("10", "11", "12", "13", "14", "30", "31", "32", "33",
            "34", "35", "36", "37", "38");

    private final LinkRepository links;
    private final LinkClients clients;
    private final TrackingStore tracking;
    private final Duration claimFor;
    private final Duration turnWait;

    /**
     * @param claimFor how long a forward may hold its claim: longer than one call to the link
     * @param turnWait how long a forward that must wait its turn waits before it looks again
     */
    public LinkForwarder(LinkRepository links, LinkClients clients, TrackingStore tracking, Duration claimFor,
                         Duration turnWait) {
        this.links = links;
        this.clients = clients;
        this.tracking = tracking;
        this.claimFor = claimFor;
        this.turnWait = turnWait;
    }

    /** Thrown when the link did not take the packet this time; the broker tries again later. */
    public static class LinkFailure extends Exception {
        public LinkFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void forward(Agency recipient, TrackingStore.DocumentRow document, TrackingStore.DeliveryRow delivery,
                        Path packet) throws LinkFailure, Pusher.Wait {
        String linkId = links.linkOf(recipient.code()).orElseThrow(() -> new LinkFailure(
                "đơn vị " + recipient.code() + " không còn đi qua liên kết nào (no longer behind a link)", null));
        Link link = links.find(linkId).orElseThrow();
        if (!link.enabled()) {
            throw new LinkFailure("liên kết " + linkId + " đang tắt (link disabled)", null);
        }
        String subject = document.relatedDocId() == null ? document.id() : document.relatedDocId();
        if (!links.claimForward(subject, linkId, delivery.id(), Instant.now().plus(claimFor))) {
            throw new Pusher.Wait("văn bản này đang được chuyển qua liên kết " + linkId
                    + " (another forward of this document over the link is under way)", turnWait);
        }
        try {
            Optional<String> earlier = links.transferOf(document.id(), linkId);
            if (earlier.isPresent()) {
                tracking.event(document.id(), delivery.id(), EventType.FORWARDED, "cùng lần chuyển qua liên kết "
                        + linkId + ", DocId " + earlier.get() + " (same hand-off)", null);
                return;
            }
            if (links.earlierWaiting(subject, linkId, document.id(), document.receivedAt())) {
                throw new Pusher.Wait("chờ gói tin trước của cùng văn bản qua liên kết " + linkId
                        + " (an earlier packet of the same document goes first)", turnWait);
            }
            handOff(link, document, delivery, packet);
        } finally {
            links.releaseForward(subject, linkId, delivery.id());
        }
    }

    private void handOff(Link link, TrackingStore.DocumentRow document, TrackingStore.DeliveryRow delivery,
                         Path packet) throws LinkFailure {
        String linkId = link.id();
        VdxpClient.Answer answer;
        try {
            answer = clients.of(link).sendEdoc(packet, document.messageType(), document.fromCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkFailure("bị ngắt (interrupted)", e);
        } catch (Exception e) {
            String reason = "liên kết " + linkId + " không kết nối được (unreachable): " + e;
            links.recordFailure(linkId, reason);
            throw new LinkFailure(reason, e);
        }
        if (!answer.ok()) {
            String reason = "trục " + linkId + " từ chối (the linked axis refused) " + answer.errorCode() + ": "
                    + answer.errorDesc();
            if (PACKET_REFUSED.contains(answer.errorCode())) {
                links.recordSuccess(linkId); // the link works; this packet is what it refuses, for every recipient
                for (String waiting : links.waitingDeliveries(document.id(), linkId)) {
                    tracking.markFailed(waiting, reason);
                }
                LOG.error("Chuyển qua liên kết bị từ chối hẳn (forward refused for good) {}: {}", delivery.id(), reason);
                return;
            }
            links.recordFailure(linkId, reason);
            throw new LinkFailure(reason, null);
        }
        links.recordTransfer(document.id(), linkId, answer.docId());
        links.recordSuccess(linkId);
        tracking.event(document.id(), delivery.id(), EventType.FORWARDED,
                "qua liên kết " + linkId + ", DocId " + answer.docId() + " (handed off to the link)", link.callerId());
        LOG.info("Đã chuyển qua liên kết (forwarded) {} {} -> {}: DocId {}", document.messageType(), document.id(),
                linkId, answer.docId());
    }
}
