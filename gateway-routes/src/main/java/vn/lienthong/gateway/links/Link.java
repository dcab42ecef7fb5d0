package vn.lienthong.gateway.links;

import java.time.Instant;

/**
 * A link to another VDXP-compatible axis (the national axis, another province's gateway, a Party-side axis):
 * this gateway is a client of it, with the system id and secret that axis gave it.
 *
 * @param clientKeystore  a PKCS#12 file with the TLS client certificate the axis asks for; null for none
 * @param failingSince    when the latest run of failed calls began; null while the link works
 */
public record Link(String id, String name, String endpoint, String systemId, String secret, String clientKeystore,
                   String clientKeystorePassword, boolean enabled, Instant lastSuccessAt, Instant failingSince,
                   String lastError, Instant lastPolledAt, Instant createdAt) {

    /** UP (the last call worked), FAILING (since {@link #failingSince}), UNKNOWN (never called) or DISABLED. */
    public String state() {
        if (!enabled) {
            return "DISABLED";
        }
        if (failingSince != null) {
            return "FAILING";
        }
        return lastSuccessAt == null ? "UNKNOWN" : "UP";
    }

    /** The id a packet taken from this link is recorded under, as its "sending system". */
    public String callerId() {
        return "link:" + id;
    }
}
