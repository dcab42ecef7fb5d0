package vn.lienthong.adapters.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the protocol adapters ask of the gateway. The adapters authenticate and translate; everything this
 * interface does (intake checks, routing, inbox state) is the gateway's, implemented by its routes.
 * Every method refuses with a {@link GatewayException}.
 */
public interface ExchangeService {

    /** A registered system and the agencies it may act for. */
    record CallerSystem(String systemId, String name, String secret, Set<String> agencyCodes) {
        public CallerSystem {
            agencyCodes = Set.copyOf(agencyCodes);
        }
    }

    /** A packet received and spooled by an adapter, not yet accepted. */
    record Submission(String messageType, SpooledPacket packet, String channel) {
    }

    /** The answer to an accepted packet: its DocId, and whether it was a resubmission of one already accepted. */
    record Receipt(String docId, boolean duplicate) {
    }

    /** One packet waiting in a caller's inbox. */
    record InboxEntry(String docId, String messageType, String from, String to, Instant createdAt, Instant updatedAt,
                      String status, String statusDescription, int priority, String sha256, long size) {
    }

    /** A packet as stored, ready to be streamed to its recipient. */
    record StoredPacket(String docId, java.nio.file.Path file, long size, String sha256) {
    }

    /** The transport acknowledgement of a pulled packet (not the business status). */
    enum TransportAck {
        DONE, FAIL, PROCESSING;

        public static Optional<TransportAck> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "done" -> Optional.of(DONE);
                case "fail" -> Optional.of(FAIL);
                case "processing" -> Optional.of(PROCESSING);
                default -> Optional.empty();
            };
        }
    }

    /** One recipient of a packet the caller sent, with where it stands. */
    record SentEntry(String docId, String messageType, String fromCode, String toCode, String title, String notation,
                     Instant sentTime, Instant receivedTime, String sendStatus, String sendStatusDescription,
                     String receiveStatus, String receiveStatusDescription) {
    }

    /** One agency of the directory. */
    record AgencyEntry(String code, String parentCode, String name, String email, String side) {
    }

    Optional<CallerSystem> findSystem(String systemId);

    Receipt submit(CallerSystem caller, Submission submission);

    List<InboxEntry> inbox(CallerSystem caller, String messageType);

    long countPending(CallerSystem caller, String messageType);

    StoredPacket fetch(CallerSystem caller, String docId);

    void acknowledge(CallerSystem caller, String docId, TransportAck ack, String description);

    List<SentEntry> sent(CallerSystem caller, String messageType, String docId);

    List<AgencyEntry> agencies();
}
