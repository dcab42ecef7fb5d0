package vn.lienthong.gateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own meters, exposed by actuator at /actuator/prometheus: documents accepted and refused
 * (by code), delivery latency (a histogram, per recipient), and gauges for deliveries by state, queue
 * depth and route counters that a scheduled refresh keeps current.
 */
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<String, SetGauge> gauges = new ConcurrentHashMap<>();

    private record SetGauge(Gauge gauge, AtomicLong value) {
    }

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String channel, String messageType, boolean duplicate) {
        Counter.builder("lienthong.documents.accepted").description("Gói tin được tiếp nhận (accepted packets)")
                .tags("channel", channel, "type", messageType, "duplicate", String.valueOf(duplicate))
                .register(registry).increment();
    }

    public void refused(String channel, String errorCode) {
        Counter.builder("lienthong.documents.refused").description("Gói tin bị từ chối theo mã (refused packets)")
                .tags("channel", channel, "code", errorCode).register(registry).increment();
    }

    /** From acceptance to the recipient having it (pushed, or acknowledged after a pull). */
    public void delivered(String recipient, String mode, Duration latency) {
        Timer.builder("lienthong.delivery.latency").description("Thời gian chuyển phát (delivery latency)")
                .tags("recipient", recipient, "mode", mode)
                .publishPercentileHistogram()
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** Sets a gauge, creating it on first use. */
    public void gauge(String name, Tags tags, long value) {
        String key = name + tags;
        gauges.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            return new SetGauge(Gauge.builder(name, holder, AtomicLong::get).tags(tags).register(registry), holder);
        }).value().set(value);
    }

    /** Stops exporting every gauge named {@code name} (another node reports it now). */
    public void removeGauges(String name) {
        gauges.values().removeIf(set -> {
            if (!set.gauge().getId().getName().equals(name)) {
                return false;
            }
            registry.remove(set.gauge());
            return true;
        });
    }
}
