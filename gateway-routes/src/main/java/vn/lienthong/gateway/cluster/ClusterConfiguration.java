package vn.lienthong.gateway.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lets several gateway nodes share one database: the leases of periodic tasks and the node's name
 * ({@code gateway.cluster.node-id}; by default host/pid/start time, unique per process).
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    ClusterLeases clusterLeases(JdbcClient jdbc, @Value("${gateway.cluster.node-id:}") String nodeId) {
        return new ClusterLeases(jdbc, nodeId == null || nodeId.isBlank() ? ClusterLeases.defaultNode() : nodeId);
    }
}
