package vn.lienthong.gateway.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.retention.*}: how long packets are kept.
 *
 * @param keepPacketsFor the age past which an operator's purge removes a document's packets (keeping its
 *                       metadata, events and evidence); empty, the default, keeps every packet, and a purge
 *                       must then name its own age
 */
@ConfigurationProperties("gateway.retention")
public record RetentionProperties(Duration keepPacketsFor) {
}
