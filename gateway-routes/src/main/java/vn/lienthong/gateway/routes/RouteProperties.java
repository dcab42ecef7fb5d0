package vn.lienthong.gateway.routes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much each route does at once ({@code gateway.routes.*}).
 *
 * @param dispatchSenders how many threads put deliveries on the broker at once (Artemis syncs each session's
 *                        journal writes, so a few senders share a sync)
 * @param pullConsumers   consumers of the pull delivery queue (each makes a delivery visible in an inbox)
 * @param pushConsumers   consumers of the push delivery queue: how many pushes to recipients may be under way at
 *                        once on this node
 * @param sweepBatch      the most stuck deliveries the sweeper dispatches again in one pass
 */
@ConfigurationProperties("gateway.routes")
public record RouteProperties(
        @DefaultValue("4") int dispatchSenders,
        @DefaultValue("2") int pullConsumers,
        @DefaultValue("4") int pushConsumers,
        @DefaultValue("500") int sweepBatch) {

    public RouteProperties {
        if (dispatchSenders < 1 || pullConsumers < 1 || pushConsumers < 1 || sweepBatch < 1) {
            throw new IllegalArgumentException("gateway.routes.* phải >= 1 (must be >= 1)");
        }
    }
}
