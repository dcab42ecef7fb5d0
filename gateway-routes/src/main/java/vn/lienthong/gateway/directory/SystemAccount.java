package vn.lienthong.gateway.directory;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A document system (QLVB) allowed to call the gateway.
 *
 * @param secret          the shared HMAC key of the VDXP-style API (never logged: see {@link #toString()})
 * @param secretRotatedAt when the secret was last changed; null if never
 * @param agencyCodes     the agencies this system may act for (send as, receive for)
 */
public record SystemAccount(
        String systemId,
        String name,
        String secret,
        boolean enabled,
        Instant createdAt,
        Instant secretRotatedAt,
        Set<String> agencyCodes) {

    public SystemAccount {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        agencyCodes = agencyCodes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(agencyCodes));
    }

    /** May this system send for, or receive the documents of, the given agency? */
    public boolean mayActFor(String agencyCode) {
        return agencyCodes.contains(agencyCode);
    }

    @Override
    public String toString() {
        return "SystemAccount[systemId=" + systemId + ", name=" + name + ", secret=***, enabled=" + enabled
                + ", createdAt=" + createdAt + ", secretRotatedAt=" + secretRotatedAt
                + ", agencyCodes=" + agencyCodes + "]";
    }
}
