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
 * @param intakeChecks    how many packets are checked (validated, verified, recorded) at once on this node; 0: one
 *                        per processor. The checks are CPU work: more at once than there are cores only slows
 *                        them all and makes every short call (an inbox list, an acknowledgement) wait behind them
 */
@ConfigurationProperties("gateway.routes")
public record RouteProperties(
        @DefaultValue("4") int dispatchSenders,
        @DefaultValue("4") int pullConsumers,
        @DefaultValue("4") int pushConsumers,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("0") int intakeChecks) {

    public RouteProperties {
        if (dispatchSenders < 1 || pullConsumers < 1 || pushConsumers < 1 || sweepBatch < 1 || intakeChecks < 0) {
            throw new IllegalArgumentException("gateway.routes.* phải >= 1 (must be >= 1)");
        }
    }

    /** {@link #intakeChecks()} with 0 resolved to the number of processors. */
    public int intakeChecksAtOnce() {
        return intakeChecks > 0 ? intakeChecks : Runtime.getRuntime().availableProcessors();
    }
}
