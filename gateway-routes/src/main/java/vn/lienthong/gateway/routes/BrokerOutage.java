package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the broker took the last message handed to it, so that an outage is logged once when it starts
 * (WARN) and once when it ends (INFO, with how long it lasted and how many dispatches waited), not once per
 * delivery. Deliveries that were not handed over stay PENDING in the outbox for the sweeper.
 */
public class BrokerOutage {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerOutage.class);

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final AtomicLong waiting = new AtomicLong();

    /** A dispatch failed: logs the start of an outage. */
    public void failed(String reason) {
        waiting.incrementAndGet();
        if (since.compareAndSet(null, Instant.now())) {
            LOG.warn("Broker không nhận tin, văn bản vẫn được tiếp nhận và chờ trong hàng gửi (broker outage: "
                    + "deliveries wait in the outbox, intake goes on): {}", reason);
        }
    }

    /** A dispatch went through: logs the end of an outage. */
    public void succeeded() {
        Instant start = since.getAndSet(null);
        if (start != null) {
            LOG.info("Broker nhận tin trở lại sau {} s; {} lần đưa vào hàng đợi đã phải chờ, bộ quét sẽ gửi "
                    + "(broker back after that many seconds; that many dispatches waited, the sweeper sends them)",
                    Duration.between(start, Instant.now()).toSeconds(), waiting.get());
            waiting.set(0);
        }
    }

    /** True while the last dispatch failed. */
    public boolean ongoing() {
        return since.get() != null;
    }
}
