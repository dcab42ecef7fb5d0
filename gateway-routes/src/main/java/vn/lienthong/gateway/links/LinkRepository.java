package vn.lienthong.gateway.links;

import static vn.lienthong.gateway.tracking.SqlTimes.instant;
import static vn.lienthong.gateway.tracking.SqlTimes.now;
import static vn.lienthong.gateway.tracking.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lienthong.gateway.directory.Side;

/**
 * Links, the agencies behind them, the hand-offs to them and the packets taken from them (tables of
 * {@code V50__links.sql}). Plain SQL for H2 (PostgreSQL mode) and PostgreSQL.
 */
@Repository
public class LinkRepository {

    private static final int ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    public LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One packet taken from a link's inbox: accepted as {@code documentId}, or refused with a code. */
    public record Receipt(String linkId, String remoteDocId, String messageType, String documentId, String errorCode,
                          String reason, Instant receivedAt) {

        public boolean accepted() {
            return documentId != null;
        }
    }

    public List<Link> list() {
        return jdbc.sql("SELECT * FROM links ORDER BY id").query(LinkRepository::link).list();
    }

    public Optional<Link> find(String id) {
        return jdbc.sql("SELECT * FROM links WHERE id = ?").param(id).query(LinkRepository::link).optional();
    }

    public void insert(Link link) {
        jdbc.sql("INSERT INTO links (id, name, endpoint, system_id, secret, client_keystore, client_keystore_password, "
                        + "enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(link.id(), link.name(), link.endpoint(), link.systemId(), link.secret(), link.clientKeystore(),
                        link.clientKeystorePassword(), link.enabled())
                .update();
    }

    /** Changes what an operator sets (not the state). */
    public boolean update(Link link) {
        return jdbc.sql("UPDATE links SET name = ?, endpoint = ?, system_id = ?, secret = ?, client_keystore = ?, "
                        + "client_keystore_password = ?, enabled = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(link.name(), link.endpoint(), link.systemId(), link.secret(), link.clientKeystore(),
                        link.clientKeystorePassword(), link.enabled(), link.id())
                .update() == 1;
    }

    /** The link an agency is reached through; empty for a local agency (or an unknown one). */
    public Optional<String> linkOf(String agencyCode) {
        return jdbc.sql("SELECT link_id FROM agencies WHERE code = ? AND delivery_mode = 'LINK'").param(agencyCode)
                .query(String.class).optional();
    }

    /** The agencies reached through a link: the ones it may send as when its packets come in. */
    public Set<String> agenciesBehind(String linkId) {
        return new TreeSet<>(jdbc.sql("SELECT code FROM agencies WHERE link_id = ? AND enabled = TRUE")
                .param(linkId).query(String.class).list());
    }

    /** Adds an agency behind a link. */
    public void addAgency(String code, String name, Side side, String linkId) {
        jdbc.sql("INSERT INTO agencies (code, name, side, delivery_mode, link_id) VALUES (?, ?, ?, 'LINK', ?)")
                .params(code, name, side.name(), linkId).update();
    }

    /** Renames an agency already behind a link, or moves it to another link. */
    public void updateAgency(String code, String name, String linkId) {
        jdbc.sql("UPDATE agencies SET name = ?, link_id = ?, updated_at = CURRENT_TIMESTAMP "
                        + "WHERE code = ? AND delivery_mode = 'LINK'")
                .params(name, linkId, code).update();
    }

