package vn.lienthong.gateway.evidence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed evidence and the tamper-evident log ({@code gateway.evidence.*}). The key and trust settings have no
 * default in code: the embedded default's application.yml names the sample PKI, production must name its own.
 *
 * @param keystore       the gateway's evidence key, a PKCS#12 at a Spring resource location (ECDSA P-256 by
 *                       default; an RSA key works the same)
 * @param password       its password (the key entry's too)
 * @param alias          the key entry (looked up ignoring case: the JDK lowercases PKCS#12 aliases)
 * @param trustAnchors   PEM CA certificates the gateway's certificate chains to (for the gateway's own checks)
 * @param workers        signing threads
 * @param maxBatch       largest batch of signed records stored in one transaction
 * @param capacity       records that may wait for signing before new ones are left to the repair task
 * @param linger         how long the chain writer and a signing worker wait for more work once they have some, so
 *                       that a busy gateway commits one batch where it would commit each event (0: no wait)
 * @param repairInterval how often events still owed evidence are looked for (also once at startup)
 * @param repairAge      how old an owed event must be before the repair task issues its evidence
 * @param headInterval   how often the chain's head is signed (when it moved)
 * @param log            the log's name in signed heads
 */
@ConfigurationProperties("gateway.evidence")
public record EvidenceProperties(
        String keystore,
        String password,
        @DefaultValue("gateway") String alias,
        String trustAnchors,
        @DefaultValue("1") int workers,
        @DefaultValue("64") int maxBatch,
        @DefaultValue("10000") int capacity,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("1m") Duration repairInterval,
        @DefaultValue("30s") Duration repairAge,
        @DefaultValue("1m") Duration headInterval,
        @DefaultValue("events") String log) {
}
