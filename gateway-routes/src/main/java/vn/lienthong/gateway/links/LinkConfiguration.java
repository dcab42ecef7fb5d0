package vn.lienthong.gateway.links;

import java.io.IOException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.exchange.GatewayExchangeService;
import vn.lienthong.gateway.intake.IntakeProperties;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.tracking.TrackingStore;

/** Wires the links to other axes: their clients, the forwarding, the routing rules and the inbox poll. */
@Configuration
@EnableConfigurationProperties(LinkProperties.class)
public class LinkConfiguration {

    @Bean
    LinkClients linkClients(LinkProperties properties) {
        return new LinkClients(properties);
    }

    @Bean
    LinkRouting linkRouting(DirectoryRepository directory, LinkRepository links, IntakeProperties intake) {
        return new LinkRouting(directory, links, intake.traceOrganId());
    }

    @Bean
    LinkForwarder linkForwarder(LinkRepository links, LinkClients clients, TrackingStore tracking,
                                LinkProperties properties) {
        return new LinkForwarder(links, clients, tracking, properties.callTimeout().plusSeconds(30),
                properties.turnWait());
    }

    @Bean
    vn.lienthong.gateway.operator.Alerts.Source linkAlerts(LinkRepository links,
                                                           vn.lienthong.gateway.operator.OperatorProperties operators) {
        return new LinkAlerts(links, operators.alerts().recipientFailingFor());
    }

    @Bean
    LinkImport linkImport(LinkRepository links, LinkClients clients, DirectoryRepository directory,
                          org.springframework.transaction.support.TransactionTemplate transaction) {
        return new LinkImport(links, clients, directory, transaction);
    }

    @Bean(destroyMethod = "close")
    LinkPoller linkPoller(LinkRepository links, LinkClients clients, GatewayExchangeService exchange,
                          LinkProperties properties, PayloadStore payloads,
                          vn.lienthong.gateway.cluster.ClusterLeases leases) throws IOException {
        return new LinkPoller(links, clients, exchange, properties, payloads.scratchDir(), leases);
    }

    @Bean
    LinkPollRoute linkPollRoute(LinkPoller poller, LinkProperties properties) {
        return new LinkPollRoute(poller, properties);
    }
}
