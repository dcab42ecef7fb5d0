package vn.lienthong.gateway.intake;

import java.util.LinkedHashSet;
import java.util.Set;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.directory.AgencyRetirements;
import vn.lienthong.gateway.directory.AgencyRetirements.OnDocument;
import vn.lienthong.gateway.directory.AgencyRetirements.Retirement;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * The intake step for agency codes that changed, before the recipients are resolved: a retired code cannot send
 * (76, naming the code to use), except the statuses on documents it took part in before it was retired (its system
 * still answers what it received under the old code); a document addressed to a retired code is either refused (75, naming the
 * successor) or marked in {@link Intake#retiredRecipients} for delivery to the successor.
 */
public class RetiredCodes {

    private final AgencyRetirements retirements;
    private final TrackingStore tracking;

    public RetiredCodes(AgencyRetirements retirements, TrackingStore tracking) {
        this.retirements = retirements;
        this.tracking = tracking;
    }

    public void check(Intake intake) {
        String from = intake.header.from().organId().trim();
        retirements.find(from).ifPresent(r -> {
            if (intake.header instanceof StatusHeader status && answersEarlierDocument(status, r)) {
                return;
            }
            throw new GatewayException(GatewayError.SENDER_RETIRED, "mã " + r.code() + " đã thôi sử dụng, hãy gửi "
                    + "bằng mã " + r.successorCode() + " (send as " + r.successorCode() + ")");
        });
        if (!(intake.header instanceof EdocHeader edoc)) {
            return;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Organization to : edoc.messageHeader().to()) {
            codes.add(to.organId().trim());
        }
        for (String code : codes) {
            Retirement retirement = retirements.find(code).orElse(null);
            if (retirement == null) {
                continue;
            }
            if (retirements.onDocument(retirement) == OnDocument.REFUSE) {
                throw new GatewayException(GatewayError.RECIPIENT_RETIRED, "mã " + code + " đã thôi sử dụng, hãy gửi "
                        + "tới mã " + retirement.successorCode() + " (send to " + retirement.successorCode() + ")");
            }
            intake.retiredRecipients.put(code, retirement.successorCode());
        }
    }

    /**
     * Whether this status from a retired code is about a document accepted before the retirement, that the code
     * received (or sent, for a sender's status): found by the same rules the intake resolves statuses with.
     */
    private boolean answersEarlierDocument(StatusHeader status, Retirement retirement) {
        StatusCode code = StatusCode.fromCode(status.statusCode()).orElse(null);
        if (code == null || status.responseFor() == null || status.responseFor().documentId() == null) {
            return false; // the intake's own checks refuse it
        }
        String reporter = status.from().organId().trim();
        String documentId = status.responseFor().documentId().trim();
        String originalSender = status.responseFor().organId() == null ? "" : status.responseFor().organId().trim();
        boolean bySender = code.issuer() == StatusCode.Issuer.SENDER;
        java.util.Optional<TrackingStore.DocumentRow> original = bySender || originalSender.isEmpty()
                ? tracking.findOriginal(documentId, reporter, bySender)
                : tracking.findReceivedOriginal(documentId, originalSender, reporter);
        return original.isPresent()
                && (retirement.retiredAt() == null || original.get().receivedAt().isBefore(retirement.retiredAt()));
    }
}
