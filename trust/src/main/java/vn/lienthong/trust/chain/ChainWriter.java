package vn.lienthong.trust.chain;

import java.util.Map;
import java.util.Objects;

/**
 * Appends to the log: makes the next record, linked to the last one, and stands after it only once it is stored.
 * Thread-safe within one process (appends are serialized, the store call included).
 *
 * <p>The log must have one writer at a time. With several gateway nodes on one database, do not share a
 * ChainWriter: read the last position and insert the next record in one transaction that serializes appends
 * (e.g. {@code SELECT ... FOR UPDATE} on a one-row head table), with {@link HashChain#next}.
 */
public final class ChainWriter {

    /** Stores one record durably (e.g. an INSERT); throwing leaves the writer where it was. */
    @FunctionalInterface
    public interface Store {
        void store(ChainRecord record) throws Exception;
    }

    private ChainPosition last;

    /** A writer for a new, empty log. */
    public ChainWriter() {
        this(ChainPosition.GENESIS);
    }

    /** A writer that continues after {@code last} (read from storage). */
    public ChainWriter(ChainPosition last) {
        this.last = Objects.requireNonNull(last, "last");
    }

    /**
     * Makes the next record with these fields and has {@code store} store it.
     *
     * @return the stored record
     * @throws Exception whatever {@code store} threw; the writer then still stands after the previous record
     */
    public synchronized ChainRecord append(Map<String, String> fields, Store store) throws Exception {
        ChainRecord record = HashChain.next(last, fields);
        store.store(record);
        last = ChainPosition.of(record);
        return record;
    }

    /** The position of the last record stored. */
    public synchronized ChainPosition last() {
        return last;
    }
}
