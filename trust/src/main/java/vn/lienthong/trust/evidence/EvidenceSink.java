package vn.lienthong.trust.evidence;

import java.util.List;

/**
 * Where signed evidence goes, a batch at a time (the gateway stores a batch in one database transaction: one commit
 * per batch is many times cheaper than one per row). Called from the {@link EvidenceQueue}'s worker threads;
 * with more than one worker, calls may run concurrently and batches arrive in no particular order.
 */
@FunctionalInterface
public interface EvidenceSink {

    /** Stores a batch; throwing fails every record of the batch (their futures complete exceptionally). */
    void store(List<SignedEvidence> batch) throws Exception;

    /** A sink that keeps nothing: the futures of {@link EvidenceQueue#submit} carry the results. */
    static EvidenceSink discard() {
        return batch -> { };
    }
}
