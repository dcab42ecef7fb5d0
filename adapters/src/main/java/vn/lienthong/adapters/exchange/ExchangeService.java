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

    /**
     * A packet received and spooled by an adapter, not yet accepted. {@code declaredSender} is the agency the
     * protocol named beside the packet (VDXP's {@code from}), or null: the gateway holds it to the same rule as
     * the packet's own From.
     */
    record Submission(String messageType, SpooledPacket packet, String channel, String declaredSender) {
        public Submission(String messageType, SpooledPacket packet, String channel) {
            this(messageType, packet, channel, null);
        }
    }

    /**
     * The answer to an accepted packet: its DocId, whether it was a resubmission of one already accepted, and the
     * retired agency codes it addressed, each with the successor that receives in its place (empty when none).
     */
    record Receipt(String docId, boolean duplicate, java.util.Map<String, String> retiredRecipients) {
        public Receipt {
            retiredRecipients = retiredRecipients == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(retiredRecipients));
        }

        public Receipt(String docId, boolean duplicate) {
            this(docId, duplicate, java.util.Map.of());
        }
    }

    /**
     * One packet waiting in a caller's inbox: {@code processing} once its recipient said it is working on it.
     * {@code pdfSignatures} is what the gateway found of the PDF signatures in it (SIGNED_VALID, NOT_SIGNED,
     * INVALID, NO_PDF), or null when it has no attachment. Each adapter puts the state in its own words.
     */
    record InboxEntry(String docId, String messageType, String from, String to, Instant createdAt, Instant updatedAt,
                      boolean processing, int priority, String sha256, long size, String pdfSignatures) {
    }

    /**
     * A packet as stored, ready to be streamed to its recipient, with what the gateway found of the PDF
     * signatures in it ({@code pdfSignatures}, null when it has no attachment).
     */
    record StoredPacket(String docId, java.nio.file.Path file, long size, String sha256, String pdfSignatures) {
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

    /**
     * One recipient of a packet the caller sent, with where it stands: {@code deliveryState} the gateway's state
     * of the delivery (PENDING, QUEUED, AVAILABLE, PROCESSING, DELIVERED, REJECTED, FAILED, HELD), and
     * {@code businessStatus} the last status code (01..16) the recipient sent, or null.
     */
    record SentEntry(String docId, String messageType, String fromCode, String toCode, String title, String notation,
                     Instant sentTime, Instant receivedTime, String deliveryState, String businessStatus) {
    }

    /** One agency of the directory. */
    record AgencyEntry(String code, String parentCode, String name, String email, String side) {
    }

    /**
     * One signed evidence record of a document: what happened ({@code ACCEPTED}, {@code DELIVERED},
     * {@code ACKNOWLEDGED}, {@code STATUS}), for which recipient, when, and the proof (DER CMS SignedData of the
     * record's canonical JSON, signed by the gateway).
     */
    record EvidenceEntry(String event, String docId, String sender, String recipient, Instant time, byte[] cms) {
    }

    /** An upload under way, counted against its system's limits until it is closed. */
    interface Upload extends AutoCloseable {
        @Override
        void close();
    }

    Optional<CallerSystem> findSystem(String systemId);

    /**
     * Called by an adapter once a call is authenticated, before it does any work: refuses a system over its
     * request rate (61).
     */
    default void admit(CallerSystem caller) {
    }

    /**
     * Called before a packet's body is read ({@code declaredBytes} its Content-Length, or -1): refuses when the
     * store is over its disk budget (64), or the system already sends as many packets as it may at once (62)
     * or has sent its bytes for the day (63). Close the answer when the upload is over.
     */
    default Upload beginUpload(CallerSystem caller, long declaredBytes) {
        return () -> { };
    }

    /** The system registered with this TLS client certificate (SHA-256 fingerprint, lower-case hex), if any. */
    default Optional<CallerSystem> findSystemByClientCertificate(String sha256Fingerprint) {
        return Optional.empty();
    }

    Receipt submit(CallerSystem caller, Submission submission);

    List<InboxEntry> inbox(CallerSystem caller, String messageType);

    long countPending(CallerSystem caller, String messageType);

    StoredPacket fetch(CallerSystem caller, String docId);

    void acknowledge(CallerSystem caller, String docId, TransportAck ack, String description);

    List<SentEntry> sent(CallerSystem caller, String messageType, String docId);

    List<AgencyEntry> agencies();

    /**
     * The signed evidence of a document the caller sent ({@code docId} its DocId) or received ({@code docId} its
     * copy's id), issued so far. Same rule as {@link #fetch}: an id that is not the caller's is an unknown document.
     */
    default List<EvidenceEntry> evidence(CallerSystem caller, String docId) {
        throw new GatewayException(GatewayError.UNKNOWN_OPERATION, "getEvidence");
    }
}
