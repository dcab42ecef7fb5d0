package vn.lienthong.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EvidenceQueueTest {

    @Test
    void everySubmittedRecordIsSignedStoredInBatchesAndVerifiable() throws Exception {
        List<List<SignedEvidence>> batches = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<SignedEvidence>> futures = new ArrayList<>();
        try (EvidenceQueue queue = EvidenceQueue.builder(EvidenceSignerTest.ecdsa()).workers(2).maxBatch(50)
                .sink(batches::add).build()) {
            for (int i = 0; i < 500; i++) {
                futures.add(queue.submit(EvidenceSignerTest.record("DOC-" + i, EvidenceEvent.ACCEPTED)));
            }
            queue.flush().get(60, TimeUnit.SECONDS);
            assertThat(queue.pending()).isZero();
        }

        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(500);
        assertThat(batches).allMatch(batch -> batch.size() <= 50);
        EvidenceVerifier verifier = EvidenceSignerTest.verifier();
        for (int i = 0; i < 500; i += 50) {
            SignedEvidence signed = futures.get(i).get();
            assertThat(signed.record().docId()).isEqualTo("DOC-" + i);
            assertThat(signed.recordSha256()).isEqualTo(EvidenceSigner.sha256Hex(signed.record().canonicalJson()));
            assertThat(verifier.verify(signed.cms()).record()).isEqualTo(signed.record());
        }
    }

    @Test
    void aFullQueueRejectsAfterTheOfferTimeoutAndTheRestIsStillSigned() throws Exception {
        CountDownLatch sinkEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EvidenceSink blocked = batch -> {
            sinkEntered.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        };
        try (EvidenceQueue queue = EvidenceQueue.builder(EvidenceSignerTest.ecdsa()).capacity(3).maxBatch(1)
                .offerTimeout(Duration.ofMillis(50)).sink(blocked).build()) {
            CompletableFuture<SignedEvidence> first = queue.submit(EvidenceSignerTest.record("A", EvidenceEvent.ACCEPTED));
            assertThat(sinkEntered.await(60, TimeUnit.SECONDS)).isTrue(); // the worker holds "A" in the sink
            CompletableFuture<SignedEvidence> second = queue.submit(EvidenceSignerTest.record("B", EvidenceEvent.ACCEPTED));
            CompletableFuture<SignedEvidence> third = queue.submit(EvidenceSignerTest.record("C", EvidenceEvent.ACCEPTED));
            CompletableFuture<SignedEvidence> rejected = queue.submit(
                    EvidenceSignerTest.record("D", EvidenceEvent.ACCEPTED));

            assertThat(rejected).isCompletedExceptionally();
            assertThat(catchCause(rejected)).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
            CompletableFuture.allOf(first, second, third).get(60, TimeUnit.SECONDS);
            assertThat(third.get().record().docId()).isEqualTo("C");
        }
    }

    @Test
    void aFailingSinkFailsTheBatchesFutures() throws Exception {
        try (EvidenceQueue queue = EvidenceQueue.builder(EvidenceSignerTest.ecdsa())
                .sink(batch -> { throw new IllegalStateException("database down"); }).build()) {
            CompletableFuture<SignedEvidence> future = queue.submit(
                    EvidenceSignerTest.record("X", EvidenceEvent.DELIVERED));
            queue.flush().get(60, TimeUnit.SECONDS);

            assertThat(catchCause(future)).hasMessage("database down");
        }
    }

    @Test
    void closeSignsWhatIsQueuedThenRefuses() throws Exception {
        List<SignedEvidence> stored = Collections.synchronizedList(new ArrayList<>());
        EvidenceQueue queue = EvidenceQueue.builder(EvidenceSignerTest.rsa()).sink(stored::addAll).build();
        List<CompletableFuture<SignedEvidence>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(queue.submit(EvidenceSignerTest.record("R" + i, EvidenceEvent.STATUS)));
        }

        assertThat(queue.close(Duration.ofSeconds(60))).isTrue();

        assertThat(stored).hasSize(20);
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(catchCause(queue.submit(EvidenceSignerTest.record("late", EvidenceEvent.STATUS))))
                .isInstanceOf(RejectedExecutionException.class);
    }

    private static Throwable catchCause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("future not completed", e);
        }
    }
}
