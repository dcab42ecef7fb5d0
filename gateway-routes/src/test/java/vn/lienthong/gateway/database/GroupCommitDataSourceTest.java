package vn.lienthong.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit against a real H2 file database with a write delay: every commit, in a transaction or in
 * auto-commit, waits for a checkpoint, and commits made together share one. (That a killed process keeps every
 * commit that returned is {@code DurabilityIT}'s, with the gateway as a process.)
 */
class GroupCommitDataSourceTest {

    @TempDir
    Path dir;

    @Test
    void concurrentCommitsShareCheckpointsAndEveryCommitWaitsForOne() throws Exception {
        JdbcDataSource h2 = H2File.at(dir.resolve("db"), ";WRITE_DELAY=10000");
        GroupCommitDataSource database = new GroupCommitDataSource(h2, Duration.ofMillis(2));
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, writer INT)");
        }
        long commitsBefore = database.commits();
        long checkpointsBefore = database.checkpoints();

        int writers = 8;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                try (Connection c = database.getConnection()) {
                    for (int i = 0; i < each; i++) {
                        int id = writer * 1000 + i;
                        if (i % 2 == 0) { // auto-commit: the statement commits as it runs
                            c.setAutoCommit(true);
                            insert(c, id, writer);
                        } else { // a transaction of two statements, one commit
                            c.setAutoCommit(false);
                            insert(c, id, writer);
                            try (PreparedStatement p = c.prepareStatement("UPDATE items SET writer = ? WHERE id = ?")) {
                                p.setInt(1, writer + 100);
                                p.setInt(2, id);
                                p.executeUpdate();
                            }
                            c.commit();
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        long commits = database.commits() - commitsBefore;
        long checkpoints = database.checkpoints() - checkpointsBefore;
        System.out.printf("[GroupCommitDataSourceTest] %d commits written by %d checkpoints%n", commits, checkpoints);
        assertThat(commits).as("every commit waited").isEqualTo(writers * each);
        assertThat(checkpoints).as("commits made together shared checkpoints").isPositive().isLessThan(commits);
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN writer >= 100 THEN 1 ELSE 0 END) FROM items")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(writers * each);
            assertThat(count.getInt(2)).isEqualTo(writers * (each / 2));
        }
    }

    @Test
    void anUpdateOfNoRowWritesNothingAndWaitsForNothing() throws Exception {
        JdbcDataSource h2 = H2File.at(dir.resolve("db2"), ";WRITE_DELAY=10000");
        GroupCommitDataSource database = new GroupCommitDataSource(h2, Duration.ZERO);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, writer INT)");
            long commits = database.commits();
            assertThat(s.executeUpdate("UPDATE items SET writer = 1 WHERE id = 42")).isZero();
            assertThat(database.commits()).isEqualTo(commits);
            insert(c, 42, 1);
            assertThat(database.commits()).isEqualTo(commits + 1);
        }
    }

    private static void insert(Connection c, int id, int writer) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO items (id, writer) VALUES (?, ?)")) {
            p.setInt(1, id);
            p.setInt(2, writer);
            p.executeUpdate();
        }
    }
}
