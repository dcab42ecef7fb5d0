package vn.lienthong.gateway.operator;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.intake.IntakeProperties;
import vn.lienthong.gateway.metrics.GatewayMetrics;

/** Wires what operators see: route statistics, queues, alerts and the gauges behind the metrics. */
@Configuration
@EnableScheduling
public class OperatorConfiguration {

    @Bean
    RouteStatistics routeStatistics(CamelContext camel) {
        RouteStatistics statistics = new RouteStatistics(camel);
        camel.getManagementStrategy().addEventNotifier(statistics);
        return statistics;
    }

    @Bean
    QueueInspector queueInspector(ObjectProvider<EmbeddedActiveMQ> embedded, ConnectionFactory connectionFactory) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        return new QueueInspector(broker == null ? null : broker.getActiveMQServer(), connectionFactory);
    }

    @Bean
    Alerts alerts(OperatorQueries queries, DirectoryRepository directory, OperatorProperties properties,
                  IntakeProperties intake, ResourceLoader resources,
                  vn.lienthong.gateway.refusals.RefusalStore refusals, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                  vn.lienthong.gateway.cluster.ClusterLeases leases, ObjectProvider<Alerts.Source> sources)
            throws IOException, CertificateException {
        return new Alerts(queries, directory, properties.alerts(),
                vn.lienthong.gateway.exchange.ExchangeConfiguration.trustAnchors(resources, intake.trustAnchors()),
                refusals, jdbc, leases, sources.orderedStream().toList());
    }

    @Bean
    NoOperatorWarning noOperatorWarning(OperatorProperties properties) {
        return new NoOperatorWarning(properties);
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry) {
        return new GatewayMetrics(registry);
    }

    /** Alerts in the health details (not in readiness: an alert is not a reason to stop traffic). */
    @Bean
    HealthIndicator alertsHealthIndicator(Alerts alerts) {
        return () -> {
            List<Alerts.Alert> current = alerts.current();
            return Health.up().withDetail("count", current.size()).withDetail("alerts", current).build();
        };
    }

    @Bean
    GaugeRefresher gaugeRefresher(GatewayMetrics metrics, OperatorQueries queries, QueueInspector queues,
                                  RouteStatistics routes) {
        return new GaugeRefresher(metrics, queries, queues, routes);
    }

    /** Keeps the state gauges current; a scrape then costs nothing. */
    public static final class GaugeRefresher {
        private final GatewayMetrics metrics;
        private final OperatorQueries queries;
        private final QueueInspector queues;
        private final RouteStatistics routes;

        GaugeRefresher(GatewayMetrics metrics, OperatorQueries queries, QueueInspector queues, RouteStatistics routes) {
            this.metrics = metrics;
            this.queries = queries;
            this.queues = queues;
            this.routes = routes;
        }

        @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
        public void refresh() {
            Map<String, Long> byState = queries.deliveriesByState();
            for (vn.lienthong.gateway.tracking.DeliveryState state : vn.lienthong.gateway.tracking.DeliveryState.values()) {
                metrics.gauge("lienthong.deliveries", Tags.of("state", state.name()), byState.getOrDefault(state.name(), 0L));
            }
            for (QueueInspector.QueueView queue : queues.queues()) {
                metrics.gauge("lienthong.queue.depth", Tags.of("queue", queue.name()), queue.messageCount());
            }
            for (RouteStatistics.RouteView route : routes.routes()) {
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "total"), route.exchangesTotal());
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "failed"), route.exchangesFailed());
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "inflight"), route.exchangesInflight());
            }
        }
    }
}
