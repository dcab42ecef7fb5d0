package vn.lienthong.trust.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the gateway attests about one event of one document, in the form it signs.
 *
 * <p>The signed bytes are the canonical JSON ({@link CanonicalJson}) of:
 * <pre>{"docId":"...","event":"ACCEPTED","packetSha256":"&lt;64 hex&gt;","recipient":"000.00.00.H41",
 * "sender":"000.00.00.D41","time":"2026-11-21T08:15:30.123Z","type":"lienthong.evidence","version":1}</pre>
 * {@code type} keeps a signed evidence record from being passed off as any other object the gateway's key signs
 * (a signed log head, for instance). {@code time} is UTC with exactly three fraction digits: the record keeps
 * milliseconds only, so that it round-trips through its JSON.
 *
 * @param docId        the gateway's DocId of the packet
 * @param packetSha256 SHA-256 of the packet as stored, 64 hex digits (kept lower-case)
 * @param sender       agency code of the sender (of the status, for STATUS)
 * @param recipient    agency code of the recipient (the original sender, for STATUS); one record per recipient
 * @param event        what happened
 * @param time         when it happened (truncated to milliseconds)
 */
public record EvidenceRecord(String docId, String packetSha256, String sender, String recipient, EvidenceEvent event,
        Instant time) {

    /** The value of {@code type} in every evidence record. */
    public static final String TYPE = "lienthong.evidence";
    /** The format version written into {@code version}. */
    public static final int VERSION = 1;


    public EvidenceRecord {
        docId = required(docId, "docId");
        sender = required(sender, "sender");
        recipient = required(recipient, "recipient");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        packetSha256 = required(packetSha256, "packetSha256").toLowerCase(Locale.ROOT);
        if (packetSha256.length() != 64 || !packetSha256.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("packetSha256 is not 64 hex digits: " + packetSha256);
        }
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The fields as they are signed (keys sorted when written). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("docId", docId);
        fields.put("event", event.name());
        fields.put("packetSha256", packetSha256);
        fields.put("recipient", recipient);
        fields.put("sender", sender);
        fields.put("time", CanonicalJson.TIME.format(time));
        fields.put("type", TYPE);
        fields.put("version", VERSION);
        return fields;
    }

    /** The exact bytes that are signed: canonical JSON, UTF-8. */
    public byte[] canonicalJson() {
        return CanonicalJson.write(fields());
    }

    /**
     * Reads a record back from its signed bytes.
     *
     * @throws IllegalArgumentException when the bytes are not an evidence record in canonical form
     */
    public static EvidenceRecord fromCanonicalJson(byte[] json) {
        Map<String, Object> fields = CanonicalJson.parse(json, TYPE, VERSION, "an evidence record");
        EvidenceRecord record;
        try {
            record = new EvidenceRecord(text(fields, "docId"), text(fields, "packetSha256"), text(fields, "sender"),
                    text(fields, "recipient"), EvidenceEvent.valueOf(text(fields, "event")),
                    Instant.from(CanonicalJson.TIME.parse(text(fields, "time"))));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time in evidence record", e);
        }
        if (fields.size() != 8 || !Arrays.equals(record.canonicalJson(), json)) {
            throw new IllegalArgumentException("evidence record not in canonical form");
        }
        return record;
    }

    private static String text(Map<String, Object> fields, String key) {
        if (!(fields.get(key) instanceof String value)) {
            throw new IllegalArgumentException("evidence record without string " + key);
        }
        return value;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
