package vn.lienthong.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures come from a real H2 file database and say what its file holds. */
class EmbeddedStoreFiguresTest {

    @TempDir
    Path dir;

    @Test
    void theFileGrowsWithWhatIsWrittenAndTheLiveShareFallsWhenRowsAreRewritten() throws Exception {
        JdbcDataSource h2 = H2File.at(dir.resolve("db"), ";CACHE_SIZE=8192");
        EmbeddedStoreFigures figures = new EmbeddedStoreFigures(h2);
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, text VARCHAR(1000))");
            s.execute("INSERT INTO items SELECT X, REPEAT('a', 500) FROM SYSTEM_RANGE(1, 2000)");
            s.execute("CHECKPOINT");
            double afterInsert = figures.fileBytes();
            double writtenAfterInsert = figures.writtenBytes();
            assertThat(afterInsert).isEqualTo(Files.size(dir.resolve("db.mv.db")));
            assertThat(figures.cacheBytes()).isEqualTo(8 * 1024 * 1024);

            // every row rewritten, one checkpoint each time: the old chunks stay in the file for a while
            for (int round = 0; round < 5; round++) {
                s.execute("UPDATE items SET text = REPEAT('" + (char) ('b' + round) + "', 500)");
                s.execute("CHECKPOINT");
            }
            assertThat(figures.fileBytes()).isGreaterThan(afterInsert);
            // five rewrites of about a megabyte of rows, each written to the file
            assertThat(figures.writtenBytes() - writtenAfterInsert).isGreaterThan(5 * 2000 * 500);
            assertThat(figures.liveShare()).isGreaterThan(0).isLessThan(1);
            s.execute("SELECT COUNT(*) FROM items WHERE text LIKE 'f%'");
            assertThat(figures.cacheHitShare()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theGatewaysMetersReadTheFiguresAfterAGarbageCollection() throws Exception {
        JdbcDataSource h2 = H2File.at(dir.resolve("db"), ";WRITE_DELAY=10000");
        GroupCommitDataSource database = new GroupCommitDataSource(h2, Duration.ofMillis(1));
        // open throughout, as the gateway's pool keeps it: H2 closes a database with its last connection, and its
        // count of bytes written starts again from zero when it opens it again
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY)");
            MeterRegistry meters = new SimpleMeterRegistry();
            new DatabaseConfiguration().groupCommitMeters(database).bindTo(meters);
            System.gc(); // a gauge or counter whose source was held weakly would now read NaN or nothing

            // H2's own count of its file, within a block of what the disk shows (its writer may be mid-write)
            assertThat(meters.get("lienthong.database.file").gauge().value())
                    .isCloseTo(Files.size(dir.resolve("db.mv.db")), within(16384.0));
            assertThat(meters.get("lienthong.database.file.live").gauge().value()).isBetween(0.0, 1.0);
            assertThat(meters.get("lienthong.database.cache").gauge().value()).isPositive();
            assertThat(meters.get("lienthong.database.checkpoints").functionCounter().count()).isPositive();
            assertThat(meters.get("lienthong.database.written").functionCounter().count()).isPositive();
        }
    }

    @Test
    void aDatabaseThatCannotAnswerGivesNoFigure() {
        JdbcDataSource nowhere = H2File.at(dir.resolve("missing/db"), ";IFEXISTS=TRUE");
        assertThat(new EmbeddedStoreFigures(nowhere).fileBytes()).isNaN();
    }
}
