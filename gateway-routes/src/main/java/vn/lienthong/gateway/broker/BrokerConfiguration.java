package vn.lienthong.gateway.broker;

import java.time.Duration;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisMode;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;

import vn.lienthong.gateway.config.GatewayProperties;

/**
 * The message broker: settings of the embedded Artemis server and the {@code broker} health indicator.
 *
 * <p>Spring Boot builds the embedded server (in-VM acceptor, journal under
 * {@code spring.artemis.embedded.data-directory}, addresses {@code DLQ} and {@code ExpiryQueue});
 * {@link #applyTo} adds the gateway's redelivery policy. An external broker (production profile) must
 * be given the same address settings in its broker.xml.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    /** Where a message goes after {@code gateway.delivery.max-attempts} failed deliveries. */
    public static final String DEAD_LETTER_ADDRESS = "DLQ";
    /** Where an expired message goes. */
    public static final String EXPIRY_ADDRESS = "ExpiryQueue";
    /** How long the embedded broker waits for its journal lock before giving up. */
    static final Duration JOURNAL_LOCK_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ArtemisConfigurationCustomizer gatewayBrokerCustomizer(GatewayProperties properties) {
        return configuration -> applyTo(configuration, properties.delivery());
    }

    /**
     * Fails the startup when the embedded broker did not become active (Artemis logs the error but does
     * not throw), e.g. when another gateway holds the journal lock of the same data directory.
     */
    @Bean
    SmartInitializingSingleton embeddedBrokerStartupCheck(ObjectProvider<EmbeddedActiveMQ> embedded,
            GatewayProperties properties) {
        return () -> embedded.ifAvailable(broker -> {
            ActiveMQServer server = broker.getActiveMQServer();
            if (server == null || !server.isActive()) {
                throw new IllegalStateException("Broker nhúng không khởi động được; thư mục " + properties.brokerDir()
                        + " có đang được một cổng liên thông khác dùng không? (the embedded broker did not start;"
                        + " is another gateway using this data directory?)");
            }
        });
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(ArtemisProperties artemis,
            ObjectProvider<EmbeddedActiveMQ> embedded, ObjectProvider<ConnectionFactory> connectionFactory) {
        ArtemisMode mode = artemis.getMode();
        boolean embeddedMode = mode == ArtemisMode.EMBEDDED
                || (mode == null && artemis.getEmbedded().isEnabled() && embedded.getIfAvailable() != null);
        if (embeddedMode) {
            return BrokerHealthIndicator.forEmbedded(() -> {
                EmbeddedActiveMQ broker = embedded.getIfAvailable();
                return broker == null ? null : broker.getActiveMQServer();
            });
        }
        return BrokerHealthIndicator.forNative(connectionFactory.getObject(),
                BrokerHealthIndicator.DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The gateway's broker settings: NIO journal, and for every address ({@code #}) the dead-letter and
     * expiry addresses plus the redelivery policy. Dead letters themselves are never dropped or retried
     * elsewhere: the {@code DLQ} address allows unlimited delivery attempts.
     */
    public static void applyTo(Configuration configuration, GatewayProperties.Delivery delivery) {
        if (configuration.isPersistenceEnabled()) {
            configuration.setJournalType(JournalType.NIO); // no libaio needed; Spring Boot's default too
            // A second gateway on the same data directory would otherwise wait forever for the journal
            // lock, deaf even to SIGTERM. The lock dies with its process, so a restart never waits.
            configuration.setJournalLockAcquisitionTimeout(JOURNAL_LOCK_TIMEOUT.toMillis());
        }
        AddressSettings defaults = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
                .setRedeliveryDelay(delivery.initialDelay().toMillis())
                .setRedeliveryMultiplier(delivery.multiplier())
                .setMaxRedeliveryDelay(delivery.maxDelay().toMillis())
                .setMaxDeliveryAttempts(delivery.maxAttempts());
        // replaces Spring Boot's own "#" entry (same key)
        configuration.addAddressSetting("#", defaults);
        configuration.addAddressSetting(DEAD_LETTER_ADDRESS, new AddressSettings().setMaxDeliveryAttempts(-1));
    }
}
