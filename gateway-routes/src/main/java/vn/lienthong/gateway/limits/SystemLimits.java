package vn.lienthong.gateway.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;

/**
 * Enforces {@link LimitsProperties} per system on this node, in memory: a token bucket for the request
 * rate, a count of uploads under way, the bytes submitted today. Every check is O(1) under one small lock
 * per system, with no database round-trip, so the document path does not get dearer. Each refusal is
 * remembered (which system, which limit, how often, last when) for the operators.
 */
public class SystemLimits {

    /** The limits a refusal can name. */
    public enum Limit {
        REQUESTS_PER_SECOND(GatewayError.RATE_LIMITED),
        CONCURRENT_UPLOADS(GatewayError.TOO_MANY_UPLOADS),
        BYTES_PER_DAY(GatewayError.DAILY_VOLUME_EXCEEDED);

        private final GatewayError error;

        Limit(GatewayError error) {
            this.error = error;
        }
    }

    /** One system's refusals by one limit, for the operators. */
    public record Hit(String systemId, Limit limit, long count, Instant last) {
    }

    private final LimitsProperties properties;
    private final Clock clock;
    private final ConcurrentMap<String, Usage> usage = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, HitCounter> hits = new ConcurrentHashMap<>();

    public SystemLimits(LimitsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A call of an authenticated system: refused (61) when it is over its rate. */
    public void admit(String systemId) {
        Usage u = usage(systemId);
        synchronized (u) {
            u.refill(clock.millis());
            if (u.tokens < 1) {
                throw refuse(systemId, Limit.REQUESTS_PER_SECOND, "tối đa " + u.limit.requestsPerSecond() + "/s");
            }
            u.tokens -= 1;
        }
    }

    /**
     * Before a packet's body is read: refused when the system already sends as many as it may at once (62),
     * or has used its bytes for the day, counting {@code declaredBytes} when the request says its length (63).
     */
    public ExchangeService.Upload beginUpload(String systemId, long declaredBytes) {
        Usage u = usage(systemId);
        synchronized (u) {
            u.rollDay(today());
            if (u.bytesToday + Math.max(0, declaredBytes) > u.limit.bytesPerDay()) {
                throw refuse(systemId, Limit.BYTES_PER_DAY, "tối đa " + u.limit.bytesPerDay() + " byte/ngày");
            }
            if (u.uploads >= u.limit.concurrentUploads()) {
                throw refuse(systemId, Limit.CONCURRENT_UPLOADS, "tối đa " + u.limit.concurrentUploads() + " gói cùng lúc");
            }
            u.uploads++;
        }
        return new ExchangeService.Upload() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (u) {
                    if (!closed) {
                        closed = true;
                        u.uploads--;
                    }
                }
            }
        };
    }

    /** Counts a received packet's bytes against the day; refused (63) when they go over it. */
    public void countBytes(String systemId, long bytes) {
        Usage u = usage(systemId);
        synchronized (u) {
            u.rollDay(today());
            u.bytesToday += bytes;
            if (u.bytesToday > u.limit.bytesPerDay()) {
                throw refuse(systemId, Limit.BYTES_PER_DAY, "tối đa " + u.limit.bytesPerDay() + " byte/ngày");
            }
        }
    }

    /** Who hit which limit on this node since it started, most recent first. */
    public List<Hit> hits() {
        List<Hit> list = new ArrayList<>();
        hits.forEach((key, counter) -> list.add(new Hit(counter.systemId, counter.limit, counter.count.get(),
                Instant.ofEpochMilli(counter.last.get()))));
        list.sort(Comparator.comparing(Hit::last).reversed());
        return list;
    }

    public LimitsProperties properties() {
        return properties;
    }

    private GatewayException refuse(String systemId, Limit limit, String detail) {
        HitCounter counter = hits.computeIfAbsent(systemId + "\n" + limit, k -> new HitCounter(systemId, limit));
        counter.count.incrementAndGet();
        counter.last.set(clock.millis());
        return new GatewayException(limit.error, detail);
    }

    private Usage usage(String systemId) {
        return usage.computeIfAbsent(systemId, id -> new Usage(properties.forSystem(id), clock.millis(), today()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** One system's state; guarded by its own monitor. */
    private static final class Usage {
        final LimitsProperties.SystemLimit limit;
        double tokens;
        long refilledAt;
        int uploads;
        long bytesToday;
        LocalDate day;

        Usage(LimitsProperties.SystemLimit limit, long now, LocalDate day) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
            this.day = day;
        }

        void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * limit.requestsPerSecond() / 1000.0);
                refilledAt = now;
            }
        }

        void rollDay(LocalDate today) {
            if (!today.equals(day)) {
                day = today;
                bytesToday = 0;
            }
        }
    }

    private static final class HitCounter {
        final String systemId;
        final Limit limit;
        final AtomicLong count = new AtomicLong();
        final AtomicLong last = new AtomicLong();

        HitCounter(String systemId, Limit limit) {
            this.systemId = systemId;
            this.limit = limit;
        }
    }
}