    /** Deliveries through the link not handed off yet (in the outbox, queued, held). */
    public long backlog(String linkId) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries d JOIN agencies a ON a.code = d.recipient_code "
                        + "WHERE d.mode = 'LINK' AND a.link_id = ? AND d.state IN ('PENDING', 'QUEUED', 'HELD')")
                .param(linkId).query(Long.class).single();
    }

    /** A call to the link worked: it is up. */
    public void recordSuccess(String linkId) {
        jdbc.sql("UPDATE links SET last_success_at = ?, failing_since = NULL, last_error = NULL WHERE id = ?")
                .params(now(), linkId).update();
    }

    /** A call to the link failed: failing since the first failure after the last success. */
    public void recordFailure(String linkId, String error) {
        jdbc.sql("UPDATE links SET failing_since = COALESCE(failing_since, ?), last_error = ? WHERE id = ?")
                .params(now(), truncate(error), linkId).update();
    }

    /** The link's inbox was just polled. */
    public void markPolled(String linkId) {
        jdbc.sql("UPDATE links SET last_polled_at = ? WHERE id = ?").params(now(), linkId).update();
    }

    /** The DocId the link gave a document handed off to it, if it was. */
    public Optional<String> transferOf(String documentId, String linkId) {
        return jdbc.sql("SELECT remote_doc_id FROM link_transfers WHERE document_id = ? AND link_id = ?")
                .params(documentId, linkId).query(String.class).optional();
    }

    public void recordTransfer(String documentId, String linkId, String remoteDocId) {
        jdbc.sql("INSERT INTO link_transfers (document_id, link_id, remote_doc_id, sent_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(documentId, linkId, remoteDocId, now()).update();
    }

    /**
     * Claims the right to forward over {@code linkId} for {@code subject} (a document, or the document a status or
     * revocation refers to) until {@code until}: true when no other delivery holds an unexpired claim on the pair.
     */
    public boolean claimForward(String subject, String linkId, String deliveryId, Instant until) {
        OffsetDateTime now = now();
        int taken = jdbc.sql("UPDATE link_forward_claims SET delivery_id = :delivery, claimed_until = :until "
                        + "WHERE subject_id = :subject AND link_id = :link "
                        + "AND (claimed_until < :now OR delivery_id = :delivery)")
                .param("delivery", deliveryId).param("until", utc(until)).param("subject", subject)
                .param("link", linkId).param("now", now).update();
        if (taken == 1) {
            return true;
        }
        return jdbc.sql("INSERT INTO link_forward_claims (subject_id, link_id, delivery_id, claimed_until) "
                        + "VALUES (:subject, :link, :delivery, :until) ON CONFLICT DO NOTHING")
                .param("subject", subject).param("link", linkId).param("delivery", deliveryId)
                .param("until", utc(until)).update() == 1;
    }

    /** Gives the claim back (only the delivery holding it can). */
    public void releaseForward(String subject, String linkId, String deliveryId) {
        jdbc.sql("DELETE FROM link_forward_claims WHERE subject_id = ? AND link_id = ? AND delivery_id = ?")
                .params(subject, linkId, deliveryId).update();
    }

    /**
     * Whether a packet of the same subject accepted before {@code documentId} still waits to go over the link (not
     * handed off, not failed): it goes first.
     */
    public boolean earlierWaiting(String subject, String linkId, String documentId, Instant receivedAt) {
        return jdbc.sql("SELECT COUNT(*) FROM documents doc JOIN deliveries d ON d.document_id = doc.id "
                        + "JOIN agencies a ON a.code = d.recipient_code "
                        + "WHERE (doc.id = :subject OR doc.related_doc_id = :subject) AND doc.id <> :doc "
                        + "AND (doc.received_at < :at OR (doc.received_at = :at AND doc.id < :doc)) "
                        + "AND d.mode = 'LINK' AND a.link_id = :link AND d.state IN ('PENDING', 'QUEUED', 'HELD') "
                        + "AND NOT EXISTS (SELECT 1 FROM link_transfers t WHERE t.document_id = doc.id "
                        + "AND t.link_id = :link)")
                .param("subject", subject).param("doc", documentId).param("at", utc(receivedAt))
                .param("link", linkId).query(Long.class).single() > 0;
    }

    /** The deliveries of a document to the agencies behind a link that still wait to be handed off. */
    public List<String> waitingDeliveries(String documentId, String linkId) {
        return jdbc.sql("SELECT d.id FROM deliveries d JOIN agencies a ON a.code = d.recipient_code "
                        + "WHERE d.document_id = ? AND d.mode = 'LINK' AND a.link_id = ? "
                        + "AND d.state IN ('PENDING', 'QUEUED')")
                .params(documentId, linkId).query(String.class).list();
    }

    public Optional<Receipt> receipt(String linkId, String remoteDocId) {
        return jdbc.sql("SELECT * FROM link_receipts WHERE link_id = ? AND remote_doc_id = ?")
                .params(linkId, remoteDocId).query(LinkRepository::receipt).optional();
    }

    public void recordReceipt(Receipt receipt) {
        jdbc.sql("INSERT INTO link_receipts (link_id, remote_doc_id, message_type, document_id, error_code, reason, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(receipt.linkId(), receipt.remoteDocId(), receipt.messageType(), receipt.documentId(),
                        receipt.errorCode(), truncate(receipt.reason()), utc(receipt.receivedAt()))
                .update();
    }

    /** The latest packets taken from a link, newest first. */
    public List<Receipt> recentReceipts(String linkId, int limit) {
        return jdbc.sql("SELECT * FROM link_receipts WHERE link_id = ? ORDER BY received_at DESC LIMIT " + limit)
                .param(linkId).query(LinkRepository::receipt).list();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("id"), rs.getString("name"), rs.getString("endpoint"), rs.getString("system_id"),
                rs.getString("secret"), rs.getString("client_keystore"), rs.getString("client_keystore_password"),
                rs.getBoolean("enabled"), instant(rs, "last_success_at"), instant(rs, "failing_since"),
                rs.getString("last_error"), instant(rs, "last_polled_at"), instant(rs, "created_at"));
    }

    private static Receipt receipt(ResultSet rs, int row) throws SQLException {
        return new Receipt(rs.getString("link_id"), rs.getString("remote_doc_id"), rs.getString("message_type"),
                rs.getString("document_id"), rs.getString("error_code"), rs.getString("reason"),
                instant(rs, "received_at"));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
