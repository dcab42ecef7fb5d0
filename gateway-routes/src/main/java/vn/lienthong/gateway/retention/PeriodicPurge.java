package vn.lienthong.gateway.retention;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.gateway.cluster.ClusterLeases;

/**
 * The retention period applied on its own: every {@code gateway.retention.purge-interval}, when
 * {@code gateway.retention.keep-packets-for} is set, the node holding the lease {@code retention} purges the
 * packets of finished documents older than it (the operator's purge, batch after batch). Each purge is logged
 * and is an event of the tamper-evident log, by the actor {@value #ACTOR}.
 */
public class PeriodicPurge implements Runnable {

    static final String LEASE = "retention";
    static final String ACTOR = "gateway.retention";

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicPurge.class);

    private final PacketRetention retention;
    private final RetentionProperties properties;
    private final ClusterLeases leases;

    public PeriodicPurge(PacketRetention retention, RetentionProperties properties, ClusterLeases leases) {
        this.retention = retention;
        this.properties = properties;
        this.leases = leases;
    }

    @Override
    public void run() {
        if (properties.keepPacketsFor() == null
                || !leases.acquire(LEASE, ClusterLeases.leaseFor(properties.purgeInterval()))) {
            return; // everything is kept, or another node purges
        }
        try {
            PacketRetention.Result result;
            do {
                result = retention.purge(Instant.now().minus(properties.keepPacketsFor()), false, ACTOR);
            } while (result.more() && leases.acquire(LEASE, ClusterLeases.leaseFor(properties.purgeInterval())));
        } catch (RuntimeException e) {
            LOG.warn("Xóa gói tin theo thời hạn lưu trữ không chạy được, sẽ thử lại (retention purge failed, will"
                    + " run again): {}", e.toString());
        }
    }
}
