package vn.lienthong.trust.chain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of the tamper-evident log, as stored: its sequence number, its fields, the hash of the record before
 * and its own hash (see {@link HashChain} for the rule). A JDBC layer builds these from rows
 * ({@code new ChainRecord(rs.getLong("seq"), fields, rs.getString("prev_hash"), rs.getString("hash"))}) and feeds
 * them to a {@link ChainVerifier}.
 *
 * <p>Fields are text: store each as the exact string that was hashed (render timestamps once, e.g. as ISO-8601 UTC,
 * and keep the text). Keys are {@code [A-Za-z0-9_.-]}; a null value means the key is absent (SQL NULL).
 *
 * @param sequence     1, 2, 3, ... without gaps
 * @param fields       the record's content (kept as an unmodifiable map sorted by key)
 * @param previousHash the hash of the record before ({@link HashChain#GENESIS_HASH} for the first)
 * @param hash         this record's hash as stored (not recomputed here: the verifier compares)
 */
public record ChainRecord(long sequence, Map<String, String> fields, String previousHash, String hash) {

    public ChainRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, value);
                }
            });
        }
        fields = Collections.unmodifiableSortedMap(copy);
        previousHash = HashChain.checkHash(previousHash, "previousHash");
        hash = HashChain.checkHash(hash, "hash");
    }

    /** A new record with its hash computed. */
    public static ChainRecord link(long sequence, Map<String, String> fields, String previousHash) {
        ChainRecord unhashed = new ChainRecord(sequence, fields, previousHash, HashChain.GENESIS_HASH);
        return new ChainRecord(sequence, unhashed.fields(), unhashed.previousHash(),
                HashChain.hash(sequence, unhashed.fields(), unhashed.previousHash()));
    }

    /** The hash this record's contents give now. */
    public String computeHash() {
        return HashChain.hash(sequence, fields, previousHash);
    }
}
