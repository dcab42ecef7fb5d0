package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An inbox with a backlog, on the embedded database with the gateway's migrations: a list reads the rows it
 * answers, not the backlog. 1,000 documents were delivered to one agency long ago, 3,000 wait for it (every
 * tenth urgent, every seventh being processed), and 500 statuses wait beside them.
 */
class InboxBacklogTest {

    private static final String AGENCY = "000.00.05.H41";
    private static final int WAITING = 3_000;

    @TempDir
    static Path dir;
    static DataSource database;
    static TrackingStore tracking;

    @BeforeAll
    static void backlog() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        database = h2;
        Flyway.configure().dataSource(database).load().migrate();
        OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        try (Connection c = database.getConnection();
             PreparedStatement document = c.prepareStatement("""
                     INSERT INTO documents (id, message_type, sender_system, from_code, priority, received_sha256,
                         received_size, stored_sha256, stored_size, signature_status, channel, dedup_key, received_at)
                     VALUES (?, ?, 'qlvb-tinhuy', '000.00.00.D41', ?, ?, 1, ?, 1, 'UNSIGNED', 'VDXP', ?, ?)""");
             PreparedStatement delivery = c.prepareStatement("""
                     INSERT INTO deliveries (id, document_id, recipient_code, mode, state, priority, created_at, updated_at)
                     VALUES (?, ?, ?, 'PULL', ?, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 1_000 + WAITING + 500; i++) {
                boolean delivered = i < 1_000;
                boolean status = i >= 1_000 + WAITING;
                int priority = i % 10 == 3 ? 3 : 0;
                String id = String.format("doc-%05d", i);
                String hash = String.format("%064d", i);
                OffsetDateTime at = start.plusSeconds(i);
                document.setString(1, id);
                document.setString(2, status ? "status" : "edoc");
                document.setInt(3, priority);
                document.setString(4, hash);
                document.setString(5, hash);
                document.setString(6, hash);
                document.setObject(7, at);
                document.addBatch();
                delivery.setString(1, String.format("dlv-%05d", i));
                delivery.setString(2, id);
                delivery.setString(3, AGENCY);
                delivery.setString(4, delivered ? "DELIVERED" : i % 7 == 0 ? "PROCESSING" : "AVAILABLE");
                delivery.setInt(5, priority);
                delivery.setObject(6, at);
                delivery.setObject(7, at);
                delivery.addBatch();
            }
            document.executeBatch();
            delivery.executeBatch();
            c.commit();
        }
        tracking = new TrackingStore(JdbcClient.create(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), event -> { });
    }

    @Test
    void aListAnswersTheUrgentThenTheOldestAndReadsOnlyWhatItAnswers() throws Exception {
        List<TrackingStore.InboxRow> list = tracking.inbox(List.of(AGENCY), "edoc");

        assertThat(list).hasSize(500);
        // urgent first (every tenth of the 3,000 waiting documents: 300), then the oldest of the others
        assertThat(list.subList(0, 300)).allSatisfy(row -> assertThat(row.delivery().priority()).isEqualTo(3));
        assertThat(list.get(0).delivery().id()).isEqualTo("dlv-01003");
        assertThat(list.get(300).delivery().priority()).isZero();
        assertThat(list.get(300).delivery().id()).isEqualTo("dlv-01000");
        for (int i = 1; i < list.size(); i++) {
            var before = list.get(i - 1).delivery();
            var after = list.get(i).delivery();
            if (before.priority() == after.priority()) {
                assertThat(after.createdAt()).isAfter(before.createdAt());
            }
        }
        assertThat(list).allSatisfy(row -> assertThat(row.messageType()).isEqualTo("edoc"));
        assertThat(tracking.countInbox(List.of(AGENCY), "edoc")).isEqualTo(WAITING);
        assertThat(tracking.countInbox(List.of(AGENCY), "status")).isEqualTo(500);

        // each branch (an agency and a state) reads, in index order, at most the rows the list can answer and
        // the 50 urgent statuses ranked among them; not the 3,000 waiting documents, nor the delivered ones
        List<Long> scans = branchScans(TrackingStore.inboxSql(1, 500).replace(":r0", "'" + AGENCY + "'")
                .replace(":type", "'edoc'"));
        assertThat(scans).hasSize(2).allSatisfy(scan -> assertThat(scan).isLessThanOrEqualTo(500 + 50 + 1));
    }

    /** The rows H2 read from deliveries in each branch, from EXPLAIN ANALYZE. */
    private static List<Long> branchScans(String sql) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
            plan.next();
            String text = plan.getString(1);
            assertThat(text).contains("ix_deliveries_inbox").contains("index sorted");
            List<Long> scans = new ArrayList<>();
            Matcher m = Pattern.compile("FROM public\\.deliveries d\\s+/\\* public\\.ix_deliveries_inbox:[^*]*\\*/\\s+"
                    + "(?:/\\*[^*]*\\*/\\s+)*?/\\* scanCount: (\\d+) \\*/").matcher(text);
            while (m.find()) {
                scans.add(Long.parseLong(m.group(1)));
            }
            return scans;
        }
    }
}
