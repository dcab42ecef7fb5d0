package vn.lienthong.gateway.retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.tracking.TrackingStore;

@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean
    PacketRetention packetRetention(JdbcClient jdbc, TrackingStore tracking, PayloadStore payloads) {
        return new PacketRetention(jdbc, tracking, payloads);
    }
}
