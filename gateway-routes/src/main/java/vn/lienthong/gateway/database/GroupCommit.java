package vn.lienthong.gateway.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Group commit for the embedded H2 database: a commit returns only once the file holds it, and the commits that
 * arrive together share one write of the file.
 *
 * <p>Why: H2 keeps its data in one file written in chunks (MVStore). With {@code WRITE_DELAY=0} every commit writes
 * a chunk of its own, rewriting the changed pages of every index it touched, one commit at a time; a document's
 * trip commits several times, and those writes were a third of the gateway's CPU and a queue every submission
 * stood in. With a write delay H2 keeps commits in memory until its background writer stores them, which a killed
 * process would lose. So the database runs with a write delay and every committing thread calls
 * {@link #awaitStored}: the first one runs a {@code CHECKPOINT} (H2 writes everything committed so far), the
 * threads that commit meanwhile wait for it or for the next one, whichever starts after their commit. Two
 * checkpoints start at least {@code interval} apart, so that under load each write carries the commits of that
 * interval rather than of one submission: the pages an index shares are then written once for all of them.
 */
final class GroupCommit {

    private final long intervalNanos;
    private long committed;  // tickets given out, one per commit
    private long stored;     // every ticket up to this one is in the file
    private boolean storing; // a checkpoint is running (or its leader is pacing)
    private long lastStart = System.nanoTime();
    private long checkpoints;

    GroupCommit(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Returns once everything {@code connection} has committed is in the file. {@code connection} is the raw H2
     * connection that just committed, idle; it may run the checkpoint for everyone waiting.
     */
    void awaitStored(Connection connection) throws SQLException {
        long covers = 0;
        synchronized (this) {
            long ticket = ++committed;
            while (true) {
                if (stored >= ticket) {
                    return;
                }
                if (!storing) {
                    storing = true;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the commit to be written", e);
                }
            }
        }
        boolean written = false;
        try (Statement statement = connection.createStatement()) {
            long pause = intervalNanos - (System.nanoTime() - lastStart);
            if (pause > 0) {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000)); // let this interval's commits gather
            }
            synchronized (this) {
                covers = committed; // all these committed before the checkpoint starts
                lastStart = System.nanoTime();
            }
            statement.execute("CHECKPOINT");
            written = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the commit to be written", e);
        } finally {
            synchronized (this) {
                storing = false;
                if (written) {
                    stored = Math.max(stored, covers);
                    checkpoints++;
                }
                notifyAll(); // on failure a waiter leads the next attempt
            }
        }
    }

    /** Commits waited for so far. */
    synchronized long commits() {
        return committed;
    }

    /** Checkpoints written so far: commits / checkpoints is how many commits one write of the file served. */
    synchronized long checkpoints() {
        return checkpoints;
    }
}
