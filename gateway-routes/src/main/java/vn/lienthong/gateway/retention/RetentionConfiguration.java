package vn.lienthong.gateway.retention;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

import vn.lienthong.gateway.cluster.ClusterLeases;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.tracking.TrackingStore;

@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    PacketRetention packetRetention(JdbcClient jdbc, TrackingStore tracking, PayloadStore payloads) {
        return new PacketRetention(jdbc, tracking, payloads);
    }

    /** The periodic purge, scheduled whatever the settings: it does nothing while no retention period is set. */
    @Bean
    PeriodicPurge periodicPurge(PacketRetention retention, RetentionProperties properties, ClusterLeases leases,
                                TaskScheduler scheduler) {
        PeriodicPurge purge = new PeriodicPurge(retention, properties, leases);
        scheduler.scheduleWithFixedDelay(purge, Instant.now().plus(properties.purgeInterval()), properties.purgeInterval());
        return purge;
    }
}
