package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirEnvironmentPostProcessorTest {

    private final DataDirEnvironmentPostProcessor processor = new DataDirEnvironmentPostProcessor(new DeferredLogs());

    private StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("test", properties));
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void aRelativeDataDirBecomesAbsolute() {
        StandardEnvironment environment = environment(Map.of("gateway.data-dir", "some/dir/../../data"));

        assertThat(environment.getProperty("gateway.data-dir"))
                .isEqualTo(Path.of("data").toAbsolutePath().toString());
        assertThat(environment.resolvePlaceholders("${gateway.data-dir}/db"))
                .isEqualTo(Path.of("data").toAbsolutePath() + "/db");
    }

    @Test
    void theDefaultIsResolvedToo() {
        assertThat(environment(Map.of()).getProperty("gateway.data-dir"))
                .isEqualTo(Path.of("data").toAbsolutePath().toString());
    }

    @Test
    void anAbsoluteDataDirIsLeftAlone() {
        StandardEnvironment environment = environment(Map.of("gateway.data-dir", "/srv/lienthong"));

        assertThat(environment.getProperty("gateway.data-dir")).isEqualTo("/srv/lienthong");
        assertThat(environment.getPropertySources().contains(DataDirEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }
}
