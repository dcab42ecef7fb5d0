package vn.lienthong.gateway.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.retention.*}: how long packets are kept.
 *
 * @param keepPacketsFor the age past which a document's packets are removed (keeping its metadata, events and
 *                       evidence), by the periodic purge and by default in an operator's purge; empty, the
 *                       default, keeps every packet, and a purge must then name its own age
 * @param purgeInterval  how often the periodic purge runs (on one node of a cluster at a time), when
 *                       {@code keepPacketsFor} is set
 */
@ConfigurationProperties("gateway.retention")
public record RetentionProperties(Duration keepPacketsFor, @DefaultValue("1h") Duration purgeInterval) {
}
