package vn.lienthong.adapters.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small, real implementation of the gateway's port for the adapters' tests: systems and agencies from
 * the sample directory, accepted packets moved into a store directory (as the gateway moves what it
 * keeps), inboxes that tests fill, acknowledgements recorded. Shared by the SOAP and the VDXP adapters' tests.
 */
public final class InMemoryExchange implements ExchangeService {

    public static final CallerSystem TINHUY = new CallerSystem("qlvb-tinhuy", "Hệ thống QLVB Tỉnh ủy Nghệ An (mẫu)",
            "tinhuy-secret-2026", Set.of("000.00.00.D41", "000.00.01.D41"));
    public static final CallerSystem UBND = new CallerSystem("qlvb-ubnd", "Hệ thống QLVB UBND tỉnh Nghệ An (mẫu)",
            "ubnd-secret-2026", Set.of("000.00.00.H41", "000.00.05.H41"));

    public record Accepted(String docId, CallerSystem caller, String messageType, String channel, Path file, long size,
                    String sha256) {
    }

    public record Ack(String systemId, String docId, TransportAck ack, String description) {
    }

    private final Path store;
    private final Map<String, CallerSystem> systems = Map.of(TINHUY.systemId(), TINHUY, UBND.systemId(), UBND);
    private final AtomicInteger sequence = new AtomicInteger();
    public final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    public final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final Map<String, List<InboxEntry>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, StoredPacket> packets = new ConcurrentHashMap<>();
    /** What the next call to submit throws instead of accepting, once. */
    public final AtomicReference<RuntimeException> nextSubmitFailure = new AtomicReference<>();

    public InMemoryExchange(Path store) {
        this.store = store;
    }

    @Override
    public Optional<CallerSystem> findSystem(String systemId) {
        return Optional.ofNullable(systems.get(systemId));
    }

    @Override
    public Receipt submit(CallerSystem caller, Submission submission) {
        RuntimeException failure = nextSubmitFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        String docId = "doc-" + sequence.incrementAndGet();
        Path kept = store.resolve(docId + ".edxml");
        try {
            Files.createDirectories(store);
            Files.move(submission.packet().file(), kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accepted.add(new Accepted(docId, caller, submission.messageType(), submission.channel(), kept,
                submission.packet().size(), submission.packet().sha256Hex()));
        packets.put(docId, new StoredPacket(docId, kept, submission.packet().size(), submission.packet().sha256Hex(), null));
        return new Receipt(docId, false);
    }

    /** Puts an accepted packet into a system's inbox. */
    public void deliver(String docId, CallerSystem recipient, String from, String to) {
        StoredPacket packet = packets.get(docId);
        Accepted accepted = this.accepted.stream().filter(a -> a.docId().equals(docId)).findFirst().orElseThrow();
        Instant now = Instant.parse("2026-11-21T02:30:00Z");
        inboxes.computeIfAbsent(recipient.systemId(), k -> new CopyOnWriteArrayList<>())
                .add(new InboxEntry(docId, accepted.messageType(), from, to, now, now, false, 2,
                        packet.sha256(), packet.size(), null));
    }

    /** Empties every inbox (tests share one server). */
    public void clearInboxes() {
        inboxes.clear();
    }

    @Override
    public List<InboxEntry> inbox(CallerSystem caller, String messageType) {
        return inboxes.getOrDefault(caller.systemId(), List.of()).stream()
                .filter(e -> e.messageType().equals(messageType))
                .toList();
    }

    @Override
    public long countPending(CallerSystem caller, String messageType) {
        return inbox(caller, messageType).size();
    }

    @Override
    public StoredPacket fetch(CallerSystem caller, String docId) {
        boolean mine = inboxes.getOrDefault(caller.systemId(), List.of()).stream()
                .anyMatch(e -> e.docId().equals(docId));
        if (!mine) {
            throw new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId);
        }
        return packets.get(docId);
    }

    @Override
    public void acknowledge(CallerSystem caller, String docId, TransportAck ack, String description) {
        fetch(caller, docId);
        acks.add(new Ack(caller.systemId(), docId, ack, description));
    }

    @Override
    public List<SentEntry> sent(CallerSystem caller, String messageType, String docId) {
        return List.of();
    }

    @Override
    public List<AgencyEntry> agencies() {
        return List.of(
                new AgencyEntry("000.00.00.D41", null, "Văn phòng Tỉnh ủy Nghệ An (mẫu)", null, "PARTY"),
                new AgencyEntry("000.00.00.H41", null, "UBND tỉnh Nghệ An", "ubnd@nghean.gov.vn", "STATE"),
                new AgencyEntry("000.00.05.H41", "000.00.00.H41", "Sở Nội vụ tỉnh Nghệ An (mẫu)", null, "STATE"));
    }
}
