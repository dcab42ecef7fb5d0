package vn.lienthong.gateway.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.edxml.model.BusinessDocType;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.links.LinkRouting;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * The intake step that addresses a packet: a document to the agencies it names (the directory's), a status to
 * the other party of the document it answers (the tracking store's), never back through the link it came from.
 * It also finds the document a revocation, update or replacement acts on.
 */
public class RecipientResolver {

    private final DirectoryRepository directory;
    private final TrackingStore tracking;
    private final LinkRouting links;

    public RecipientResolver(DirectoryRepository directory, TrackingStore tracking, LinkRouting links) {
        this.directory = directory;
        this.tracking = tracking;
        this.links = links;
    }

    /**
     * Who receives it: the To agencies of a document (all must exist, else the whole packet is refused
     * naming the unknown ones); for a status, the other party of the original document.
     */
    public void resolve(Intake intake) {
        if (intake.header instanceof EdocHeader edoc) {
            resolveDocumentRecipients(intake, edoc);
            refuseAnotherSendersDocumentId(intake, edoc);
        } else {
            resolveStatusRecipients(intake, (StatusHeader) intake.header);
        }
        if (intake.viaLink != null) {
            // never back through the link it came from (nor through any link when it passed here before)
            intake.recipients.removeIf(code -> links.loopsBack(intake.viaLink, intake.header, code));
            if (intake.recipients.isEmpty()) {
                throw new GatewayException(GatewayError.ROUTING_LOOP, "liên kết " + intake.viaLink);
            }
        }
    }

    private void resolveDocumentRecipients(Intake intake, EdocHeader edoc) {
        Set<String> codes = new LinkedHashSet<>();
        for (Organization to : edoc.messageHeader().to()) {
            codes.add(intake.retiredRecipients.getOrDefault(to.organId().trim(), to.organId().trim()));
        }
        if (intake.viaLink != null) {
            // a packet from another axis may name agencies of other axes too: those are not ours to refuse
            Set<String> served = links.servedHere(intake.viaLink, edoc, codes);
            if (served.isEmpty()) {
                throw new GatewayException(codes.stream().anyMatch(c -> directory.findAgency(c).isPresent())
                        ? GatewayError.ROUTING_LOOP : GatewayError.UNKNOWN_RECIPIENT, String.join(", ", codes));
            }
            codes = served;
        }
        List<String> unknown = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (String code : codes) {
            Optional<Agency> agency = directory.findAgency(code);
            if (agency.isEmpty()) {
                unknown.add(code);
            } else if (!agency.get().enabled()) {
                disabled.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new GatewayException(GatewayError.UNKNOWN_RECIPIENT, String.join(", ", unknown));
        }
        if (!disabled.isEmpty()) {
            throw new GatewayException(GatewayError.RECIPIENT_DISABLED, String.join(", ", disabled));
        }
        intake.recipients.addAll(codes);
        originalOf(edoc).ifPresent(original -> intake.original = original);
    }

    /**
     * A DocumentId belongs to its sender: a document reusing the id of another sender's document to the
     * same recipient is refused, since that recipient's statuses on it could otherwise reach the wrong
     * sender. (Statuses are also resolved by ResponseFor's OrganId; this keeps a recipient's view clear.)
     */
    private void refuseAnotherSendersDocumentId(Intake intake, EdocHeader edoc) {
        String documentId = trim(edoc.messageHeader().documentId());
        if (documentId == null || documentId.isEmpty()) {
            return;
        }
        List<String> taken = tracking.recipientsWithForeignDocumentId(documentId, edoc.from().organId().trim(),
                intake.recipients);
        if (!taken.isEmpty()) {
            throw new GatewayException(GatewayError.DOCUMENT_ID_TAKEN,
                    documentId + " (đơn vị nhận " + String.join(", ", taken) + ")");
        }
    }

    /** A revocation, update or replacement names the document it acts on, among those the sender sent. */
    private Optional<TrackingStore.DocumentRow> originalOf(EdocHeader edoc) {
        List<String> candidates = new ArrayList<>();
        Bussiness bussiness = edoc.traceHeaderList() == null ? null : edoc.traceHeaderList().bussiness();
        if (bussiness == null || edoc.businessDocType() == BusinessDocType.NEW) {
            return Optional.empty();
        }
        if (bussiness.documentId() != null) {
            candidates.add(bussiness.documentId());
        }
        for (ResponseFor responseFor : edoc.messageHeader().responseFor()) {
            if (responseFor.documentId() != null) {
                candidates.add(responseFor.documentId());
            }
        }
        if (bussiness.replacementInfos() != null) {
            for (ReplacementInfo replaced : bussiness.replacementInfos()) {
                if (replaced.documentId() != null) {
                    candidates.add(replaced.documentId());
                }
            }
        }
        String sender = edoc.from().organId().trim();
        for (String candidate : candidates) {
            Optional<TrackingStore.DocumentRow> found = tracking.findOriginal(candidate.trim(), sender, true);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void resolveStatusRecipients(Intake intake, StatusHeader status) {
        StatusCode code = StatusCode.fromCode(status.statusCode()).orElseThrow();
        String reporter = status.from().organId().trim();
        String documentId = status.responseFor().documentId().trim();
        String originalSender = trim(status.responseFor().organId());
        boolean bySender = code.issuer() == StatusCode.Issuer.SENDER;
        // a recipient's status names the original by its sender (ResponseFor/OrganId) and DocumentId together
        Optional<TrackingStore.DocumentRow> original = bySender || originalSender == null || originalSender.isEmpty()
                ? tracking.findOriginal(documentId, reporter, bySender)
                : tracking.findReceivedOriginal(documentId, originalSender, reporter);
        RetiredCodes.refuseUnlessEarlier(intake, original);
        if (original.isEmpty()) {
            if (tracking.findOriginal(documentId, reporter, !bySender).isPresent()) {
                throw new GatewayException(GatewayError.STATUS_NOT_ALLOWED, bySender
                        ? "chỉ cơ quan gửi văn bản mới được gửi trạng thái " + code.code()
                        : "chỉ cơ quan nhận văn bản mới được gửi trạng thái " + code.code());
            }
            throw new GatewayException(GatewayError.ORIGINAL_NOT_FOUND, documentId);
        }
        intake.original = original.get();
        if (bySender) {
            tracking.deliveriesOf(intake.original.id()).forEach(d -> intake.recipients.add(d.recipientCode()));
        } else {
            intake.recipients.add(intake.original.fromCode());
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
