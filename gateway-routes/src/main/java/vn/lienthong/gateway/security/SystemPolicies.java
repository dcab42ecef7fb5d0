package vn.lienthong.gateway.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A system's request-security settings in the directory ({@code systems.strict_requests},
 * {@code systems.allowed_sources}; V30), read on every request so that a change holds at once on every node.
 */
public class SystemPolicies {

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
        return jdbc.sql("SELECT strict_requests, allowed_sources FROM systems WHERE system_id = ?").param(systemId)
                .query((rs, n) -> new Policy(rs.getBoolean(1), split(rs.getString(2)))).optional();
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
