package vn.lienthong.gateway.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway takes packets in ({@code gateway.intake.*}).
 *
 * @param maxPacketSize   the largest packet accepted, on every channel
 * @param traceOrganId    the OrganId the gateway writes in the TraceHeader it appends to each packet
 * @param trustAnchors    PEM certificates that XML-DSig signers must chain to (a Spring resource location); no
 *                        default in code: the embedded default's application.yml names the sample CA
 * @param sweepInterval   how often the sweeper looks for deliveries stuck in the outbox
 * @param sweepAge        how old a PENDING delivery must be before the sweeper re-enqueues it
 * @param pushTimeout     how long a push to a recipient's endpoint may take
 * @param queuedAge       how long a QUEUED delivery may stay untouched before the sweeper dispatches it again
 *                        (its message was lost, or its consumer died after the broker's acknowledgement); longer
 *                        than the broker's longest wait between two push attempts
 */
@ConfigurationProperties("gateway.intake")
public record IntakeProperties(
        @DefaultValue("300MB") DataSize maxPacketSize,
        @DefaultValue("LIENTHONG") String traceOrganId,
        String trustAnchors,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("10s") Duration sweepAge,
        @DefaultValue("30s") Duration pushTimeout,
        @DefaultValue("20m") Duration queuedAge) {
}
