package vn.lienthong.gateway.exchange;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import vn.lienthong.adapters.exchange.ExchangeService;
import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.SystemAccount;
import vn.lienthong.gateway.intake.Intake;
import vn.lienthong.gateway.intake.SenderAuthorization;
import vn.lienthong.gateway.limits.DiskBudget;
import vn.lienthong.gateway.limits.SystemLimits;
import vn.lienthong.gateway.evidence.EvidenceStore;
import vn.lienthong.gateway.metrics.GatewayMetrics;
import vn.lienthong.gateway.signatures.PdfSignatureStore;
import vn.lienthong.gateway.payload.PayloadStore;
import vn.lienthong.gateway.routes.IntakeRoute;
import vn.lienthong.gateway.tracking.DeliveryState;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * The gateway behind every protocol adapter: submissions go through the intake route; inbox, fetch and
 * acknowledgement read and move deliveries. A recipient sees a delivery's id as its docId, so a system
 * receiving for two agencies never confuses their copies, and an agency never reads another's mail: an id
 * that is not the caller's is answered exactly like an id that does not exist.
 */
public class GatewayExchangeService implements ExchangeService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GatewayExchangeService.class);

    private final DirectoryRepository directory;
    private final TrackingStore tracking;
    private final PayloadStore payloads;
    private final ProducerTemplate camel;
    private final GatewayMetrics metrics;
    private final EvidenceStore evidence;
    private final PdfSignatureStore pdfSignatures;
    private final SystemLimits limits;
    private final DiskBudget disk;
    private final IntakeGate gate;

    public GatewayExchangeService(DirectoryRepository directory, TrackingStore tracking, PayloadStore payloads,
                                  ProducerTemplate camel, GatewayMetrics metrics, EvidenceStore evidence,
                                  PdfSignatureStore pdfSignatures, SystemLimits limits, DiskBudget disk,
                                  IntakeGate gate) {
        this.gate = gate;
        this.limits = limits;
        this.disk = disk;
        this.directory = directory;
        this.tracking = tracking;
        this.payloads = payloads;
        this.camel = camel;
        this.metrics = metrics;
        this.evidence = evidence;
        this.pdfSignatures = pdfSignatures;
    }

    @Override
    public Optional<CallerSystem> findSystem(String systemId) {
        return directory.findSystem(systemId).filter(SystemAccount::enabled)
                .map(s -> new CallerSystem(s.systemId(), s.name(), s.secret(), s.agencyCodes()));
    }

    @Override
    public Optional<CallerSystem> findSystemByClientCertificate(String sha256Fingerprint) {
        return directory.findSystemByClientCertificate(sha256Fingerprint).filter(SystemAccount::enabled)
                .map(s -> new CallerSystem(s.systemId(), s.name(), s.secret(), s.agencyCodes()));
    }

    @Override
    public void admit(CallerSystem caller) {
        limits.admit(caller.systemId());
    }

    @Override
    public Upload beginUpload(CallerSystem caller, long declaredBytes) {
        disk.checkRoomForPacket();
        return limits.beginUpload(caller.systemId(), declaredBytes);
    }

    @Override
    public Receipt submit(CallerSystem caller, Submission submission) {
        if (submission.declaredSender() != null) {
            SenderAuthorization.requireActsFor(caller, submission.declaredSender());
        }
        limits.countBytes(caller.systemId(), submission.packet().size());
        return submit(new Intake(caller, submission.messageType(), submission.packet(), submission.channel()), submission);
    }

    /**
     * A packet taken from a link's inbox, through the same intake as any other (every check applies); the link
     * acts for the agencies behind it, and nothing it brings is routed back through it.
     */
    public Receipt submitFromLink(String linkId, CallerSystem link, Submission submission) {
        return submit(new Intake(link, submission.messageType(), submission.packet(), submission.channel())
                .fromLink(linkId), submission);
    }

    private Receipt submit(Intake intake, Submission submission) {
        try {
            Intake done = gate.through(() -> camel.requestBody(IntakeRoute.ENDPOINT, intake, Intake.class));
            metrics.accepted(submission.channel(), submission.messageType(), done.duplicate());
            return new Receipt(done.docId(), done.duplicate(), done.retiredRecipients());
        } catch (CamelExecutionException e) {
            GatewayException refusal = e.getCause() instanceof GatewayException known ? known
                    : new GatewayException(GatewayError.INTERNAL_ERROR, null, e.getCause() == null ? e : e.getCause());
            metrics.refused(submission.channel(), refusal.error().code());
            throw refusal;
        }
    }

    @Override
    public List<InboxEntry> inbox(CallerSystem caller, String messageType) {
        return tracking.inbox(caller.agencyCodes(), messageType).stream()
                .map(row -> new InboxEntry(row.delivery().id(), row.messageType(), row.fromCode(),
                        row.delivery().recipientCode(), row.delivery().createdAt(), row.delivery().updatedAt(),
                        row.delivery().state() == DeliveryState.PROCESSING,
                        row.delivery().priority(), row.storedSha256(), row.storedSize(), row.pdfVerdict()))
                .toList();
    }

    @Override
    public long countPending(CallerSystem caller, String messageType) {
        return tracking.countInbox(caller.agencyCodes(), messageType);
    }

    @Override
    public StoredPacket fetch(CallerSystem caller, String docId) {
        TrackingStore.DocumentRow document = ownDelivery(caller.agencyCodes(), docId)
                .flatMap(d -> tracking.findDocument(d.documentId()))
                .or(() -> tracking.findDocument(docId).filter(doc -> caller.agencyCodes().contains(doc.fromCode())))
                .orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId));
        java.nio.file.Path packet = payloads.path(document.storedSha256());
        if (!java.nio.file.Files.isReadable(packet) && tracking.packetsPurged(document.id())) {
            throw new GatewayException(GatewayError.PACKET_PURGED, docId);
        }
        if (!java.nio.file.Files.isReadable(packet)) {
            LOG.error("Gói tin của {} không có trong kho {} (packet missing from the payload store; is the shared "
                    + "store mounted?)", docId, packet);
            throw new GatewayException(GatewayError.PACKET_UNAVAILABLE, docId);
        }
        return new StoredPacket(docId, packet, document.storedSize(),
                document.storedSha256(), pdfSignatures.verdictOf(document.id()).orElse(null));
    }

    @Override
    public void acknowledge(CallerSystem caller, String docId, TransportAck ack, String description) {
        TrackingStore.DeliveryRow delivery = ownDelivery(caller.agencyCodes(), docId)
                .orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId));
        DeliveryState target = switch (ack) {
            case DONE -> DeliveryState.DELIVERED;
            case FAIL -> DeliveryState.REJECTED;
            case PROCESSING -> DeliveryState.PROCESSING;
        };
        if (tracking.acknowledge(delivery.id(), target, description, caller.systemId())) {
            if (target == DeliveryState.DELIVERED) {
                metrics.delivered(delivery.recipientCode(), delivery.mode().name(),
                        java.time.Duration.between(delivery.createdAt(), java.time.Instant.now()));
            }
            return;
        }
        DeliveryState now = tracking.findDelivery(delivery.id()).map(TrackingStore.DeliveryRow::state).orElseThrow();
        boolean alreadyThere = now == target || (now == DeliveryState.DELIVERED && target == DeliveryState.PROCESSING);
        if (!alreadyThere) {
            throw new GatewayException(GatewayError.BAD_PARAMETER,
                    "văn bản đang ở trạng thái " + now + ", không nhận xác nhận " + ack);
        }
    }

    @Override
    public List<SentEntry> sent(CallerSystem caller, String messageType, String docId) {
        return tracking.sent(caller.agencyCodes(), messageType, docId).stream()
                .map(row -> {
                    TrackingStore.DocumentRow doc = row.document();
                    TrackingStore.DeliveryRow delivery = row.delivery();
                    return new SentEntry(doc.id(), doc.messageType(), doc.fromCode(), delivery.recipientCode(),
                            doc.subject(), notation(doc), doc.receivedAt(), delivery.deliveredAt(),
                            delivery.state().name(), delivery.businessStatus());
                })
                .toList();
    }

    @Override
    public List<AgencyEntry> agencies() {
        return directory.listAgencies().stream().filter(a -> a.enabled())
                .map(a -> new AgencyEntry(a.code(), null, a.name(), null, a.side().name()))
                .toList();
    }

    @Override
    public List<EvidenceEntry> evidence(CallerSystem caller, String docId) {
        Optional<TrackingStore.DeliveryRow> received = ownDelivery(caller.agencyCodes(), docId);
        List<EvidenceStore.StoredEvidence> rows;
        if (received.isPresent()) {
            // a recipient sees what concerns its own copy: records for it, and the statuses it sent
            String code = received.get().recipientCode();
            rows = evidence.ofDocument(received.get().documentId()).stream()
                    .filter(e -> code.equals(e.recipient()) || code.equals(e.sender())).toList();
        } else {
            TrackingStore.DocumentRow document = tracking.findDocument(docId)
                    .filter(doc -> caller.agencyCodes().contains(doc.fromCode()))
                    .orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_DOCUMENT, docId));
            rows = evidence.ofDocument(document.id());
        }
        return rows.stream().map(e -> new EvidenceEntry(e.event(), e.recordDocId(), e.sender(), e.recipient(), e.time(),
                e.cms())).toList();
    }

    private Optional<TrackingStore.DeliveryRow> ownDelivery(Set<String> agencies, String deliveryId) {
        return tracking.findDelivery(deliveryId).filter(d -> agencies.contains(d.recipientCode()));
    }

    private static String notation(TrackingStore.DocumentRow doc) {
        if (doc.codeNumber() == null) {
            return doc.codeNotation() == null ? "" : doc.codeNotation();
        }
        return doc.codeNotation() == null ? doc.codeNumber() : doc.codeNumber() + "/" + doc.codeNotation();
    }
}
