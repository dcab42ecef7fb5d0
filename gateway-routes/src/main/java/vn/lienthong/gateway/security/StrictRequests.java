package vn.lienthong.gateway.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import vn.lienthong.adapters.exchange.ExchangeService.CallerSystem;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.vdxp.SignedHeader;
import vn.lienthong.adapters.vdxp.SignedRequestGuard;

/**
 * Strict mode, for systems whose client can comply (the gateway's CLI and {@code VdxpClient} do; the official SDK
 * cannot: it freezes its timestamp and signs no operation). For a system marked strict in the directory, a
 * request's signed data must hold:
 * <ul>
 * <li>{@code timestamp} within {@code window} of the gateway's clock, either way: the SDK's format
 * ({@code ddMMyyyy'T'HHmmss+SSSS}, read as Vietnam time, UTC+7) or an ISO-8601 instant;</li>
 * <li>{@code operation}, equal to the operation of the request's path, so a signed list cannot be replayed as
 * a get;</li>
 * </ul>
 * and its HMAC (the hash-header) must not have been seen before: it is stored in the database until the timestamp
 * leaves the window, so a replay is refused on any node. A refusal is 50 (stale or unbound) or 51 (replayed).
 */
public class StrictRequests implements SignedRequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StrictRequests.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SDK_TIME = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss");

    private final SystemPolicies policies;
    private final JdbcClient jdbc;
    private final Duration window;
    private final Clock clock;

    public StrictRequests(SystemPolicies policies, JdbcClient jdbc, Duration window, Clock clock) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void check(CallerSystem caller, String operation, SignedHeader signed, String requestHmac) {
        if (!policies.find(caller.systemId()).map(SystemPolicies.Policy::strict).orElse(false)) {
            return;
        }
        Instant now = clock.instant();
        Instant signedAt = signed.get("timestamp").flatMap(StrictRequests::parseTime)
                .orElseThrow(() -> refuse(caller, GatewayError.STALE_REQUEST, "timestamp"));
        if (Duration.between(signedAt, now).abs().compareTo(window) > 0) {
            throw refuse(caller, GatewayError.STALE_REQUEST, "timestamp " + signed.get("timestamp").orElse("")
                    + " ngoài khung " + window.toSeconds() + " giây (outside the window)");
        }
        String signedOperation = signed.get("operation").orElse("");
        if (!signedOperation.equals(operation)) {
            throw refuse(caller, GatewayError.STALE_REQUEST, "operation đã ký (signed) '" + signedOperation
                    + "' khác thao tác (differs from) '" + operation + "'");
        }
        try {
            jdbc.sql("INSERT INTO request_replay_guard (system_id, request_hmac, expires_at) VALUES (?, ?, ?)")
                    .params(caller.systemId(), requestHmac.trim().toLowerCase(java.util.Locale.ROOT),
                            Timestamp.from(signedAt.plus(window)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw refuse(caller, GatewayError.REPLAYED_REQUEST, null);
        }
    }

    /** Forgets signed requests whose timestamp has left the window (they are refused as stale anyway). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM request_replay_guard WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    private static GatewayException refuse(CallerSystem caller, GatewayError error, String detail) {
        LOG.warn("Chế độ nghiêm ngặt từ chối (strict mode refused) {} {}: {}", LogSafe.text(caller.systemId()),
                error.code(), LogSafe.text(detail));
        return new GatewayException(error, detail);
    }

    static Optional<Instant> parseTime(String value) {
        try {
            if (value.length() == 20 && value.charAt(15) == '+') {
                LocalDateTime local = LocalDateTime.parse(value.substring(0, 15), SDK_TIME)
                        .plusNanos(Integer.parseInt(value.substring(16)) * 1_000_000L);
                return Optional.of(local.atZone(VIETNAM).toInstant());
            }
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
