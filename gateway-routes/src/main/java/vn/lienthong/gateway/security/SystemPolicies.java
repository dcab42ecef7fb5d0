package vn.lienthong.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A system's request-security settings in the directory ({@code systems.strict_requests},
 * {@code systems.allowed_sources}; V30), read on every request. A policy is answered from memory for up to a
 * second (systems poll all day: one query per request was a good part of an empty poll's cost); a change made
 * through this node's operator API holds at once ({@link #forget}), one made on another node within that second.
 */
public class SystemPolicies {

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private record Cached(Optional<Policy> policy, long loadedAt) {
    }

    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param strict         requests must be fresh, bound to their operation and never replayed
     * @param allowedSources the addresses or CIDR ranges it may call from; empty: anywhere
     */
    public record Policy(boolean strict, List<String> allowedSources) {
    }

    private final JdbcClient jdbc;

    public SystemPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Policy> find(String systemId) {
        long now = System.nanoTime();
        Cached cached = cache.get(systemId);
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return cached.policy();
        }
        Optional<Policy> policy = jdbc.sql("SELECT strict_requests, allowed_sources FROM systems WHERE system_id = ?")
                .param(systemId).query((rs, n) -> new Policy(rs.getBoolean(1), split(rs.getString(2)))).optional();
        if (policy.isPresent()) { // unknown ids are not kept: a caller cannot fill the cache
            cache.put(systemId, new Cached(policy, now));
        }
        return policy;
    }

    /** Drops what is remembered of a system's policy, after a change made on this node. */
    public void forget(String systemId) {
        cache.remove(systemId);
    }

    /** Refuses (IllegalArgumentException) an entry that is not an IP address or CIDR range. */
    public static void validate(List<String> sources) {
        for (String source : sources) {
            SourceRange.parse(source);
        }
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
