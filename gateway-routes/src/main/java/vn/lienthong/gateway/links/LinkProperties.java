package vn.lienthong.gateway.links;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway works its links to other axes ({@code gateway.links.*}).
 *
 * @param pollInterval  how often each link's inbox is pulled
 * @param pollLease     how long a node's claim on polling a link lasts (renewed at each poll); another node
 *                      takes the link over once it lapses
 * @param callTimeout   how long one call to a linked axis may take
 * @param maxPacketSize the largest packet taken from a link (the intake's own limit applies as well)
 * @param turnWait      how long a forward that must wait its turn (another forward of the same document over the
 *                      link under way, or an earlier packet of it not handed off yet) waits before it looks again;
 *                      waiting spends none of the delivery's attempts
 * @param trustStore    a PKCS#12 trust store with the CAs of the linked axes' TLS certificates; none: the JVM's
 * @param trustStorePassword its password
 */
@ConfigurationProperties("gateway.links")
public record LinkProperties(
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("2m") Duration pollLease,
        @DefaultValue("2m") Duration callTimeout,
        @DefaultValue("300MB") DataSize maxPacketSize,
        @DefaultValue("2s") Duration turnWait,
        org.springframework.core.io.Resource trustStore,
        String trustStorePassword) {
}
