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

    /**
     * Route suspensions every node applies: once Camel's routes have started, then every
     * {@code gateway.cluster.route-check-interval}.
     */
    @Bean
    RouteSuspensions routeSuspensions(org.springframework.jdbc.core.simple.JdbcClient jdbc, CamelContext camel,
                                      org.springframework.scheduling.TaskScheduler scheduler,
                                      @org.springframework.beans.factory.annotation.Value(
                                              "${gateway.cluster.route-check-interval:5s}") java.time.Duration interval)
            throws Exception {
        RouteSuspensions suspensions = new RouteSuspensions(jdbc, camel);
        camel.addStartupListener(new org.apache.camel.StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the routes start after this
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                suspensions.reconcile();
            }
        });
        scheduler.scheduleWithFixedDelay(suspensions::reconcile, java.time.Instant.now().plus(interval), interval);
        return suspensions;
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
                                  RouteStatistics routes, vn.lienthong.gateway.cluster.ClusterLeases leases) {
        return new GaugeRefresher(metrics, queries, queues, routes, leases);
    }

    /**
     * Keeps the state gauges current; a scrape then costs nothing. The cluster-wide ones (deliveries by state,
     * from the database; queue depths, from the broker all nodes share) are exported by the one node holding
     * the lease {@code cluster-gauges}, so that a sum over all nodes counts each delivery once; the others drop
     * them. The route counters are each node's own.
     */
    public static final class GaugeRefresher {
        static final String CLUSTER_GAUGES_LEASE = "cluster-gauges";
        private static final java.time.Duration PERIOD = java.time.Duration.ofSeconds(15);
        private final GatewayMetrics metrics;
        private final OperatorQueries queries;
        private final QueueInspector queues;
        private final RouteStatistics routes;
        private final vn.lienthong.gateway.cluster.ClusterLeases leases;

        GaugeRefresher(GatewayMetrics metrics, OperatorQueries queries, QueueInspector queues, RouteStatistics routes,
                       vn.lienthong.gateway.cluster.ClusterLeases leases) {
            this.metrics = metrics;
            this.queries = queries;
            this.queues = queues;
            this.routes = routes;
            this.leases = leases;
        }

        @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
        public void refresh() {
            if (leases.acquire(CLUSTER_GAUGES_LEASE, vn.lienthong.gateway.cluster.ClusterLeases.leaseFor(PERIOD))) {
                Map<String, Long> byState = queries.deliveriesByState();
                for (vn.lienthong.gateway.tracking.DeliveryState state : vn.lienthong.gateway.tracking.DeliveryState.values()) {
                    metrics.gauge("lienthong.deliveries", Tags.of("state", state.name()),
                            byState.getOrDefault(state.name(), 0L));
                }
                for (QueueInspector.QueueView queue : queues.queues()) {
                    metrics.gauge("lienthong.queue.depth", Tags.of("queue", queue.name()), queue.messageCount());
                }
            } else {
                metrics.removeGauges("lienthong.deliveries");
                metrics.removeGauges("lienthong.queue.depth");
            }
            for (RouteStatistics.RouteView route : routes.routes()) {
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "total"), route.exchangesTotal());
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "failed"), route.exchangesFailed());
                metrics.gauge("lienthong.route.exchanges", Tags.of("route", route.id(), "kind", "inflight"), route.exchangesInflight());
            }
        }
    }
}
