package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * sweeper: the outbox's safety net. A delivery still PENDING after a bound was recorded but never reached
 * the broker (a crash between commit and enqueue, a broker outage): it is dispatched again. Consumers are
 * idempotent on the delivery id, so a second message for the same delivery changes nothing.
 */
public class SweeperRoute extends RouteBuilder {

    private static final int BATCH = 500;

    private final TrackingStore tracking;
    private final Duration interval;
    private final Duration age;

    public SweeperRoute(TrackingStore tracking, Duration interval, Duration age) {
        this.tracking = tracking;
        this.interval = interval;
        this.age = age;
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
        return tracking.stalePending(Instant.now().minus(age), BATCH).stream()
                .map(d -> new DispatchRequest(d.id(), d.mode(), d.priority()))
                .toList();
    }
}
