package vn.lienthong.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrated embedded database keeps one index on {@code document_id} for events and PDF findings (V63): every
 * index is written again at each checkpoint of the file, so a second one on the same column is paid for by every
 * document. The foreign keys still refuse rows of an unknown document.
 */
class ForeignKeyIndexesTest {

    @TempDir
    Path dir;

    JdbcDataSource h2;
    JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        h2 = H2File.at(dir.resolve("db"), ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Flyway.configure().dataSource(h2).load().migrate();
        jdbc = JdbcClient.create(h2);
    }

    @Test
    void eventsAndPdfFindingsAreIndexedOnceByDocument() {
        assertThat(indexesLeadingWith("events", "document_id")).containsExactly("ix_events_document");
        assertThat(indexesLeadingWith("pdf_signatures", "document_id")).containsExactly("ix_pdf_signatures_document");
        assertThat(indexesLeadingWith("events", "created_at")).isEmpty();
    }

    @Test
    void theForeignKeysStillRefuseAnUnknownDocument() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO events (document_id, type, created_at)"
                    + " VALUES ('no-such-document', 'ACCEPTED', CURRENT_TIMESTAMP)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("fk_events_document");
            assertThatThrownBy(() -> s.execute("INSERT INTO pdf_signatures (document_id, file_path, status)"
                    + " VALUES ('no-such-document', 'a.pdf', 'VALID')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("fk_pdf_signatures_document");
        }
    }

    @Test
    void aDocumentsEventsAreFoundThroughItsIndexInTheirOrder() {
        for (String doc : List.of("doc-1", "doc-2")) {
            jdbc.sql("""
                    INSERT INTO documents (id, message_type, sender_system, from_code, received_sha256, received_size,
                        stored_sha256, stored_size, signature_status, channel, dedup_key, received_at)
                    VALUES (:id, 'edoc', 'qlvb-tinhuy', '000.00.00.D41', :hash, 1, :hash, 1, 'UNSIGNED', 'REST', :id,
                        CURRENT_TIMESTAMP)""").param("id", doc).param("hash", "a".repeat(64)).update();
        }
        for (String type : List.of("ACCEPTED", "QUEUED", "AVAILABLE", "DELIVERED")) {
            for (String doc : List.of("doc-1", "doc-2")) {
                jdbc.sql("INSERT INTO events (document_id, type, created_at) VALUES (:doc, :type, CURRENT_TIMESTAMP)")
                        .param("doc", doc).param("type", type).update();
            }
        }
        String byDocument = "SELECT type FROM events WHERE document_id = 'doc-2' ORDER BY id";
        assertThat(jdbc.sql("EXPLAIN " + byDocument).query(String.class).single()).contains("ix_events_document");
        assertThat(jdbc.sql(byDocument).query(String.class).list())
                .containsExactly("ACCEPTED", "QUEUED", "AVAILABLE", "DELIVERED");
    }

    private List<String> indexesLeadingWith(String table, String column) {
        List<String> names = new ArrayList<>(jdbc.sql("""
                SELECT i.index_name FROM information_schema.indexes i
                JOIN information_schema.index_columns c
                  ON c.table_schema = i.table_schema AND c.table_name = i.table_name AND c.index_name = i.index_name
                WHERE i.table_name = :table AND c.column_name = :column AND c.ordinal_position = 1""")
                .param("table", table).param("column", column).query(String.class).list());
        names.sort(null);
        return names;
    }
}
