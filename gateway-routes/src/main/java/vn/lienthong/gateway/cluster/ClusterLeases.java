package vn.lienthong.gateway.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases in the database ({@code cluster_leases}) that let one node at a time run a periodic task. A node
 * takes a lease that is free, expired or already its own with one conditional UPDATE, which both H2 and
 * PostgreSQL apply to one row atomically; the holder renews it each time it runs, so a task stays on one node
 * while that node lives and moves to another once the lease of a dead node has expired. Node clocks must be
 * kept in step (NTP): a skew shorter than the lease cannot make two nodes hold it.
 */
public class ClusterLeases {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeases.class);

    private final JdbcClient jdbc;
    private final String node;

    public ClusterLeases(JdbcClient jdbc, String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** This node's name in leases and claims. */
    public String node() {
        return node;
    }

    /**
     * Takes or renews the lease on {@code task} for {@code duration}; true when this node holds it now. A
     * database error counts as not holding it (the task waits for its next turn).
     */
    public boolean acquire(String task, Duration duration) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(duration);
        try {
            int renewed = jdbc.sql("UPDATE cluster_leases SET holder = :node, expires_at = :until"
                            + " WHERE name = :task AND (holder = :node OR expires_at < :now)")
                    .param("node", node).param("until", until).param("task", task).param("now", now).update();
            if (renewed == 1) {
                return true;
            }
            return jdbc.sql("INSERT INTO cluster_leases (name, holder, expires_at) VALUES (:task, :node, :until)"
                            + " ON CONFLICT DO NOTHING")
                    .param("task", task).param("node", node).param("until", until).update() == 1;
        } catch (RuntimeException e) {
            LOG.debug("Lease {} not taken: {}", task, e.toString());
            return false;
        }
    }

    /** Gives a lease back (at shutdown), so another node takes the task over at once. */
    public void release(String task) {
        try {
            jdbc.sql("DELETE FROM cluster_leases WHERE name = :task AND holder = :node")
                    .param("task", task).param("node", node).update();
        } catch (RuntimeException e) {
            LOG.debug("Lease {} not released: {}", task, e.toString());
        }
    }

    /** Who holds the lease on {@code task} now, if anyone. */
    public java.util.Optional<String> holder(String task) {
        return jdbc.sql("SELECT holder FROM cluster_leases WHERE name = :task AND expires_at >= :now")
                .param("task", task).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .query(String.class).optional();
    }

    /** A lease long enough to outlive a task's period a few times over (and never under 15 s). */
    public static Duration leaseFor(Duration period) {
        Duration threeTimes = period.multipliedBy(3);
        return threeTimes.compareTo(Duration.ofSeconds(15)) < 0 ? Duration.ofSeconds(15) : threeTimes;
    }

    static String defaultNode() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + Instant.now().toEpochMilli();
    }
}
