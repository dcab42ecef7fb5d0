package vn.lienthong.edxml.status;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;

/** Builds status packets that answer a document, and says who may send which status. */
public final class StatusPackets {

    private StatusPackets() {
    }

    /** The ResponseFor that names a document: its issuer, số/ký hiệu, date and DocumentId. */
    public static ResponseFor responseFor(MessageHeader original) {
        return new ResponseFor(
                original.from() == null ? null : original.from().organId(),
                original.code() == null ? null : original.code().display(),
                original.promulgationInfo() == null ? null : original.promulgationInfo().promulgationDate(),
                original.documentId());
    }

    /** A status packet from {@code reporter} about {@code original}, stamped at {@code time} (Vietnam time). */
    public static StatusHeader status(Organization reporter, ResponseFor original, StatusCode code, String description,
                                      StaffInfo staff, ZonedDateTime time) {
        String timestamp = Edxml.TIMESTAMP.format(time.withZoneSameInstant(Edxml.VIETNAM));
        TraceHeaderList hops = new TraceHeaderList(null,
                java.util.List.of(new TraceHeader(reporter.organId(), timestamp)), null);
        return new StatusHeader(reporter, original, staff, code.code(),
                description == null ? code.label() : description, timestamp, null, hops, null);
    }

    /**
     * Why {@code reporter} may not send {@code code} about a document from {@code originalSender} to
     * {@code originalRecipients}, or empty when it may: 13 (take back) is the original sender's, every other
     * code is a recipient's.
     */
    public static Optional<String> whyNotAllowed(StatusCode code, String reporter, String originalSender,
                                                 Collection<String> originalRecipients) {
        if (code.issuer() == StatusCode.Issuer.SENDER) {
            return reporter.equals(originalSender) ? Optional.empty()
                    : Optional.of("chỉ cơ quan gửi văn bản mới được gửi trạng thái " + code.code()
                    + " (only the original sender may send " + code.code() + ")");
        }
        return originalRecipients.contains(reporter) ? Optional.empty()
                : Optional.of("chỉ cơ quan nhận văn bản mới được gửi trạng thái " + code.code()
                + " (only a recipient may send " + code.code() + ")");
    }
}
