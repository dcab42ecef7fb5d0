package vn.lienthong.gateway.intake;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.gateway.directory.AgencyRetirements;
import vn.lienthong.gateway.directory.AgencyRetirements.OnDocument;
import vn.lienthong.gateway.directory.AgencyRetirements.Retirement;
import vn.lienthong.gateway.tracking.TrackingStore;

/**
 * The intake step for agency codes that changed, before the recipients are resolved: a retired code cannot send
 * (76, naming the code to use), except the statuses on documents it took part in before it was retired (its system
 * still answers what it received under the old code: {@link Intake#retiredSender} lets the status on to
 * {@link RecipientResolver}, which finds the document and calls {@link #refuseUnlessEarlier}); a document addressed to a
 * retired code is either refused (75, naming the successor) or marked in {@link Intake#retiredRecipients} for
 * delivery to the successor.
 */
public class RetiredCodes {

    private final AgencyRetirements retirements;

    public RetiredCodes(AgencyRetirements retirements) {
        this.retirements = retirements;
    }

    public void check(Intake intake) {
        String from = intake.header.from().organId().trim();
        Retirement sender = retirements.find(from).orElse(null);
        if (sender != null) {
            if (!(intake.header instanceof StatusHeader)) {
                throw senderRetired(sender);
            }
            intake.retiredSender = sender; // judged once its document is known
        }
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
     * A status from a retired code is accepted only on a document accepted before the retirement ({@code original});
     * refused with 76 otherwise, or when there is no such document.
     */
    static void refuseUnlessEarlier(Intake intake, Optional<TrackingStore.DocumentRow> original) {
        Retirement retirement = intake.retiredSender;
        if (retirement != null && (original.isEmpty() || retirement.retiredAt() != null
                && !original.get().receivedAt().isBefore(retirement.retiredAt()))) {
            throw senderRetired(retirement);
        }
    }

    private static GatewayException senderRetired(Retirement r) {
        return new GatewayException(GatewayError.SENDER_RETIRED, "mã " + r.code() + " đã thôi sử dụng, hãy gửi "
                + "bằng mã " + r.successorCode() + " (send as " + r.successorCode() + ")");
    }
}
