package vn.lienthong.trust.chain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import vn.lienthong.trust.evidence.CanonicalJson;

/**
 * The latest position of a log at a time, as the gateway signs it. The signed bytes are the canonical JSON of
 * <pre>{"hash":"&lt;64 hex&gt;","log":"evidence","sequence":1000,"time":"2026-11-21T08:15:30.123Z",
 * "type":"lienthong.chain-head","version":1}</pre>
 *
 * @param log      the name of the log (a gateway may keep several)
 * @param sequence the sequence number of the latest record
 * @param hash     that record's hash
 * @param time     when the head was taken (truncated to milliseconds)
 */
public record ChainHead(String log, long sequence, String hash, Instant time) {

    public static final String TYPE = "lienthong.chain-head";
    public static final int VERSION = 1;

    public ChainHead {
        if (log == null || log.isBlank()) {
            throw new IllegalArgumentException("log is required");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        hash = HashChain.checkHash(hash, "hash");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The head of {@code log} at {@code position}, taken at {@code time}. */
    public static ChainHead of(String log, ChainPosition position, Instant time) {
        return new ChainHead(log, position.sequence(), position.hash(), time);
    }

    public ChainPosition position() {
        return new ChainPosition(sequence, hash);
    }

    /** The exact bytes that are signed. */
    public byte[] canonicalJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("hash", hash);
        fields.put("log", log);
        fields.put("sequence", sequence);
        fields.put("time", CanonicalJson.TIME.format(time));
        fields.put("type", TYPE);
        fields.put("version", VERSION);
        return CanonicalJson.write(fields);
    }

    /**
     * Reads a head back from its signed bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a chain head in canonical form
     */
    public static ChainHead fromCanonicalJson(byte[] json) {
        Map<String, Object> fields = CanonicalJson.parse(json, TYPE, VERSION, "a chain head");
        if (!(fields.get("hash") instanceof String hash) || !(fields.get("log") instanceof String log)
                || !(fields.get("sequence") instanceof Long sequence) || !(fields.get("time") instanceof String time)) {
            throw new IllegalArgumentException("chain head fields missing or of the wrong type");
        }
        ChainHead head;
        try {
            head = new ChainHead(log, sequence, hash, Instant.from(CanonicalJson.TIME.parse(time)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time in chain head", e);
        }
        if (fields.size() != 6 || !Arrays.equals(head.canonicalJson(), json)) {
            throw new IllegalArgumentException("chain head not in canonical form");
        }
        return head;
    }
}
