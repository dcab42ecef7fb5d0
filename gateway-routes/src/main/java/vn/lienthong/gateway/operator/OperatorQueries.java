package vn.lienthong.gateway.operator;

import static vn.lienthong.gateway.tracking.SqlTimes.instant;
import static vn.lienthong.gateway.tracking.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side operators need: counts over time, backlog, each agency's connection status, and document
 * and delivery searches. Plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL.
 */
@Repository
public class OperatorQueries {

    /** States in which a delivery has not reached its recipient yet. */
    static final String WAITING = "('PENDING', 'QUEUED', 'AVAILABLE', 'PROCESSING', 'HELD')";

    private final JdbcClient jdbc;

    public OperatorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record MinuteCount(Instant minute, long count) {
    }

    public record Backlog(long deliveries, long oldestAgeSeconds) {
    }

    public record AgencyStatus(String code, Instant lastSuccessAt, Instant lastFailureAt, String lastFailure,
                               long consecutiveFailures, long backlog, long oldestBacklogAgeSeconds) {
    }

    public record Page<T>(int page, int size, long totalElements, List<T> content) {
    }

    public record DocumentSummary(String docId, String messageType, String documentId, String code, String subject,
                                  String sender, int priority, Instant receivedAt, List<RecipientState> recipients) {
    }

    public record RecipientState(String code, String state) {
    }

    public record DeliverySummary(String id, String docId, String recipient, String mode, String state, int attempts,
                                  String lastError, Instant updatedAt, String subject, String sender) {
    }

