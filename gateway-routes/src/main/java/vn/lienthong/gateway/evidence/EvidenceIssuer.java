package vn.lienthong.gateway.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.evidence.EvidenceEvent;
import vn.lienthong.trust.evidence.EvidenceQueue;
import vn.lienthong.trust.evidence.EvidenceRecord;
import vn.lienthong.trust.evidence.EvidenceSigner;
import vn.lienthong.trust.evidence.SignedEvidence;

/**
 * Issues signed evidence for the events that owe it, after their transaction committed and off the caller's
 * thread: the event (marked {@code evidence_due} in its own transaction) is handed to a preparing thread, which
 * reads the document and its deliveries and submits one {@link EvidenceRecord} per recipient to an
 * {@link EvidenceQueue}; the queue signs and stores in batches ({@link EvidenceStore#store}), and clears
 * {@code evidence_due} once every record of the event is stored. Whatever is lost on the way (a crash, a full
 * queue, a failed store) stays due and is issued by {@link #repair}, which runs at startup and at intervals.
 *
 * <p>Which records an event gives: ACCEPTED, one per recipient (and, for a status packet, a STATUS record per
 * recipient listed under the original document: sender = the status's sender, recipient = the original sender);
 * DELIVERED, one for its delivery; PROCESSING and REJECTED, an ACKNOWLEDGED record for its delivery.
 */
