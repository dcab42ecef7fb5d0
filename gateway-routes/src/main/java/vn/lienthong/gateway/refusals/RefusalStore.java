package vn.lienthong.gateway.refusals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.tracking.EventType;
import vn.lienthong.gateway.tracking.TrackingStore;
import vn.lienthong.trust.classification.ClassificationMark;

/**
 * The refusals of classified packets (table {@code refusals}, V60): each is written together with its record in
 * the tamper-evident log, in one transaction.
 */
@Repository
public class RefusalStore {

    private final JdbcClient jdbc;
    private final TrackingStore tracking;
    private final TransactionTemplate transaction;

    public RefusalStore(JdbcClient jdbc, TrackingStore tracking, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tracking = tracking;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Records the refusal and appends it to the chain (type REFUSED_CLASSIFIED, the detail naming its id). */
    public void record(Refusal refusal) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO refusals (id, created_at, reason, error_code, sender_system, channel, from_code, to_codes,
                        edxml_document_id, code_number, code_notation, received_sha256, received_size, mark, found_in)
                    VALUES (:id, :at, 'CLASSIFIED', :code, :system, :channel, :from, :to, :doc, :number, :notation,
                        :sha, :size, :mark, :where)""")
                    .param("id", refusal.id())
                    .param("at", OffsetDateTime.ofInstant(refusal.createdAt(), ZoneOffset.UTC))
                    .param("code", refusal.errorCode()).param("system", refusal.senderSystem())
                    .param("channel", refusal.channel()).param("from", limit(refusal.fromCode(), 64))
                    .param("to", limit(refusal.toCodes(), 2000)).param("doc", limit(refusal.edxmlDocumentId(), 255))
                    .param("number", limit(refusal.codeNumber(), 64)).param("notation", limit(refusal.codeNotation(), 255))
                    .param("sha", refusal.receivedSha256()).param("size", refusal.receivedSize())
                    .param("mark", refusal.mark()).param("where", limit(refusal.foundIn(), 1000))
                    .update();
            tracking.event(null, null, EventType.REFUSED_CLASSIFIED, "refusal " + refusal.id() + ": "
                    + refusal.markText() + " — " + refusal.foundIn() + "; " + refusal.fromCode() + " → "
                    + refusal.toCodes(), refusal.senderSystem());
        });
    }

    /** The latest refusals, newest first. */
    public List<Refusal> latest(int limit) {
        return jdbc.sql("SELECT * FROM refusals ORDER BY created_at DESC, id LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query(RefusalStore::refusal).list();
    }

    /** The refusals since {@code since}, newest first. */
    public List<Refusal> since(Instant since) {
        return jdbc.sql("SELECT * FROM refusals WHERE created_at >= :since ORDER BY created_at DESC, id LIMIT 100")
                .param("since", OffsetDateTime.ofInstant(since.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                .query(RefusalStore::refusal).list();
    }

    private static Refusal refusal(ResultSet rs, int row) throws SQLException {
        String mark = rs.getString("mark");
        return new Refusal(rs.getString("id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("error_code"), rs.getString("sender_system"), rs.getString("channel"),
                rs.getString("from_code"), rs.getString("to_codes"), rs.getString("edxml_document_id"),
                rs.getString("code_number"), rs.getString("code_notation"), rs.getString("received_sha256"),
                rs.getLong("received_size"), mark, ClassificationMark.valueOf(mark).text(), rs.getString("found_in"));
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
