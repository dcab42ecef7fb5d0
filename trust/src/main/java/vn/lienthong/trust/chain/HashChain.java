package vn.lienthong.trust.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.HexFormat;

import vn.lienthong.trust.evidence.CanonicalJson;

/**
 * The hash rule of the tamper-evident log.
 *
 * <p>A record's hash is the SHA-256 (JDK provider), in 64 lower-case hex digits, of the UTF-8 canonical JSON
 * ({@link CanonicalJson}: sorted keys, no whitespace) of
 * <pre>{"fields":{&lt;the record's fields, string values&gt;},"previousHash":"&lt;64 hex&gt;","sequence":&lt;n&gt;}</pre>
 * The first record has sequence 1 and previousHash {@link #GENESIS_HASH}; each next record has the sequence after
 * and the hash of the one before. Anyone can recompute it (e.g. {@code jq -cS} gives the same bytes for ASCII
 * content), so an auditor does not need this code.
 */
public final class HashChain {

    /** The previousHash of the first record: 64 zeros. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    /** The bytes that are hashed for a record. */
    public static byte[] canonicalEncoding(long sequence, Map<String, String> fields, String previousHash) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("fields", fields);
        object.put("previousHash", previousHash);
        object.put("sequence", sequence);
        return CanonicalJson.write(object);
    }

    /** The hash of a record with these contents. */
    public static String hash(long sequence, Map<String, String> fields, String previousHash) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalEncoding(sequence, fields, previousHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The record that follows {@code previous} with these fields. */
    public static ChainRecord next(ChainPosition previous, Map<String, String> fields) {
        return ChainRecord.link(previous.sequence() + 1, fields, previous.hash());
    }

    static String checkHash(String hash, String name) {
        if (hash == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        String lower = hash.toLowerCase(Locale.ROOT);
        if (lower.length() != 64 || !lower.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(name + " is not 64 hex digits: " + hash);
        }
        return lower;
    }
}
