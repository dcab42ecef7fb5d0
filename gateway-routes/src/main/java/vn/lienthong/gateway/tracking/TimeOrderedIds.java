package vn.lienthong.gateway.tracking;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * DocIds and delivery ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in milliseconds and
 * whose other 74 free bits are random. Every table and index keyed by a document or a delivery (documents,
 * deliveries, events, evidence, PDF signatures) then gets its new rows at its end, so a commit rewrites the
 * few pages at the end of each index instead of one page at a random place per row; with random (version 4)
 * UUIDs that rewriting was most of the embedded database's work. The 74 random bits, from a
 * {@link SecureRandom} as {@link UUID#randomUUID()} takes them, keep an id unguessable; what an id tells
 * beyond that is when it was made, which its holder sees anyway.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id in the canonical text form (36 characters, lower-case hex): ordered by time as text too. */
    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L // variant 10
                | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