public class EvidenceIssuer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceIssuer.class);
    private static final int REPAIR_BATCH = 500;

    /** What a record in the queue is for. */
    private record Owed(long seq, String documentId, String deliveryId, AtomicInteger remaining) {
    }

    private final TrackingStore tracking;
    private final EvidenceStore store;
    private final EvidenceQueue queue;
    private final ThreadPoolExecutor preparing;
    private final Map<EvidenceRecord, Owed> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();

    public EvidenceIssuer(TrackingStore tracking, EvidenceStore store, EvidenceSigner signer,
                          EvidenceProperties properties) {
        this.tracking = tracking;
        this.store = store;
        this.queue = EvidenceQueue.builder(signer).sink(this::storeBatch).workers(properties.workers())
                .maxBatch(properties.maxBatch()).linger(properties.linger()).capacity(properties.capacity()).offerTimeout(Duration.ZERO).build();
        this.preparing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.capacity()), r -> {
                    Thread thread = new Thread(r, "evidence-prepare");
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> LOG.warn("Hàng đợi bằng chứng đầy, để lại cho lần quét sau"
                        + " (evidence backlog full: left to the repair task)"));
    }

    /** After the event's transaction committed (or at once outside a transaction): hand it to the preparing thread. */
    @TransactionalEventListener(fallbackExecution = true)
    public void owed(TrackingStore.EvidenceOwed event) {
        preparing.execute(() -> issue(new EvidenceStore.OwedEvent(event.seq(), event.documentId(), event.deliveryId(),
                event.type(), event.time())));
    }

    /** Issues what is still due from events older than {@code before}; the number of events taken up. */
    public int repair(Instant before) {
        int total = 0;
        long after = 0;
        while (true) {
            List<EvidenceStore.OwedEvent> owed = store.owed(before, after, REPAIR_BATCH);
            for (EvidenceStore.OwedEvent event : owed) {
                issue(event);
            }
            total += owed.size();
            flush().join();
            if (owed.size() < REPAIR_BATCH) {
                return total;
            }
            after = owed.get(owed.size() - 1).seq();
        }
    }

    /** Completes when everything handed over so far is signed and stored (or failed). */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        try {
            preparing.execute(() -> prepared.complete(null));
        } catch (RuntimeException e) {
            prepared.complete(null);
        }
        return prepared.thenCompose(ignored -> queue.flush());
    }

    /** Evidence records stored since start. */
    public long issued() {
        return issued.get();
    }

    void issue(EvidenceStore.OwedEvent event) {
        try {
            List<Item> items = records(event);
            if (items.isEmpty()) {
                store.markIssued(List.of(event.seq()));
                return;
            }
            AtomicInteger remaining = new AtomicInteger(items.size());
            for (Item item : items) {
                Owed owed = new Owed(event.seq(), item.listedUnder(), item.deliveryId(), remaining);
                if (inFlight.putIfAbsent(item.record(), owed) != null) {
                    continue; // already on its way (the live path and the repair task met)
                }
                queue.submit(item.record()).whenComplete((signed, failure) -> {
                    if (failure != null) {
                        inFlight.remove(item.record());
                        LOG.warn("Bằng chứng {} {} chưa cấp, sẽ cấp lại (evidence not issued, will retry): {}",
                                item.record().docId(), item.record().event(), failure.toString());
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Bằng chứng của sự kiện {} chưa cấp, sẽ cấp lại (evidence of event not issued, will retry): {}",
                    event.seq(), e.toString());
        }
    }

    private record Item(EvidenceRecord record, String listedUnder, String deliveryId) {
    }

    private List<Item> records(EvidenceStore.OwedEvent event) {
        Optional<TrackingStore.DocumentRow> found = tracking.findDocument(event.documentId());
        if (found.isEmpty()) {
            return List.of();
        }
        TrackingStore.DocumentRow doc = found.get();
        List<Item> items = new ArrayList<>();
        if (event.type() == EventType.ACCEPTED) {
            for (TrackingStore.DeliveryRow delivery : tracking.deliveriesOf(doc.id())) {
                items.add(new Item(record(doc, delivery.recipientCode(), EvidenceEvent.ACCEPTED, event.time()),
                        doc.id(), delivery.id()));
                if ("status".equals(doc.messageType()) && doc.relatedDocId() != null) {
                    items.add(new Item(record(doc, delivery.recipientCode(), EvidenceEvent.STATUS, event.time()),
                            doc.relatedDocId(), null));
                }
            }
        } else if (event.deliveryId() != null) {
            EvidenceEvent kind = event.type() == EventType.PROCESSING || event.type() == EventType.REJECTED
                    ? EvidenceEvent.ACKNOWLEDGED : EvidenceEvent.DELIVERED;
            tracking.findDelivery(event.deliveryId()).ifPresent(delivery -> items.add(new Item(
                    record(doc, delivery.recipientCode(), kind, event.time()), doc.id(), delivery.id())));
        }
        return items;
    }

    private static EvidenceRecord record(TrackingStore.DocumentRow doc, String recipient, EvidenceEvent event,
                                         Instant time) {
        return new EvidenceRecord(doc.id(), doc.storedSha256(), doc.fromCode(), recipient, event, time);
    }

    private void storeBatch(List<SignedEvidence> batch) {
        List<EvidenceStore.NewEvidence> rows = new ArrayList<>(batch.size());
        Set<Long> complete = new HashSet<>();
        List<Owed> owed = new ArrayList<>(batch.size());
        for (SignedEvidence signed : batch) {
            Owed o = inFlight.get(signed.record());
            if (o == null) {
                continue;
            }
            owed.add(o);
            EvidenceRecord r = signed.record();
            rows.add(new EvidenceStore.NewEvidence(o.seq(), o.documentId(), o.deliveryId(), r.docId(), r.event().name(),
                    r.sender(), r.recipient(), r.time(), signed.recordSha256(), signed.cms()));
        }
        // an event is complete when this batch holds its last outstanding records
        Map<Owed, Integer> counts = new java.util.IdentityHashMap<>();
        owed.forEach(o -> counts.merge(o, 1, Integer::sum));
        Map<AtomicInteger, Integer> perEvent = new java.util.IdentityHashMap<>();
        counts.forEach((o, c) -> perEvent.merge(o.remaining(), c, Integer::sum));
        for (Owed o : owed) {
            if (o.remaining().get() == perEvent.get(o.remaining())) {
                complete.add(o.seq());
            }
        }
        try {
            store.store(rows, complete);
            issued.addAndGet(rows.size());
            perEvent.forEach((remaining, c) -> remaining.addAndGet(-c));
        } finally {
            batch.forEach(signed -> inFlight.remove(signed.record()));
        }
    }

    @Override
    public void close() {
        preparing.shutdown();
        try {
            preparing.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close(Duration.ofSeconds(20));
    }
}
