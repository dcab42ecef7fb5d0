package vn.lienthong.gateway.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.trust.chain.ChainPosition;
import vn.lienthong.trust.chain.ChainRecord;
import vn.lienthong.trust.chain.HashChain;

/**
 * Appends committed events to the tamper-evident chain, in batches. {@link TrackingStore#event} only inserts an
 * event as pending, so no submission waits for a gateway-wide lock; this writer then locks the chain's head row
 * once per batch ({@code SELECT ... FOR UPDATE}), gives the pending events their seq, previous hash and hash in
 * id order, and moves the head. With several nodes on one database, whichever node holds the head's lock chains
 * what is pending; the others wait for it and then find nothing left, so the chain never forks.
 *
 * <p>Each node wakes its writer after every commit that appended events, and once a second in any case (events
 * a dead node left pending); a woken writer first lets events gather for {@code gateway.evidence.linger}, so that
 * under load it commits one batch where it would commit each event. {@link #appendPending} runs a pass at once, for readers that must see every
 * committed event in the chain (the signed head, the verification).
 */
@Component
public class EventChain implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EventChain.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    /** How long a woken writer lets events gather before its pass: one commit per batch under load. */
    private final Duration linger;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread writer;
    private volatile boolean running;

    public EventChain(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher,
                      @Value("${gateway.evidence.linger:20ms}") Duration linger) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
        this.linger = linger;
    }

    /** Published by {@link TrackingStore#event}: after its transaction commits, the writer has work. */
    public record Appended() {
        static final Appended INSTANCE = new Appended();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void appended(Appended event) {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Chains everything committed and still pending; how many events it chained. */
    public int appendPending() {
        int total = 0;
        while (true) {
            Integer chained = transaction.execute(status -> appendBatch());
            total += chained == null ? 0 : chained;
            if (chained == null || chained < BATCH) {
                return total;
            }
        }
    }

    private record Pending(long id, String documentId, String deliveryId, String type, String detail, String actor,
                           Instant time) {
    }

    private int appendBatch() {
        ChainPosition head = jdbc.queryForObject("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new ChainPosition(rs.getLong("seq"), rs.getString("hash")));
        List<Pending> pending = jdbc.query("SELECT id, document_id, delivery_id, type, detail, actor, created_at"
                + " FROM events WHERE chain_pending = TRUE ORDER BY id LIMIT " + BATCH, EventChain::pending);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Object[]> updates = new ArrayList<>(pending.size());
        List<TrackingStore.EvidenceOwed> owed = new ArrayList<>();
        for (Pending event : pending) {
            ChainRecord record = HashChain.next(head, TrackingStore.chainFields(event.documentId(), event.deliveryId(),
                    event.type(), event.detail(), event.actor(), event.time()));
            updates.add(new Object[] {record.sequence(), record.previousHash(), record.hash(), event.id()});
            head = ChainPosition.of(record);
            EventType type = EventType.valueOf(event.type());
            if (type.owesEvidence()) {
                owed.add(new TrackingStore.EvidenceOwed(record.sequence(), event.documentId(), event.deliveryId(),
                        type, event.time()));
            }
        }
        int[] rows = jdbc.batchUpdate("UPDATE events SET seq = ?, prev_hash = ?, hash = ?, chain_pending = FALSE"
                + " WHERE id = ? AND chain_pending = TRUE", updates);
        for (int row : rows) {
            if (row == 0) {
                // a pending event vanished under the batch (deleted): chain nothing of it, the next pass starts over
                throw new IllegalStateException("a pending event changed while it was being chained");
            }
        }
        jdbc.update("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", head.sequence(), head.hash());
        owed.forEach(publisher::publishEvent); // evidence is issued once this batch has committed
        return pending.size();
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        OffsetDateTime time = rs.getObject("created_at", OffsetDateTime.class);
        return new Pending(rs.getLong("id"), rs.getString("document_id"), rs.getString("delivery_id"),
                rs.getString("type"), rs.getString("detail"), rs.getString("actor"), time.toInstant());
    }

    private void run() {
        while (running) {
            try {
                if (wake.tryAcquire(1, TimeUnit.SECONDS) && running && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wake.drainPermits();
                if (running) {
                    appendPending();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Nối chuỗi sự kiện lỗi, thử lại sau (chaining events failed, retrying): {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        Thread thread = new Thread(this::run, "chain-writer");
        thread.setDaemon(true);
        running = true;
        writer = thread;
        thread.start();
        wake.release(); // what a crash left pending
    }

    @Override
    public synchronized void stop() {
        Thread thread = writer;
        writer = null;
        running = false;
        if (thread != null) {
            wake.release(); // never interrupt it: an interrupt inside H2's file I/O closes the database
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            appendPending();
        } catch (RuntimeException e) {
            LOG.warn("Nối chuỗi sự kiện khi dừng lỗi (chaining events at shutdown failed): {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the routes (which append events) and before the evidence tasks sign the last head. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
