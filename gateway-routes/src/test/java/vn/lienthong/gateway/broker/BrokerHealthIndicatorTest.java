package vn.lienthong.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.jms.Connection;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jms.connection.CachingConnectionFactory;

import vn.lienthong.gateway.support.Http;

/** The broker indicator against real Artemis servers that are started and then stopped. */
class BrokerHealthIndicatorTest {

    private static EmbeddedActiveMQ broker(String acceptorUrl) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("test", acceptorUrl);
        return new EmbeddedActiveMQ().setConfiguration(configuration).start();
    }

    @Test
    void embeddedModeFollowsTheServerState() throws Exception {
        EmbeddedActiveMQ broker = broker("vm://4711");
        BrokerHealthIndicator indicator = BrokerHealthIndicator.forEmbedded(broker::getActiveMQServer);
        try {
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("mode", "embedded").containsKey("version");

            broker.stop();

            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("error");
        } finally {
            broker.stop();
            indicator.destroy();
        }
    }

    @Test
    void embeddedModeWithoutAServerIsDown() {
        assertThat(BrokerHealthIndicator.forEmbedded(() -> null).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void nativeModeOpensAFreshConnectionBehindTheCachingFactory() throws Exception {
        int port = Http.freePort();
        EmbeddedActiveMQ broker = broker("tcp://127.0.0.1:" + port);
        ActiveMQConnectionFactory target = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        CachingConnectionFactory caching = new CachingConnectionFactory(target);
        BrokerHealthIndicator indicator = BrokerHealthIndicator.forNative(caching, Duration.ofSeconds(5));
        try {
            // the application's shared connection exists before the broker goes away
            Connection shared = caching.createConnection();
            shared.start();

            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("mode", "native");

            broker.stop();

            assertThat(indicator.health().getStatus()).isEqualTo(BrokerHealthIndicator.DEGRADED);
        } finally {
            caching.destroy();
            target.close();
            broker.stop();
            indicator.destroy();
        }
    }

    @Test
    void nativeModeWithNothingListeningIsDegraded() throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + Http.freePort());
        BrokerHealthIndicator indicator = BrokerHealthIndicator.forNative(factory, Duration.ofSeconds(5));
        try {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(BrokerHealthIndicator.DEGRADED);
            assertThat(health.getDetails()).containsKey("error");
        } finally {
            indicator.destroy();
            factory.close();
        }
    }
}
