package vn.lienthong.gateway.directory;

import java.time.Instant;
import java.util.Objects;

/**
 * An agency of the directory.
 *
 * @param code            the agency code (mã định danh), e.g. {@code 000.00.00.H41}
 * @param pushEndpoint    where to push documents; null for {@link DeliveryMode#PULL}
 * @param createdAt       null for an agency not stored yet
 * @param updatedAt       null for an agency not stored yet
 */
public record Agency(
        String code,
        String name,
        Side side,
        DeliveryMode deliveryMode,
        String pushEndpoint,
        SignaturePolicy signaturePolicy,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(deliveryMode, "deliveryMode");
        Objects.requireNonNull(signaturePolicy, "signaturePolicy");
    }
}
