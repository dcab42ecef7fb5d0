package vn.lienthong.gateway.tracking;

import static vn.lienthong.gateway.tracking.SqlTimes.instant;
import static vn.lienthong.gateway.tracking.SqlTimes.now;
import static vn.lienthong.gateway.tracking.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.trust.evidence.CanonicalJson;

/**
 * Documents, their deliveries and their events, in the database. Every state change of a delivery is a
 * conditional UPDATE on its current state, so that consumers are idempotent: a message seen twice changes
 * nothing the second time.
 */
@Repository
public class TrackingStore {

    private static final int INBOX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;

    public TrackingStore(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
    }

    /**
     * An event appended to the chain that owes signed evidence; published by {@link EventChain} inside the
     * transaction that chained it (listeners act after its commit, see {@code vn.lienthong.gateway.evidence}).
     */
    public record EvidenceOwed(long seq, String documentId, String deliveryId, EventType type, Instant time) {
    }

    /** A document as accepted. */
    public record DocumentRow(String id, String messageType, String senderSystem, String fromCode,
                              String edxmlDocumentId, String codeNumber, String codeNotation, String subject,
                              String typeName, String promulgationDate, int priority, Integer businessDocType,
                              String statusCode, String relatedDocId, String receivedSha256, long receivedSize,
                              String storedSha256, long storedSize, String signatureStatus, String signer,
                              String channel, String dedupKey, Instant receivedAt) {
    }

    /** A delivery as it stands. */
    public record DeliveryRow(String id, String documentId, String recipientCode, DeliveryMode mode,
                              DeliveryState state, int priority, int attempts, String lastError,
                              String businessStatus, Instant createdAt, Instant updatedAt, Instant deliveredAt) {
    }

    /** A delivery joined with what its recipient needs to know of the document. */
    public record InboxRow(DeliveryRow delivery, String messageType, String fromCode, String storedSha256,
                           long storedSize, String pdfVerdict) {
    }

    /** One recipient of a sent document, with the document's identity. */
    public record SentRow(DocumentRow document, DeliveryRow delivery) {
    }

    public record EventRow(long id, String documentId, String deliveryId, EventType type, String detail, String actor,
                           Instant createdAt) {
    }

    public record NewDelivery(String id, String recipientCode, DeliveryMode mode) {
    }

