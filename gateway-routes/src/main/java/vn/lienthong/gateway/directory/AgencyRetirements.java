package vn.lienthong.gateway.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * Agency codes that changed (table {@code agency_retirements}, V61): a retired code and the agency that succeeds
 * it. A successor is never itself retired, so one look-up finds where a document goes.
 */
@Repository
public class AgencyRetirements {

    /** What happens to a document addressed to a retired code. */
    public enum OnDocument {
        /** delivered to the successor; the sender is told in the answer and the document's timeline */
        FORWARD,
        /** refused with code 75, which names the successor */
        REFUSE
    }

    /**
     * @param onDocument this code's own rule; null follows {@code gateway.directory.retired-recipients}
     */
    public record Retirement(String code, String successorCode, OnDocument onDocument, String note,
                             java.time.Instant retiredAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OnDocument defaultOnDocument;

    public AgencyRetirements(JdbcClient jdbc, PlatformTransactionManager transactions,
                             @Value("${gateway.directory.retired-recipients:FORWARD}") OnDocument defaultOnDocument) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.defaultOnDocument = defaultOnDocument;
    }

    public Optional<Retirement> find(String code) {
        return jdbc.sql("SELECT * FROM agency_retirements WHERE code = ?").param(code)
                .query(AgencyRetirements::retirement).optional();
    }

    public List<Retirement> list() {
        return jdbc.sql("SELECT * FROM agency_retirements ORDER BY code").query(AgencyRetirements::retirement).list();
    }

    /** The rule that applies to documents addressed to this retired code. */
    public OnDocument onDocument(Retirement retirement) {
        return retirement.onDocument() == null ? defaultOnDocument : retirement.onDocument();
    }

    /**
     * Retires {@code code} in favour of {@code successor} (both in the directory, not the same, the successor not
     * retired itself); codes that {@code code} succeeded move on to {@code successor}. Retiring a code again
     * changes its successor and rule.
     */
    public Retirement retire(String code, String successor, OnDocument onDocument, String note) {
        transaction.executeWithoutResult(status -> {
            if (exists(code) == 0) {
                throw new GatewayException(GatewayError.UNKNOWN_ENTRY, code);
            }
            if (successor == null || successor.isBlank() || exists(successor) == 0) {
                throw new GatewayException(GatewayError.RETIREMENT_REFUSED, "mã kế thừa " + successor
                        + " không có trong danh bạ (successor not in the directory)");
            }
            if (successor.equals(code)) {
                throw new GatewayException(GatewayError.RETIREMENT_REFUSED, "mã kế thừa trùng mã thôi sử dụng "
                        + "(a code cannot succeed itself)");
            }
            find(successor).ifPresent(r -> {
                throw new GatewayException(GatewayError.RETIREMENT_REFUSED, "mã kế thừa " + successor
                        + " cũng đã thôi sử dụng, mã kế thừa của nó là " + r.successorCode()
                        + " (the successor is retired too)");
            });
            jdbc.sql("DELETE FROM agency_retirements WHERE code = ?").param(code).update();
            jdbc.sql("INSERT INTO agency_retirements (code, successor_code, on_document, note) VALUES (?, ?, ?, ?)")
                    .params(code, successor, onDocument == null ? null : onDocument.name(), note).update();
            jdbc.sql("UPDATE agency_retirements SET successor_code = ? WHERE successor_code = ?")
                    .params(successor, code).update();
        });
        return find(code).orElseThrow();
    }

    /** Takes a code back into use (a retirement made by mistake); false when it was not retired. */
    public boolean reinstate(String code) {
        return jdbc.sql("DELETE FROM agency_retirements WHERE code = ?").param(code).update() == 1;
    }

    private long exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM agencies WHERE code = ?").param(code).query(Long.class).single();
    }

    private static Retirement retirement(ResultSet rs, int row) throws SQLException {
        String on = rs.getString("on_document");
        OffsetDateTime at = rs.getObject("retired_at", OffsetDateTime.class);
        return new Retirement(rs.getString("code"), rs.getString("successor_code"),
                on == null ? null : OnDocument.valueOf(on), rs.getString("note"), at == null ? null : at.toInstant());
    }
}
