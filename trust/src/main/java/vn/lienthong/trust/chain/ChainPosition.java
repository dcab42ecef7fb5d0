package vn.lienthong.trust.chain;

/**
 * A point of the chain: a record's sequence number and hash. {@link #GENESIS} (0, 64 zeros) stands before the
 * first record, whose sequence is 1 and whose previousHash is 64 zeros.
 */
public record ChainPosition(long sequence, String hash) {

    public static final ChainPosition GENESIS = new ChainPosition(0, HashChain.GENESIS_HASH);

    public ChainPosition {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        hash = HashChain.checkHash(hash, "hash");
    }

    /** Where this record leaves the chain. */
    public static ChainPosition of(ChainRecord record) {
        return new ChainPosition(record.sequence(), record.hash());
    }
}
