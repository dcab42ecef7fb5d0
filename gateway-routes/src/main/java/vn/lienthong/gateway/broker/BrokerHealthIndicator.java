package vn.lienthong.gateway.broker;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jms.connection.DelegatingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * Health of the message broker, part of the readiness group ({@code broker}).
 *
 * <ul>
 *   <li>Embedded mode: the embedded Artemis server must be started and active.</li>
 *   <li>Native mode (external broker): a fresh JMS connection must open and start within a bound.
 *       It uses the factory <em>behind</em> Spring's caching wrapper: the wrapper hands out its one shared
 *       connection, which can still look alive for a while after the broker went away. An unreachable
 *       external broker is {@link #DEGRADED}, not DOWN: intake goes on into the outbox, so the node stays
 *       in the load balancer (the status order puts DEGRADED after UP, see application.yml).</li>
 * </ul>
 *
 * <p>Probes run every few seconds: a change of state is logged once (not a stack trace per probe).
 */
public final class BrokerHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BrokerHealthIndicator.class);

    /** The external broker cannot be reached: deliveries wait in the outbox, intake goes on. */
    public static final Status DEGRADED = new Status("DEGRADED",
            "Broker không kết nối được; văn bản vẫn được tiếp nhận và chờ trong hàng gửi (broker unreachable; "
                    + "intake goes on, deliveries wait in the outbox)");

    /** How long a native-mode check may take before the broker counts as down. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<ActiveMQServer> embeddedServer;
    private final ConnectionFactory connectionFactory;
    private final Duration connectTimeout;
    private final ExecutorService executor;
    private volatile Status lastStatus;

    private BrokerHealthIndicator(Supplier<ActiveMQServer> embeddedServer, ConnectionFactory connectionFactory,
            Duration connectTimeout) {
        this.embeddedServer = embeddedServer;
        this.connectionFactory = connectionFactory;
        this.connectTimeout = connectTimeout;
        this.executor = connectionFactory == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "broker-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks an embedded server; the supplier may return null while there is no server. */
    public static BrokerHealthIndicator forEmbedded(Supplier<ActiveMQServer> server) {
        return new BrokerHealthIndicator(Objects.requireNonNull(server), null, null);
    }

    /** Opens a connection to an external broker at each check. */
    public static BrokerHealthIndicator forNative(ConnectionFactory connectionFactory, Duration connectTimeout) {
        return new BrokerHealthIndicator(null, unwrap(Objects.requireNonNull(connectionFactory)),
                Objects.requireNonNull(connectTimeout));
    }

    @Override
    public Health health() {
        Health.Builder builder = new Health.Builder();
        try {
            if (embeddedServer != null) {
                checkEmbedded(builder);
            } else {
                checkNative(builder);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().withDetail("error", "interrupted");
        } catch (Exception e) {
            builder.down().withDetail("error", describe(e));
        }
        if (embeddedServer == null && Status.DOWN.equals(builder.build().getStatus())) {
            builder.status(DEGRADED);
        }
        Health health = builder.build();
        logChange(health);
        return health;
    }

    private void logChange(Health health) {
        Status previous = lastStatus;
        lastStatus = health.getStatus();
        if (Status.UP.equals(health.getStatus())) {
            if (previous != null && !Status.UP.equals(previous)) {
                log.info("Broker đã sẵn sàng trở lại (broker is up again)");
            }
        } else if (previous == null || Status.UP.equals(previous)) {
            if (DEGRADED.equals(health.getStatus())) {
                log.warn("Broker không kết nối được; vẫn tiếp nhận, văn bản chờ trong hàng gửi (broker unreachable: "
                        + "intake goes on, deliveries wait in the outbox): {}", health.getDetails().get("error"));
            } else {
                log.warn("Broker không sẵn sàng, cổng liên thông báo chưa sẵn sàng (broker is down, gateway not ready): {}",
                        health.getDetails().get("error"));
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        for (int i = 0; cause != null && cause != e && i < 3; i++, cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private void checkEmbedded(Health.Builder builder) {
        builder.withDetail("mode", "embedded");
        ActiveMQServer server = embeddedServer.get();
        if (server == null) {
            builder.down().withDetail("error", "Broker nhúng chưa được tạo (embedded broker not created)");
            return;
        }
        builder.withDetail("version", server.getVersion().getFullVersion())
                .withDetail("state", String.valueOf(server.getState()));
        if (server.isStarted() && server.isActive()) {
            builder.up();
        } else {
            builder.down().withDetail("error", "Broker nhúng không hoạt động (embedded broker not started or not active)");
        }
    }

    private void checkNative(Health.Builder builder) throws Exception {
        builder.withDetail("mode", "native");
        Future<String> check = executor.submit(() -> {
            try (Connection connection = connectionFactory.createConnection()) {
                connection.start();
                return connection.getMetaData().getJMSProviderName();
            }
        });
        try {
            String provider = check.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            builder.up().withDetail("provider", provider);
        } catch (TimeoutException e) {
            check.cancel(true);
            builder.down().withDetail("error", "Không kết nối được broker trong " + connectTimeout.toMillis()
                    + " ms (no connection to the broker within " + connectTimeout.toMillis() + " ms)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex; // health() turns it into DOWN with the error
            }
            throw e;
        }
    }

    private static ConnectionFactory unwrap(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        for (int i = 0; i < 5; i++) {
            ConnectionFactory target = null;
            if (current instanceof SingleConnectionFactory single) {
                target = single.getTargetConnectionFactory();
            } else if (current instanceof DelegatingConnectionFactory delegating) {
                target = delegating.getTargetConnectionFactory();
            }
            if (target == null) {
                return current;
            }
            current = target;
        }
        return current;
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
