package vn.lienthong.trust.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs evidence off the submitter's path: {@link #submit} puts a record on a bounded queue and returns at once with
 * a future; a small, fixed set of worker threads takes records in batches, signs each one (every record keeps its
 * own CMS signature, so each proof stays verifiable alone with openssl) and hands the batch to the
 * {@link EvidenceSink} (one database transaction per batch). A record's future completes when its batch is stored.
 *
 * <p>Why not one signature per batch: a Merkle-tree or list signature would cost one private-key operation per
 * batch, but then a record's proof is no longer a CMS object openssl verifies on its own. With Bouncy Castle's
 * ECDSA P-256 a signature costs tens of microseconds, so per-record signatures, batched only for storage, keep both.
 *
 * <p>Back-pressure: when the queue is full, {@code submit} waits up to {@code offerTimeout}, then returns a future
 * failed with {@link RejectedExecutionException}. The queue lives in memory: records not yet stored are lost on a
 * crash, so the gateway must record the event itself first (tracking store) and re-issue evidence for events that
 * have none.
 */
public final class EvidenceQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceQueue.class);
    /** Whether the last batch failed to store: failures are announced once, not once per batch. */
    private final java.util.concurrent.atomic.AtomicBoolean storeFailing = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Item POISON = new Item(null, null);
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private record Item(EvidenceRecord record, CompletableFuture<SignedEvidence> future) {
    }

    private final EvidenceSigner signer;
    private final EvidenceSink sink;
    /** Unbounded itself; {@link #permits} bounds what submitters may put in (the stop markers need no permit). */
    private final BlockingQueue<Item> queue;
    private final Semaphore permits;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final int maxBatch;
    private final Duration linger;
    private final Duration offerTimeout;
    private final List<Thread> workers = new ArrayList<>();
    private final Set<CompletableFuture<SignedEvidence>> unfinished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private volatile boolean closed;

    private EvidenceQueue(Builder builder) {
        this.signer = builder.signer;
        this.sink = builder.sink;
        this.queue = new LinkedBlockingQueue<>();
        this.permits = new Semaphore(builder.capacity);
        this.maxBatch = builder.maxBatch;
        this.linger = builder.linger;
        this.offerTimeout = builder.offerTimeout;
        int number = QUEUES.incrementAndGet();
        for (int i = 0; i < builder.workers; i++) {
            Thread worker = new Thread(this::work, "evidence-signer-" + number + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    public static Builder builder(EvidenceSigner signer) {
        return new Builder(signer);
    }

    /**
     * Queues a record for signing. Returns at once while there is room; otherwise waits up to the offer timeout.
     *
     * @return completes with the signed evidence once its batch is stored, or exceptionally when signing or storing
     *         failed, or at once with {@link RejectedExecutionException} when the queue is closed or stayed full
     */
    public CompletableFuture<SignedEvidence> submit(EvidenceRecord record) {
        Objects.requireNonNull(record, "record");
        CompletableFuture<SignedEvidence> future = new CompletableFuture<>();
        boolean room;
        try {
            room = !closed && permits.tryAcquire(offerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            room = false;
        }
        if (!room) {
            future.completeExceptionally(new RejectedExecutionException(closed ? "evidence queue closed"
                    : "evidence queue full for " + offerTimeout));
            return future;
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                permits.release();
                future.completeExceptionally(new RejectedExecutionException("evidence queue closed"));
                return future;
            }
            // the set serves flush() and forgets a future once it completed; the counter serves pending() and is
            // decremented before completion, so that it reads 0 as soon as flush() completes
            unfinished.add(future);
            future.whenComplete((result, failure) -> unfinished.remove(future));
            pendingCount.incrementAndGet();
            queue.add(new Item(record, future));
        } finally {
            lifecycle.readLock().unlock();
        }
        return future;
    }

    /** Completes when every record submitted before this call is signed and stored (or failed). */
    public CompletableFuture<Void> flush() {
        return CompletableFuture.allOf(unfinished.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null);
    }

    /** Records submitted and not yet stored. */
    public int pending() {
        return pendingCount.get();
    }

    /**
     * Stops taking records, signs and stores what is queued, and waits for the workers (at most {@code timeout}).
     *
     * @return true when every worker finished in time
     */
    public boolean close(Duration timeout) {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                // after every record already queued: the workers finish those first
                for (int i = 0; i < workers.size(); i++) {
                    queue.add(POISON);
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return workers.stream().noneMatch(Thread::isAlive);
    }

    /** {@link #close(Duration)} with 30 seconds. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void work() {
        List<Item> batch = new ArrayList<>(maxBatch);
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                Item first = queue.take();
                if (first == POISON) {
                    return;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long until = System.nanoTime() + linger.toNanos();
            while (batch.size() < maxBatch) {
                Item next;
                try {
                    long left = until - System.nanoTime();
                    next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    next = null;
                }
                if (next == null) {
                    break;
                }
                if (next == POISON) {
                    stop = true; // this worker's marker: finish the batch, then stop
                    break;
                }
                batch.add(next);
            }
            process(batch);
            permits.release(batch.size());
        }
    }

    private void process(List<Item> batch) {
        List<SignedEvidence> signed = new ArrayList<>(batch.size());
        List<Item> done = new ArrayList<>(batch.size());
        for (Item item : batch) {
            try {
                signed.add(signer.signEvidence(item.record()));
                done.add(item);
            } catch (RuntimeException | Error e) {
                LOG.error("evidence for {} {} not signed: {}", item.record().docId(), item.record().event(),
                        e.toString());
                fail(item, e);
            }
        }
        if (signed.isEmpty()) {
            return;
        }
        try {
            sink.store(signed);
        } catch (Exception | Error e) { // whatever happens, no future is left hanging and the worker goes on
            // the usual cause is the database being down: say so once per outage, not once per batch (the
            // evidence repair task issues what is missing once the store works again)
            if (storeFailing.compareAndSet(false, true)) {
                LOG.warn("evidence records not stored, storing is failing: {} (batch of {}; later failures are "
                        + "logged at DEBUG until a batch is stored)", e.toString(), signed.size());
            } else {
                LOG.debug("a batch of {} evidence records was not stored: {}", signed.size(), e.toString());
            }
            for (Item item : done) {
                fail(item, e);
            }
            return;
        }
        if (storeFailing.compareAndSet(true, false)) {
            LOG.info("evidence records are stored again");
        }
        for (int i = 0; i < done.size(); i++) {
            pendingCount.decrementAndGet();
            done.get(i).future().complete(signed.get(i));
        }
    }

    private void fail(Item item, Throwable failure) {
        pendingCount.decrementAndGet();
        item.future().completeExceptionally(failure);
    }

    /** Configuration of an {@link EvidenceQueue}. */
    public static final class Builder {
        private final EvidenceSigner signer;
        private EvidenceSink sink = EvidenceSink.discard();
        private int capacity = 10_000;
        private int workers = 1;
        private int maxBatch = 64;
        private Duration linger = Duration.ZERO;
        private Duration offerTimeout = Duration.ofSeconds(1);

        private Builder(EvidenceSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
        }

        /** Where signed batches go. Default: nowhere (read the futures). */
        public Builder sink(EvidenceSink value) {
            this.sink = Objects.requireNonNull(value, "sink");
            return this;
        }

        /** Records that may wait for signing. Default 10,000. */
        public Builder capacity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.capacity = value;
            return this;
        }

        /** Signing threads. Default 1 (on 2 cores, leave one to the rest of the gateway). */
        public Builder workers(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("workers must be positive");
            }
            this.workers = value;
            return this;
        }

        /** Largest batch handed to the sink. Default 64. */
        public Builder maxBatch(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBatch must be positive");
            }
            this.maxBatch = value;
            return this;
        }

        /**
         * How long a worker that took one record waits for more before it stores the batch: a busy queue then
         * stores one batch per linger instead of one per record (each store is a database commit). Default 0.
         */
        public Builder linger(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("linger must not be negative");
            }
            this.linger = value;
            return this;
        }

        /** How long {@code submit} waits for room in a full queue. Default 1 s. */
        public Builder offerTimeout(Duration value) {
            this.offerTimeout = Objects.requireNonNull(value, "offerTimeout");
            return this;
        }

        public EvidenceQueue build() {
            return new EvidenceQueue(this);
        }
    }
}