    /** Documents accepted in each of the last 60 minutes, oldest first (every minute present). */
    public List<MinuteCount> documentsPerMinute(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(59, ChronoUnit.MINUTES);
        Map<Instant, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            counts.put(start.plus(i, ChronoUnit.MINUTES), 0L);
        }
        jdbc.sql("SELECT received_at FROM documents WHERE received_at >= :since").param("since", utc(start))
                .query((rs, n) -> instant(rs, "received_at")).list()
                .forEach(at -> counts.computeIfPresent(at.truncatedTo(ChronoUnit.MINUTES), (k, v) -> v + 1));
        List<MinuteCount> result = new ArrayList<>();
        counts.forEach((minute, count) -> result.add(new MinuteCount(minute, count)));
        return result;
    }

    public long documentsSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM documents WHERE received_at >= :since").param("since", utc(since))
                .query(Long.class).single();
    }

    public Backlog backlog(Instant now) {
        return jdbc.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM deliveries WHERE state IN " + WAITING)
                .query((rs, n) -> new Backlog(rs.getLong("n"), age(instant(rs, "oldest"), now))).single();
    }

    public long countDeliveries(String state) {
        return jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE state = :state").param("state", state)
                .query(Long.class).single();
    }

    /** Deliveries by state, for metrics. */
    public Map<String, Long> deliveriesByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state")
                .query(rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    /** How the gateway's connection to one agency stands. */
    public AgencyStatus agencyStatus(String code, Instant now) {
        Instant lastSuccess = jdbc.sql("SELECT MAX(delivered_at) FROM deliveries WHERE recipient_code = :code")
                .param("code", code).query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single().orElse(null);
        record FailureRow(Instant at, String detail) {
        }
        FailureRow lastFailure = jdbc.sql("""
                SELECT e.created_at, e.detail FROM events e JOIN deliveries d ON d.id = e.delivery_id
                WHERE d.recipient_code = :code AND e.type IN ('PUSH_FAILED', 'FAILED', 'REJECTED')
                ORDER BY e.id DESC LIMIT 1""")
                .param("code", code).query((rs, n) -> new FailureRow(instant(rs, "created_at"), rs.getString("detail")))
                .optional().orElse(new FailureRow(null, null));
        long consecutive = jdbc.sql("""
                SELECT COUNT(*) FROM events e JOIN deliveries d ON d.id = e.delivery_id
                WHERE d.recipient_code = :code AND e.type = 'PUSH_FAILED' AND e.created_at > :since""")
                .param("code", code).param("since", utc(lastSuccess == null ? Instant.EPOCH : lastSuccess))
                .query(Long.class).single();
        Backlog backlog = jdbc.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM deliveries"
                        + " WHERE recipient_code = :code AND state IN " + WAITING)
                .param("code", code).query((rs, n) -> new Backlog(rs.getLong("n"), age(instant(rs, "oldest"), now)))
                .single();
        return new AgencyStatus(code, lastSuccess, lastFailure.at(), lastFailure.detail(), consecutive,
                backlog.deliveries(), backlog.oldestAgeSeconds());
    }

    /** Searches documents; every filter is optional. */
    public Page<DocumentSummary> searchDocuments(DocumentFilter filter, int page, int size, String sort) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.documentId() != null) {
            where.append(" AND doc.edxml_document_id = :documentId");
            params.put("documentId", filter.documentId());
        }
        if (filter.code() != null) {
            where.append(" AND LOWER(CONCAT(COALESCE(doc.code_number, ''), '/', COALESCE(doc.code_notation, '')))"
                    + " LIKE :code");
            params.put("code", "%" + filter.code().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (filter.sender() != null) {
            where.append(" AND doc.from_code = :sender");
            params.put("sender", filter.sender());
        }
        if (filter.messageType() != null) {
            where.append(" AND doc.message_type = :messageType");
            params.put("messageType", filter.messageType());
        }
        if (filter.recipient() != null || filter.state() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM deliveries d WHERE d.document_id = doc.id");
            if (filter.recipient() != null) {
                where.append(" AND d.recipient_code = :recipient");
                params.put("recipient", filter.recipient());
            }
            if (filter.state() != null) {
                where.append(" AND d.state = :state");
                params.put("state", filter.state());
            }
            where.append(")");
        }
        if (filter.from() != null) {
            where.append(" AND doc.received_at >= :from");
            params.put("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND doc.received_at < :to");
            params.put("to", utc(filter.to()));
        }
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM documents doc" + where), params).query(Long.class).single();
        List<DocumentSummary> content = bind(jdbc.sql("SELECT doc.* FROM documents doc" + where + orderBy(sort)
                + " LIMIT " + size + " OFFSET " + ((long) page * size)), params)
                .query((rs, n) -> new DocumentSummary(rs.getString("id"), rs.getString("message_type"),
                        rs.getString("edxml_document_id"), code(rs), rs.getString("subject"), rs.getString("from_code"),
                        rs.getInt("priority"), instant(rs, "received_at"), new ArrayList<>()))
                .list();
        for (DocumentSummary summary : content) {
            summary.recipients().addAll(jdbc.sql("SELECT recipient_code, state FROM deliveries WHERE document_id = :id"
                            + " ORDER BY recipient_code")
                    .param("id", summary.docId())
                    .query((rs, n) -> new RecipientState(rs.getString(1), rs.getString(2))).list());
        }
        return new Page<>(page, size, total, content);
    }

    public record DocumentFilter(String documentId, String code, String sender, String recipient, String state,
                                 String messageType, Instant from, Instant to) {
    }

    /** Deliveries in a state (the dead letters are the FAILED ones), newest first. */
    public Page<DeliverySummary> deliveries(String state, String recipient, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (state != null) {
            where.append(" AND d.state = :state");
            params.put("state", state);
        }
        if (recipient != null) {
            where.append(" AND d.recipient_code = :recipient");
            params.put("recipient", recipient);
        }
        String from = " FROM deliveries d JOIN documents doc ON doc.id = d.document_id";
        long total = bind(jdbc.sql("SELECT COUNT(*)" + from + where), params).query(Long.class).single();
        List<DeliverySummary> content = bind(jdbc.sql("SELECT d.*, doc.subject AS doc_subject, doc.from_code AS doc_from"
                + from + where + " ORDER BY d.updated_at DESC LIMIT " + size + " OFFSET " + ((long) page * size)), params)
                .query((rs, n) -> new DeliverySummary(rs.getString("id"), rs.getString("document_id"),
                        rs.getString("recipient_code"), rs.getString("mode"), rs.getString("state"),
                        rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "updated_at"),
                        rs.getString("doc_subject"), rs.getString("doc_from")))
                .list();
        return new Page<>(page, size, total, content);
    }

    /** Documents that refer to this one (statuses, revocations, updates, replacements). */
    public List<Map<String, Object>> related(String docId) {
        return jdbc.sql("SELECT id, message_type, status_code, from_code, received_at FROM documents"
                        + " WHERE related_doc_id = :id ORDER BY received_at")
                .param("id", docId)
                .query((rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("docId", rs.getString("id"));
                    item.put("messageType", rs.getString("message_type"));
                    if (rs.getString("status_code") != null) {
                        item.put("statusCode", rs.getString("status_code"));
                    }
                    item.put("sender", rs.getString("from_code"));
                    item.put("receivedAt", instant(rs, "received_at"));
                    return item;
                }).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
        for (Map.Entry<String, Object> param : params.entrySet()) {
            spec = spec.param(param.getKey(), param.getValue());
        }
        return spec;
    }

    /** Only these sort keys are accepted, so nothing from the request reaches the SQL text. */
    private static String orderBy(String sort) {
        String[] parts = (sort == null ? "receivedAt,desc" : sort).split(",");
        String column = switch (parts[0]) {
            case "priority" -> "doc.priority";
            case "sender" -> "doc.from_code";
            default -> "doc.received_at";
        };
        String direction = parts.length > 1 && parts[1].equalsIgnoreCase("asc") ? "ASC" : "DESC";
        return " ORDER BY " + column + " " + direction + ", doc.id";
    }

    private static String code(ResultSet rs) throws SQLException {
        String number = rs.getString("code_number");
        String notation = rs.getString("code_notation");
        if (number == null) {
            return notation;
        }
        return notation == null ? number : number + "/" + notation;
    }

    private static long age(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }
}
