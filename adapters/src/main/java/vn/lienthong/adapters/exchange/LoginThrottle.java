package vn.lienthong.adapters.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down guessing: after {@code freePerUser} failed logins of one user, or {@code freePerAddress} from one
 * address (higher: offices share addresses behind NAT), each further
 * attempt must wait twice as long as the one before (1 s, 2 s, 4 s ... at most {@code maxDelay}); an attempt
 * made too early is refused without checking the password, so the delay costs the guesser, not a server thread.
 * A success clears the user's count (not the address's). Counts are per node, in memory, and forgotten after
 * {@code maxDelay} of quiet. Every failure is logged with the user and the address (escaped).
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final int freePerUser;
    private final int freePerAddress;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    public LoginThrottle(int freePerUser, int freePerAddress, Duration maxDelay, Clock clock) {
        this.freePerUser = freePerUser;
        this.freePerAddress = freePerAddress;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** Five free failures per user, twenty per address, then 1 s doubling up to 5 minutes. */
    public static LoginThrottle standard() {
        return new LoginThrottle(5, 20, Duration.ofMinutes(5), Clock.systemUTC());
    }

    private record Failures(int count, Instant last) {
    }

    /** Refuses (code 54) while the user or the address must still wait. */
    public void checkAllowed(String channel, String user, String address) {
        Instant now = clock.instant();
        for (String key : keys(channel, user, address)) {
            Failures failures = byKey.get(key);
            if (failures != null) {
                Instant until = failures.last().plus(delay(failures.count(), key.contains("|user|") ? freePerUser
                        : freePerAddress));
                if (now.isBefore(until)) {
                    throw new GatewayException(GatewayError.TOO_MANY_FAILED_LOGINS,
                            "thử lại sau " + Math.max(1, Duration.between(now, until).toSeconds()) + " giây");
                }
            }
        }
    }

    public void failed(String channel, String user, String address) {
        Instant now = clock.instant();
        if (byKey.size() > MAX_TRACKED) {
            byKey.values().removeIf(f -> f.last().plus(maxDelay).isBefore(now));
        }
        int count = 0;
        for (String key : keys(channel, user, address)) {
            Failures updated = byKey.merge(key, new Failures(1, now), (old, one) ->
                    old.last().plus(maxDelay).isBefore(now) ? one : new Failures(old.count() + 1, now));
            count = Math.max(count, updated.count());
        }
        LOG.warn("Đăng nhập sai (failed login) {} user={} address={} failures={}", channel, LogSafe.text(user),
                LogSafe.text(address), count);
    }

    public void succeeded(String channel, String user) {
        byKey.remove(channel + "|user|" + user);
    }

    private Duration delay(int count, int free) {
        if (count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String[] keys(String channel, String user, String address) {
        return new String[] {channel + "|user|" + (user == null ? "" : user),
                channel + "|address|" + (address == null ? "" : address)};
    }
}
