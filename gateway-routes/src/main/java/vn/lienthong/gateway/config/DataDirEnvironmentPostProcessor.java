package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code gateway.data-dir} absolute before anything uses it.
 *
 * <p>The other paths are built from it with placeholders ({@code ${gateway.data-dir}/db/lienthong}
 * and so on). H2 refuses an implicitly relative file path ({@code jdbc:h2:file:data/db}), and a
 * relative path in the logs says little to an operator, so a relative value is resolved against the
 * working directory once, here, and put in front of every other property source.
 *
 * <p>Runs after the config files are loaded. Property sources that a test adds later (e.g.
 * {@code @DynamicPropertySource}) still win; they should use absolute paths.
 */
public class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "gateway.data-dir";
    static final String SOURCE_NAME = "gatewayAbsoluteDataDir";
    static final String DEFAULT = "./data";

    private final Log log;

    public DataDirEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DataDirEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, DEFAULT);
        if (configured.isBlank()) {
            return; // GatewayProperties reports it
        }
        Path path = Path.of(configured);
        if (path.isAbsolute()) {
            return;
        }
        String absolute = path.toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, Map.of(PROPERTY, absolute)));
        log.debug("gateway.data-dir " + configured + " -> " + absolute);
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor (application.yml, profiles)
        return Ordered.LOWEST_PRECEDENCE;
    }
}
