package vn.lienthong.gateway.config;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The two lines an operator looks for: the gateway is ready, the gateway is stopping. */
@Component
public class GatewayLifecycleLogger {

    private static final Logger log = LoggerFactory.getLogger(GatewayLifecycleLogger.class);

    private final GatewayProperties properties;
    private final Environment environment;

    public GatewayLifecycleLogger(GatewayProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        Duration took = event.getTimeTaken();
        String broker = environment.getProperty("spring.artemis.mode", "embedded");
        log.info("Cổng liên thông đã sẵn sàng sau {} ms: cổng HTTP {}, thư mục dữ liệu {}, broker {} "
                        + "(gateway ready in {} ms: HTTP port {}, data dir {}, broker {})",
                took == null ? -1 : took.toMillis(), port, properties.dataDir(), broker,
                took == null ? -1 : took.toMillis(), port, properties.dataDir(), broker);
    }

    @EventListener
    public void onClosing(ContextClosedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // a child context (e.g. a separate management port), not the gateway itself
        }
        log.info("Cổng liên thông đang dừng: chờ các yêu cầu đang xử lý kết thúc "
                + "(gateway stopping gracefully: waiting for requests in progress)");
    }
}
