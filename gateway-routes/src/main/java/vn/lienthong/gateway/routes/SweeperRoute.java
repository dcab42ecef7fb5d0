package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.cluster.ClusterLeases;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * sweeper: the outbox's safety net. A delivery still PENDING after a bound was recorded but never reached
 * the broker (a crash between commit and enqueue, a broker outage, a full dispatch queue); a delivery
 * QUEUED and untouched for much longer lost its message (a consumer that died after the broker's
 * acknowledgement, a broker that lost its journal). Both are dispatched again. With several nodes, one
 * sweeps at a time (the lease {@code sweeper}) and each delivery is claimed before it is dispatched.
 * Consumers are idempotent on the delivery id, so a second message for the same delivery changes nothing.
 */
public class SweeperRoute extends RouteBuilder {

    static final String LEASE = "sweeper";

    private final TrackingStore tracking;
    private final ClusterLeases leases;
    private final Duration interval;
    private final Duration age;
    private final Duration queuedAge;
    private final int batch;

    public SweeperRoute(TrackingStore tracking, ClusterLeases leases, Duration interval, Duration age,
                        Duration queuedAge, int batch) {
        this.batch = batch;
        this.tracking = tracking;
        this.leases = leases;
        this.interval = interval;
        this.age = age;
        this.queuedAge = queuedAge;
    }

    @Override
    public void configure() {
        from("timer:sweeper?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId("sweeper").description("Quét hàng gửi còn tồn (outbox sweeper)")
                .setBody(exchange -> stale())
                .filter(simple("${body.size} > 0"))
                    .log("Gửi lại ${body.size} chuyển phát còn tồn (re-dispatching stuck deliveries)")
                    .to(DispatchRoute.ENDPOINT)
                .end();
    }

    private List<DispatchRequest> stale() {
        if (!leases.acquire(LEASE, ClusterLeases.leaseFor(interval))) {
            return List.of(); // another node sweeps
        }
        Instant now = Instant.now();
        Instant pendingBefore = now.minus(age);
        Instant queuedBefore = now.minus(queuedAge);
        try {
            return tracking.staleOutbox(pendingBefore, queuedBefore, batch).stream()
                    .filter(d -> tracking.claimStale(d, d.state() == vn.lienthong.gateway.tracking.DeliveryState.QUEUED
                            ? queuedBefore : pendingBefore))
                    .map(d -> new DispatchRequest(d.id(), d.mode(), d.priority()))
                    .toList();
        } catch (RuntimeException e) {
            log.debug("Sweep skipped: {}", e.toString()); // the database is away; readiness says so
            return List.of();
        }
    }
}
