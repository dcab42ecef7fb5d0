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
 * threads that commit meanwhile wait for it or for the next one, whichever starts after their commit.
 */
final class GroupCommit {

    private long committed;  // tickets given out, one per commit
    private long stored;     // every ticket up to this one is in the file
    private boolean storing; // a checkpoint is running

    /**
     * Returns once everything {@code connection} has committed is in the file. {@code connection} is the raw H2
     * connection that just committed, idle; it may run the checkpoint for everyone waiting.
     */
    void awaitStored(Connection connection) throws SQLException {
        long covers;
        synchronized (this) {
            long ticket = ++committed;
            while (true) {
                if (stored >= ticket) {
                    return;
                }
                if (!storing) {
                    storing = true;
                    covers = committed; // all these committed before the checkpoint starts
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
            statement.execute("CHECKPOINT");
            written = true;
        } finally {
            synchronized (this) {
                storing = false;
                if (written) {
                    stored = Math.max(stored, covers);
                }
                notifyAll(); // on failure a waiter leads the next attempt
            }
        }
    }
}
