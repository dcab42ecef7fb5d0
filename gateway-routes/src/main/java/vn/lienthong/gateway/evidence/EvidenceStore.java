package vn.lienthong.gateway.evidence;

import static vn.lienthong.gateway.tracking.SqlTimes.instant;
import static vn.lienthong.gateway.tracking.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.tracking.EventType;

/** The evidence table, the events still owed evidence, and the signed heads of the chain. */
public class EvidenceStore {

    /** One signed record as stored. */
    public record StoredEvidence(long id, long eventSeq, String documentId, String deliveryId, String recordDocId,
                                 String event, String sender, String recipient, Instant time, String recordSha256,
                                 byte[] cms) {
    }

    /** A record to store, with where it is listed. */
    public record NewEvidence(long eventSeq, String documentId, String deliveryId, String recordDocId, String event,
                              String sender, String recipient, Instant time, String recordSha256, byte[] cms) {
    }

    /** An event that still owes evidence. */
    public record OwedEvent(long seq, String documentId, String deliveryId, EventType type, Instant time) {
    }

    /** A signed head of the chain. */
    public record SignedHead(long seq, String hash, Instant signedAt, byte[] cms) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    public EvidenceStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
    }

    /**
     * Stores a batch in one transaction (a record already there is left as it is) and clears
     * {@code evidence_due} of the events whose evidence is now complete.
     */
    public void store(List<NewEvidence> batch, Collection<Long> completeEvents) {
        transaction.executeWithoutResult(status -> {
            if (!batch.isEmpty()) {
                OffsetDateTime now = utc(Instant.now());
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (NewEvidence e : batch) {
                    rows.add(new Object[] {e.eventSeq(), e.documentId(), e.deliveryId(), e.recordDocId(), e.event(),
                            e.sender(), e.recipient(), utc(e.time()), e.recordSha256(), e.cms(), now});
                }
                template.batchUpdate("""
                        INSERT INTO evidence (event_seq, document_id, delivery_id, record_doc_id, event, sender, recipient,
                            record_time, record_sha256, cms, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
            }
            markIssued(completeEvents);
        });
    }

    /** Clears {@code evidence_due} of these events. */
    public void markIssued(Collection<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.sql("UPDATE events SET evidence_due = FALSE WHERE seq IN (:seqs)").param("seqs", seqs).update();
        }
    }

    /** Events owed evidence, recorded before {@code before}, oldest first. */
    public List<OwedEvent> owed(Instant before, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, document_id, delivery_id, type, created_at FROM events"
                        + " WHERE evidence_due = TRUE AND seq > :after AND created_at < :before ORDER BY seq LIMIT " + limit)
                .param("before", utc(before)).param("after", afterSeq)
                .query((rs, n) -> new OwedEvent(rs.getLong("seq"), rs.getString("document_id"),
                        rs.getString("delivery_id"), EventType.valueOf(rs.getString("type")), instant(rs, "created_at")))
                .list();
    }

    public long countOwed() {
        return jdbc.sql("SELECT COUNT(*) FROM events WHERE evidence_due = TRUE").query(Long.class).single();
    }

    /** The evidence listed under a document, in the order it was stored. */
    public List<StoredEvidence> ofDocument(String documentId) {
        return jdbc.sql("SELECT * FROM evidence WHERE document_id = :doc ORDER BY record_time, id")
                .param("doc", documentId).query(EvidenceStore::evidence).list();
    }

    // ---------------------------------------------------------------- signed heads

    public void storeHead(SignedHead head) {
        jdbc.sql("INSERT INTO chain_heads (seq, hash, signed_at, cms) VALUES (:seq, :hash, :at, :cms)"
                        + " ON CONFLICT DO NOTHING")
                .param("seq", head.seq()).param("hash", head.hash()).param("at", utc(head.signedAt()))
                .param("cms", head.cms()).update();
    }

    public Optional<SignedHead> latestHead() {
        return jdbc.sql("SELECT * FROM chain_heads ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new SignedHead(rs.getLong("seq"), rs.getString("hash"), instant(rs, "signed_at"),
                        rs.getBytes("cms")))
                .optional();
    }

    // ---------------------------------------------------------------- mapping

    private static StoredEvidence evidence(ResultSet rs, int row) throws SQLException {
        return new StoredEvidence(rs.getLong("id"), rs.getLong("event_seq"), rs.getString("document_id"),
                rs.getString("delivery_id"), rs.getString("record_doc_id"), rs.getString("event"),
                rs.getString("sender"), rs.getString("recipient"), instant(rs, "record_time"),
                rs.getString("record_sha256"), rs.getBytes("cms"));
    }
}
