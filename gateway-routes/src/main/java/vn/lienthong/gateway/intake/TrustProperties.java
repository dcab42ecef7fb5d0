package vn.lienthong.gateway.intake;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.lienthong.trust.certificates.RevocationPolicy;

/**
 * How signers' certificates are checked ({@code gateway.trust.*}); the trust anchors are
 * {@code gateway.intake.trust-anchors}.
 *
 * @param crls                    CRL files (Spring resource locations) known locally, re-read when they change
 *                                (none by default in code; the embedded default names the sample CA's)
 * @param revocationPolicy        for agencies whose policy REQUIRES signatures: REFUSE a signature whose revocation
 *                                status cannot be had, or ALLOW it
 * @param revocationPolicyIfPresent the same for agencies that sign when they choose (IF_PRESENT)
 * @param fetchDistributionPoints fetch CRLs from the URLs certificates name (cached until their nextUpdate)
 * @param ocsp                    ask the OCSP responder a certificate names
 */
@ConfigurationProperties("gateway.trust")
public record TrustProperties(
        @DefaultValue List<String> crls,
        @DefaultValue("REFUSE") RevocationPolicy revocationPolicy,
        @DefaultValue("ALLOW") RevocationPolicy revocationPolicyIfPresent,
        @DefaultValue("true") boolean fetchDistributionPoints,
        @DefaultValue("true") boolean ocsp) {
}