    /**
     * Records an accepted document, one PENDING delivery per recipient and the ACCEPTED event, in one
     * transaction; {@code alsoInTransaction} runs inside it (links, business statuses).
     */
    public void recordAccepted(DocumentRow doc, List<NewDelivery> deliveries, String actor, Runnable alsoInTransaction) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO documents (id, message_type, sender_system, from_code, edxml_document_id, code_number,
                        code_notation, subject, type_name, promulgation_date, priority, business_doc_type, status_code,
                        related_doc_id, received_sha256, received_size, stored_sha256, stored_size, signature_status,
                        signer, channel, dedup_key, received_at)
                    VALUES (:id, :messageType, :senderSystem, :fromCode, :edxmlDocumentId, :codeNumber, :codeNotation,
                        :subject, :typeName, :promulgationDate, :priority, :businessDocType, :statusCode, :relatedDocId,
                        :receivedSha256, :receivedSize, :storedSha256, :storedSize, :signatureStatus, :signer, :channel,
                        :dedupKey, :receivedAt)""")
                    .param("id", doc.id()).param("messageType", doc.messageType())
                    .param("senderSystem", doc.senderSystem()).param("fromCode", doc.fromCode())
                    .param("edxmlDocumentId", doc.edxmlDocumentId()).param("codeNumber", doc.codeNumber())
                    .param("codeNotation", doc.codeNotation()).param("subject", doc.subject())
                    .param("typeName", doc.typeName()).param("promulgationDate", doc.promulgationDate())
                    .param("priority", doc.priority()).param("businessDocType", doc.businessDocType())
                    .param("statusCode", doc.statusCode()).param("relatedDocId", doc.relatedDocId())
                    .param("receivedSha256", doc.receivedSha256()).param("receivedSize", doc.receivedSize())
                    .param("storedSha256", doc.storedSha256()).param("storedSize", doc.storedSize())
                    .param("signatureStatus", doc.signatureStatus()).param("signer", doc.signer())
                    .param("channel", doc.channel()).param("dedupKey", doc.dedupKey())
                    .param("receivedAt", utc(doc.receivedAt()))
                    .update();
            OffsetDateTime now = utc(doc.receivedAt());
            for (NewDelivery delivery : deliveries) {
                jdbc.sql("""
                        INSERT INTO deliveries (id, document_id, recipient_code, mode, state, priority, created_at, updated_at)
                        VALUES (:id, :documentId, :recipient, :mode, 'PENDING', :priority, :now, :now)""")
                        .param("id", delivery.id()).param("documentId", doc.id())
                        .param("recipient", delivery.recipientCode()).param("mode", delivery.mode().name())
                        .param("priority", doc.priority()).param("now", now)
                        .update();
            }
            event(doc.id(), null, EventType.ACCEPTED, deliveries.size() + " đơn vị nhận", actor);
            alsoInTransaction.run();
        });
    }

    public Optional<String> findByDedupKey(String dedupKey) {
        return jdbc.sql("SELECT id FROM documents WHERE dedup_key = :key").param("key", dedupKey)
                .query(String.class).optional();
    }

    public Optional<DocumentRow> findDocument(String id) {
        return jdbc.sql("SELECT * FROM documents WHERE id = :id").param("id", id).query(TrackingStore::document).optional();
    }

    public Optional<DeliveryRow> findDelivery(String id) {
        return jdbc.sql("SELECT * FROM deliveries WHERE id = :id").param("id", id).query(TrackingStore::delivery).optional();
    }

    public List<DeliveryRow> deliveriesOf(String documentId) {
        return jdbc.sql("SELECT * FROM deliveries WHERE document_id = :id ORDER BY recipient_code")
                .param("id", documentId).query(TrackingStore::delivery).list();
    }

    /**
     * The latest document packet with this edXML DocumentId that {@code party} took part in, as its sender
     * ({@code asSender}) or as one of its recipients.
     */
    public Optional<DocumentRow> findOriginal(String edxmlDocumentId, String party, boolean asSender) {
        String sql = asSender
                ? "SELECT * FROM documents doc WHERE doc.edxml_document_id = :docId AND doc.message_type = 'edoc'"
                  + " AND doc.from_code = :party ORDER BY doc.received_at DESC"
                : "SELECT doc.* FROM documents doc JOIN deliveries d ON d.document_id = doc.id"
                  + " WHERE doc.edxml_document_id = :docId AND doc.message_type = 'edoc' AND d.recipient_code = :party"
                  + " ORDER BY doc.received_at DESC";
        return jdbc.sql(sql).param("docId", edxmlDocumentId).param("party", party)
                .query(TrackingStore::document).list().stream().findFirst();
    }

    /**
     * The latest document packet with this DocumentId that {@code sender} sent to {@code recipient}. A
     * DocumentId is the sender's own: another sender's document with the same id is never the one meant.
     */
    public Optional<DocumentRow> findReceivedOriginal(String edxmlDocumentId, String sender, String recipient) {
        return jdbc.sql("SELECT doc.* FROM documents doc JOIN deliveries d ON d.document_id = doc.id"
                        + " WHERE doc.edxml_document_id = :docId AND doc.message_type = 'edoc' AND doc.from_code = :sender"
                        + " AND d.recipient_code = :recipient ORDER BY doc.received_at DESC")
                .param("docId", edxmlDocumentId).param("sender", sender).param("recipient", recipient)
                .query(TrackingStore::document).list().stream().findFirst();
    }

    /**
     * The recipients among {@code recipients} that already have a document with this DocumentId from a
     * sender other than {@code sender}: reusing it would let that sender capture their statuses.
     */
    public List<String> recipientsWithForeignDocumentId(String edxmlDocumentId, String sender,
                                                        java.util.Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT d.recipient_code FROM documents doc JOIN deliveries d ON d.document_id = doc.id"
                        + " WHERE doc.edxml_document_id = :docId AND doc.message_type = 'edoc' AND doc.from_code <> :sender"
                        + " AND d.recipient_code IN (:recipients)")
                .param("docId", edxmlDocumentId).param("sender", sender).param("recipients", recipients)
                .query(String.class).list();
    }

    /** Whether an operator purged this document's packets after the retention period. */
    public boolean packetsPurged(String documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM documents WHERE id = :id AND packets_purged_at IS NOT NULL")
                .param("id", documentId).query(Long.class).single() > 0;
    }

    /** Records the business status a recipient reported on a document (shown in getSentEdocList). */
    public void setBusinessStatus(String documentId, String recipientCode, String statusCode) {
        jdbc.sql("UPDATE deliveries SET business_status = :code WHERE document_id = :doc AND recipient_code = :recipient")
                .param("code", statusCode).param("doc", documentId).param("recipient", recipientCode).update();
    }

    /** PENDING to QUEUED once the broker has the message. */
    public boolean markQueued(String deliveryId) {
        return transition(deliveryId, "state = 'PENDING'", "state = 'QUEUED'", EventType.QUEUED, null, null);
    }

    /** A pull delivery becomes visible in its recipient's inbox. */
    public boolean markAvailable(String deliveryId) {
        return transition(deliveryId, "state IN ('PENDING', 'QUEUED')", "state = 'AVAILABLE', available_at = :now",
                EventType.AVAILABLE, null, null);
    }

    /**
     * A delivery to a suspended agency is HELD until the agency is resumed. HELD, not PENDING, so that a
     * dispatch finishing after the consumer (PENDING to QUEUED) cannot strand it.
     */
    public boolean hold(String deliveryId) {
        return transition(deliveryId, "state IN ('PENDING', 'QUEUED')", "state = 'HELD'", EventType.HELD, null, null);
    }

    /** Releases a held delivery into the outbox, to be dispatched. */
    public boolean release(String deliveryId, String actor) {
        return transition(deliveryId, "state = 'HELD'", "state = 'PENDING'", EventType.RELEASED, null, actor);
    }

    /** One agency's deliveries waiting for it: held ones, and any still in the outbox. */
    public List<DeliveryRow> waitingFor(String recipientCode) {
        return jdbc.sql("SELECT * FROM deliveries WHERE recipient_code = :code AND state IN ('HELD', 'PENDING')"
                        + " ORDER BY created_at")
                .param("code", recipientCode).query(TrackingStore::delivery).list();
    }

    /** A push delivery was accepted by the recipient's endpoint. */
    public boolean markPushed(String deliveryId) {
        return transition(deliveryId, "state IN ('PENDING', 'QUEUED')",
                "state = 'DELIVERED', delivered_at = :now, attempts = attempts + 1", EventType.DELIVERED, null, null);
    }

    /** A push attempt failed; the broker will try again. */
    public void recordPushFailure(String deliveryId, String error) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE deliveries SET attempts = attempts + 1, last_error = :error, updated_at = :now,"
                            + " claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                    .param("error", truncate(error)).param("now", now()).param("id", deliveryId).update();
            findDelivery(deliveryId).ifPresent(d -> event(d.documentId(), deliveryId, EventType.PUSH_FAILED, error, null));
        });
    }

    /** Gives a push claim back without counting a failure: the delivery waits for another one to go first. */
    public void releasePushClaim(String deliveryId) {
        jdbc.sql("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                .param("id", deliveryId).update();
    }

    /** Every attempt failed: the message reached the dead-letter queue. */
    public boolean markFailed(String deliveryId, String error) {
        return transition(deliveryId, "state IN ('PENDING', 'QUEUED')", "state = 'FAILED', last_error = :error",
                EventType.FAILED, error, null);
    }

    /** The recipient's transport acknowledgement of a pulled packet. */
    public boolean acknowledge(String deliveryId, DeliveryState target, String detail, String actor) {
        String set = target == DeliveryState.DELIVERED ? "state = 'DELIVERED', delivered_at = :now" : "state = '" + target + "'";
        EventType type = switch (target) {
            case DELIVERED -> EventType.DELIVERED;
            case REJECTED -> EventType.REJECTED;
            default -> EventType.PROCESSING;
        };
        return transition(deliveryId, "state IN ('AVAILABLE', 'PROCESSING')", set, type, detail, actor);
    }

    /** An operator's resend: a FAILED or REJECTED delivery goes back to the outbox. */
    public boolean resend(String deliveryId, String actor) {
        return transition(deliveryId, "state IN ('FAILED', 'REJECTED')", "state = 'PENDING', attempts = 0",
                EventType.RESENT, null, actor);
    }

    private boolean transition(String deliveryId, String condition, String set, EventType event, String error,
                               String actor) {
        Boolean changed = transaction.execute(status -> {
            int rows = jdbc.sql("UPDATE deliveries SET " + set + ", updated_at = :now WHERE id = :id AND " + condition)
                    .param("now", now()).param("id", deliveryId).param("error", truncate(error)).update();
            if (rows == 1) {
                findDelivery(deliveryId).ifPresent(d -> event(d.documentId(), deliveryId, event, error, actor));
            }
            return rows == 1;
        });
        return Boolean.TRUE.equals(changed);
    }

    /**
     * What the sweeper dispatches again: PENDING deliveries not touched since {@code pendingBefore} (recorded
     * but never handed to the broker), and QUEUED ones not touched since {@code queuedBefore} (null: none),
     * whose message the broker lost or whose consumer died between the broker's acknowledgement and the
     * database.
     */
    public List<DeliveryRow> staleOutbox(Instant pendingBefore, Instant queuedBefore, int limit) {
        String queued = queuedBefore == null ? "" : " OR (state = 'QUEUED' AND updated_at < :queuedBefore)";
        return jdbc.sql("SELECT * FROM deliveries WHERE ((state = 'PENDING' AND updated_at < :before)" + queued + ")"
                        + " AND recipient_code NOT IN (SELECT code FROM agencies WHERE suspended = TRUE)"
                        + " ORDER BY updated_at LIMIT " + limit)
                .param("before", utc(pendingBefore))
                .param("queuedBefore", queuedBefore == null ? null : utc(queuedBefore))
                .query(TrackingStore::delivery).list();
    }

    /**
     * The sweeper's claim on a stale delivery: touches it if it is still in the state it was found in and
     * untouched since {@code before}, so that it is dispatched once per sweep age, whichever node sweeps.
     */
    public boolean claimStale(DeliveryRow delivery, Instant before) {
        return jdbc.sql("UPDATE deliveries SET updated_at = :now WHERE id = :id AND state = :state"
                        + " AND updated_at < :before")
                .param("now", now()).param("id", delivery.id()).param("state", delivery.state().name())
                .param("before", utc(before)).update() == 1;
    }

    /**
     * Claims a delivery for one push until {@code until}: true when no other consumer (of this node or
     * another) is pushing it now. A failed push gives the claim back; a dead node's claim expires.
     */
    public boolean claimPush(String deliveryId, String node, Instant until) {
        OffsetDateTime now = now();
        return jdbc.sql("UPDATE deliveries SET claimed_by = :node, claimed_until = :until WHERE id = :id"
                        + " AND state IN ('PENDING', 'QUEUED') AND (claimed_until IS NULL OR claimed_until < :now)")
                .param("node", node).param("until", utc(until)).param("id", deliveryId).param("now", now)
                .update() == 1;
    }

    /** Until when another consumer's push claim on this delivery holds, if one does. */
    public Optional<Instant> pushClaimedUntil(String deliveryId) {
        return jdbc.sql("SELECT claimed_until FROM deliveries WHERE id = :id AND claimed_until IS NOT NULL")
                .param("id", deliveryId).query((rs, n) -> instant(rs, "claimed_until")).optional();
    }

    /** What waits in the inbox of these agencies, highest priority first, then oldest first. */
    public List<InboxRow> inbox(Collection<String> recipients, String messageType) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<String> codes = distinct(recipients);
        return bind(jdbc.sql(inboxSql(codes.size(), INBOX_LIMIT)), codes, messageType)
                .query((rs, n) -> new InboxRow(delivery(rs, n), rs.getString("doc_message_type"),
                        rs.getString("doc_from_code"), rs.getString("doc_sha256"), rs.getLong("doc_size"),
                        rs.getString("doc_pdf_verdict")))
                .list();
    }

    public long countInbox(Collection<String> recipients, String messageType) {
        if (recipients.isEmpty()) {
            return 0;
        }
        List<String> codes = distinct(recipients);
        return bind(jdbc.sql(inboxCountSql(codes.size())), codes, messageType).query(Long.class).single();
    }

    /**
     * The first {@code limit} deliveries waiting in the inboxes of {@code agencies} agencies (parameters {@code :r0},
     * {@code :r1}, ... and {@code :type}). One branch per agency and state, each an equality on both leading columns
     * of {@code ix_deliveries_inbox} and ordered as that index is (its equal leading columns named too, which H2
     * needs to see the order), so the database reads each branch in index order and stops after {@code limit}
     * rows: a list costs the same with ten or fifty thousand documents waiting, and never reads an agency's
     * delivered history. Only the branches' few rows are sorted together.
     */
    static String inboxSql(int agencies, int limit) {
        return inboxBranches("SELECT *", agencies, """
                SELECT d.*, doc.message_type AS doc_message_type, doc.from_code AS doc_from_code,
                       doc.stored_sha256 AS doc_sha256, doc.stored_size AS doc_size, doc.pdf_verdict AS doc_pdf_verdict""",
                " ORDER BY d.recipient_code, d.state, d.priority DESC, d.created_at, d.id LIMIT " + limit)
                + " ORDER BY priority DESC, created_at, id LIMIT " + limit;
    }

    /** How many deliveries wait in those inboxes (the same branches, every row counted). */
    private static String inboxCountSql(int agencies) {
        return inboxBranches("SELECT COUNT(*)", agencies, "SELECT d.id", "");
    }

    private static String inboxBranches(String outer, int agencies, String select, String branchOrder) {
        StringBuilder sql = new StringBuilder(outer).append(" FROM (");
        for (int i = 0; i < agencies; i++) {
            for (String state : List.of("AVAILABLE", "PROCESSING")) {
                sql.append(i == 0 && state.equals("AVAILABLE") ? "(" : " UNION ALL (").append(select)
                        .append(" FROM deliveries d JOIN documents doc ON doc.id = d.document_id")
                        .append(" WHERE d.recipient_code = :r").append(i).append(" AND d.state = '").append(state)
                        .append("' AND doc.message_type = :type").append(branchOrder).append(')');
            }
        }
        return sql.append(") waiting").toString();
    }

    private static List<String> distinct(Collection<String> codes) {
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<String> codes, String messageType) {
        spec = spec.param("type", messageType);
        for (int i = 0; i < codes.size(); i++) {
            spec = spec.param("r" + i, codes.get(i));
        }
        return spec;
    }

    /** The deliveries of documents these agencies sent, newest first; one document when {@code documentId} is given. */
    public List<SentRow> sent(Collection<String> senders, String messageType, String documentId) {
        if (senders.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT doc.*, d.id AS d_id, d.document_id AS d_document_id, d.recipient_code AS d_recipient_code,
                       d.mode AS d_mode, d.state AS d_state, d.priority AS d_priority, d.attempts AS d_attempts,
                       d.last_error AS d_last_error, d.business_status AS d_business_status,
                       d.created_at AS d_created_at, d.updated_at AS d_updated_at, d.delivered_at AS d_delivered_at
                FROM documents doc JOIN deliveries d ON d.document_id = doc.id
                WHERE doc.from_code IN (:senders) AND doc.message_type = :type""";
        var spec = documentId == null
                ? jdbc.sql(sql + " ORDER BY doc.received_at DESC, d.recipient_code LIMIT " + INBOX_LIMIT)
                : jdbc.sql(sql + " AND doc.id = :docId ORDER BY d.recipient_code").param("docId", documentId);
        return spec.param("senders", senders).param("type", messageType)
                .query((rs, n) -> new SentRow(document(rs, n), new DeliveryRow(rs.getString("d_id"),
                        rs.getString("d_document_id"), rs.getString("d_recipient_code"),
                        DeliveryMode.valueOf(rs.getString("d_mode")), DeliveryState.valueOf(rs.getString("d_state")),
                        rs.getInt("d_priority"), rs.getInt("d_attempts"), rs.getString("d_last_error"),
                        rs.getString("d_business_status"), instant(rs, "d_created_at"), instant(rs, "d_updated_at"),
                        instant(rs, "d_delivered_at"))))
                .list();
    }

    public List<EventRow> events(String documentId) {
        return jdbc.sql("SELECT * FROM events WHERE document_id = :id ORDER BY id").param("id", documentId)
                .query((rs, n) -> new EventRow(rs.getLong("id"), rs.getString("document_id"), rs.getString("delivery_id"),
                        EventType.valueOf(rs.getString("type")), rs.getString("detail"), rs.getString("actor"),
                        instant(rs, "created_at")))
                .list();
    }

    /**
     * Appends an event; callers run it inside their own transaction where there is one (else it has its own).
     * The event is inserted as pending for the tamper-evident log, and {@link EventChain} gives it its place in
     * the chain (seq, prev_hash, hash) in a batch once the transaction has committed, so that no transaction
     * waits for a gateway-wide lock. An event that owes signed evidence is marked {@code evidence_due} in the same
     * transaction; the evidence is issued once the event is chained.
     */
    public void event(String documentId, String deliveryId, EventType type, String detail, String actor) {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO events (document_id, delivery_id, type, detail, actor, created_at, evidence_due, chain_pending)
                VALUES (:doc, :delivery, :type, :detail, :actor, :now, :due, TRUE)""")
                .param("doc", documentId).param("delivery", deliveryId).param("type", type.name())
                .param("detail", truncate(detail)).param("actor", actor).param("now", utc(time))
                .param("due", type.owesEvidence()).update();
        publisher.publishEvent(EventChain.Appended.INSTANCE);
    }

    /** The fields of an event's chain record, exactly as hashed (null = absent). */
    public static Map<String, String> chainFields(String documentId, String deliveryId, String type, String detail,
                                                  String actor, Instant time) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", actor);
        fields.put("deliveryId", deliveryId);
        fields.put("detail", detail);
        fields.put("documentId", documentId);
        fields.put("time", CanonicalJson.TIME.format(time));
        fields.put("type", type);
        return fields;
    }

    // ---------------------------------------------------------------- mapping

    private static DocumentRow document(ResultSet rs, int row) throws SQLException {
        int businessType = rs.getInt("business_doc_type");
        Integer business = rs.wasNull() ? null : businessType;
        return new DocumentRow(rs.getString("id"), rs.getString("message_type"), rs.getString("sender_system"),
                rs.getString("from_code"), rs.getString("edxml_document_id"), rs.getString("code_number"),
                rs.getString("code_notation"), rs.getString("subject"), rs.getString("type_name"),
                rs.getString("promulgation_date"), rs.getInt("priority"), business, rs.getString("status_code"),
                rs.getString("related_doc_id"), rs.getString("received_sha256"), rs.getLong("received_size"),
                rs.getString("stored_sha256"), rs.getLong("stored_size"), rs.getString("signature_status"),
                rs.getString("signer"), rs.getString("channel"), rs.getString("dedup_key"),
                instant(rs, "received_at"));
    }

    private static DeliveryRow delivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryRow(rs.getString("id"), rs.getString("document_id"), rs.getString("recipient_code"),
                DeliveryMode.valueOf(rs.getString("mode")), DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("priority"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("business_status"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "delivered_at"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
