package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code gateway.*} the way Spring Boot does it, without starting the application. */
class GatewayPropertiesTest {

    private static GatewayProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gateway", Bindable.of(GatewayProperties.class));
    }

    @Test
    void defaults() {
        GatewayProperties properties = bind(Map.of());

        // relative here; DataDirEnvironmentPostProcessor makes it absolute in a running application
        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(properties.databaseDir().normalize()).isEqualTo(Path.of("data/db"));
        assertThat(properties.brokerDir().normalize()).isEqualTo(Path.of("data/broker"));
        assertThat(properties.payloadsDir().normalize()).isEqualTo(Path.of("data/payloads"));
        assertThat(properties.directory().seed()).isEqualTo("classpath:directory/sample-directory.yml");
        assertThat(properties.directory().seedEnabled()).isTrue();
        assertThat(properties.delivery().initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.delivery().multiplier()).isEqualTo(2.0);
        assertThat(properties.delivery().maxDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.delivery().maxAttempts()).isEqualTo(12);
    }

    @Test
    void anEmptySeedDisablesSeeding() {
        // what the production profile's ${GATEWAY_DIRECTORY_SEED:} gives
        assertThat(bind(Map.of("gateway.directory.seed", "")).directory().seedEnabled()).isFalse();
    }

    @Test
    void relaxedNamesAndDurations() {
        GatewayProperties properties = bind(Map.of(
                "gateway.data-dir", "/srv/lienthong",
                "gateway.delivery.initial-delay", "500ms",
                "gateway.delivery.max-delay", "1h",
                "gateway.delivery.max-attempts", "3",
                "gateway.delivery.multiplier", "1.5"));

        assertThat(properties.dataDir()).isEqualTo(Path.of("/srv/lienthong"));
        assertThat(properties.delivery().initialDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.delivery().maxDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.delivery().maxAttempts()).isEqualTo(3);
        assertThat(properties.delivery().multiplier()).isEqualTo(1.5);
    }

    @Test
    void nonsenseIsRejectedWithTheNameOfTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("gateway.delivery.multiplier", "0.5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("gateway.delivery.multiplier");
        assertThatThrownBy(() -> bind(Map.of("gateway.delivery.max-attempts", "0")))
                .rootCause().hasMessageContaining("gateway.delivery.max-attempts");
        assertThatThrownBy(() -> bind(Map.of("gateway.delivery.max-delay", "1s")))
                .rootCause().hasMessageContaining("gateway.delivery.max-delay");
    }
}
