package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own settings ({@code gateway.*}). Every property is described in config/README.md;
 * the defaults here are the same as in config/application.yml.
 *
 * @param dataDir   where everything the gateway writes lives (H2 database, broker journal, Tomcat work
 *                  files, payload store). Made absolute at startup by {@link DataDirEnvironmentPostProcessor}.
 * @param directory the agency directory
 * @param delivery  broker redelivery of failed deliveries
 * @param payloads  where packets are stored
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Directory directory,
        @DefaultValue Delivery delivery,
        @DefaultValue Payloads payloads) {

    public GatewayProperties {
        if (dataDir == null) {
            throw new IllegalArgumentException(
                    "gateway.data-dir không được để trống (gateway.data-dir must not be empty)");
        }
    }

    /** The H2 database files (embedded default only). */
    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** The embedded Artemis journal, bindings, paging and large messages. */
    public Path brokerDir() {
        return dataDir.resolve("broker");
    }

    /** Packets stored once by SHA-256: {@code gateway.payloads.dir}, else {@code payloads/} of the data directory. */
    public Path payloadsDir() {
        return payloads.dir() == null ? dataDir.resolve("payloads") : payloads.dir().toAbsolutePath();
    }

    /**
     * @param dir where packets live; with several nodes a directory they all mount (NFS or another shared
     *            file system), since any node may be asked for a packet another one accepted
     */
    public record Payloads(Path dir) {
    }

    /**
     * @param seed where the directory to load on the first start is: a Spring resource location
     *             ({@code classpath:...}, {@code file:...}); empty disables seeding
     */
    public record Directory(@DefaultValue("classpath:directory/sample-directory.yml") String seed) {

        public boolean seedEnabled() {
            return seed != null && !seed.isBlank();
        }
    }

    /**
     * Broker redelivery of a delivery whose consumer failed: the n-th retry waits
     * {@code initialDelay * multiplier^(n-1)}, at most {@code maxDelay}; after {@code maxAttempts}
     * deliveries in all, the message goes to the dead-letter address.
     */
    public record Delivery(
            @DefaultValue("5s") Duration initialDelay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("15m") Duration maxDelay,
            @DefaultValue("12") int maxAttempts) {

        public Delivery {
            if (initialDelay == null || initialDelay.isNegative()) {
                throw new IllegalArgumentException("gateway.delivery.initial-delay phải >= 0 (must be >= 0): "
                        + initialDelay);
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("gateway.delivery.multiplier phải >= 1.0 (must be >= 1.0): "
                        + multiplier);
            }
            if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("gateway.delivery.max-delay phải >= initial-delay "
                        + "(must be >= initial-delay): " + maxDelay);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("gateway.delivery.max-attempts phải >= 1 (must be >= 1): "
                        + maxAttempts);
            }
        }
    }
}
