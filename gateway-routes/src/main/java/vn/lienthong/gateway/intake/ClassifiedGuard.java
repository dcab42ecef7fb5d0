package vn.lienthong.gateway.intake;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.LogSafe;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.gateway.refusals.Refusal;
import vn.lienthong.gateway.refusals.RefusalStore;
import vn.lienthong.trust.classification.ClassificationFinding;
import vn.lienthong.trust.classification.ClassificationMark;
import vn.lienthong.trust.classification.ClassificationMarkFinder;
import vn.lienthong.trust.pdf.AttachedFile;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;

/**
 * Keeps classified documents out (the axis carries only văn bản không mật). A document is classified when its
 * Subject carries a mark standing alone, when its sending system says so in {@code OtherInfo/lt:Classification},
 * or when the top of the first page of one of its PDFs (inside the SDK's ZIPs too) carries one; see
 * {@link ClassificationMarkFinder}. Such a packet is refused with code 77 before anything of it is stored: the
 * refusal (metadata and finding, no content) is recorded with its record in the tamper-evident log, and operators
 * are alerted.
 */
public class ClassifiedGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifiedGuard.class);
    static final String FIELD = "OtherInfo/lt:Classification";

    private final ClassificationMarkFinder finder = new ClassificationMarkFinder();
    private final RefusalStore refusals;

    public ClassifiedGuard(RefusalStore refusals) {
        this.refusals = refusals;
    }

    /** The Subject (trích yếu) and the sending system's own marking field. */
    public void checkHeader(Intake intake) {
        if (!(intake.header instanceof EdocHeader edoc)) {
            return;
        }
        MessageHeader m = edoc.messageHeader();
        String declared = m.otherInfo() == null ? null : m.otherInfo().classification();
        if (declared != null) {
            Optional<ClassificationMark> mark = declaredMark(declared);
            if (mark.isPresent()) {
                refuse(intake, new ClassificationFinding(mark.get(), FIELD));
            }
        }
        finder.inText(m.subject()).ifPresent(mark -> refuse(intake, new ClassificationFinding(mark, "Subject")));
    }

    /** The PDFs the intake's attachment pass opened ({@link Intake#pdfSignatures}). */
    public void checkAttachments(Intake intake) {
        if (intake.pdfSignatures == null) {
            return;
        }
        for (AttachmentSignatureReport report : intake.pdfSignatures.reports()) {
            for (AttachedFile file : report.files()) {
                if (file.mark() != null) {
                    String where = file.path().equals(report.attachmentName()) ? report.attachmentName()
                            : report.attachmentName() + " (" + file.path() + ")";
                    refuse(intake, new ClassificationFinding(file.mark(), where + ", trang 1"));
                }
            }
        }
    }

    /**
     * The value of the marking field: a mark (with or without diacritics, any case), {@code KHÔNG MẬT} or empty
     * for a non-classified document; anything else is refused as a bad field (13), so that a typo never passes as
     * "not classified".
     */
    static Optional<ClassificationMark> declaredMark(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('Đ', 'D').replace('đ', 'd').toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
        return switch (folded) {
            case "", "KHONG MAT" -> Optional.empty();
            case "MAT" -> Optional.of(ClassificationMark.MAT);
            case "TOI MAT" -> Optional.of(ClassificationMark.TOI_MAT);
            case "TUYET MAT" -> Optional.of(ClassificationMark.TUYET_MAT);
            default -> throw new GatewayException(GatewayError.INVALID_PACKET, FIELD + ": '" + value
                    + "' không hợp lệ, chỉ nhận KHÔNG MẬT, MẬT, TỐI MẬT hoặc TUYỆT MẬT");
        };
    }

    private void refuse(Intake intake, ClassificationFinding finding) {
        String id = UUID.randomUUID().toString();
        String to = null;
        String documentId = null;
        String number = null;
        String notation = null;
        if (intake.header instanceof EdocHeader edoc) {
            MessageHeader m = edoc.messageHeader();
            to = String.join(", ", m.to().stream().map(o -> o.organId() == null ? "" : o.organId().trim()).toList());
            documentId = m.documentId() == null ? null : m.documentId().trim();
            if (m.code() != null) {
                number = m.code().codeNumber();
                notation = m.code().codeNotation();
            }
        }
        String from = intake.header.from().organId() == null ? null : intake.header.from().organId().trim();
        refusals.record(new Refusal(id, Instant.now(), GatewayError.CLASSIFIED_DOCUMENT.code(), intake.caller.systemId(),
                intake.channel, from, to, documentId, number, notation, intake.packet.sha256Hex(), intake.packet.size(),
                finding.mark().name(), finding.mark().text(), finding.where()));
        LOG.warn("Từ chối văn bản mật (classified document refused) {}: dấu \"{}\" tại {}, từ {} qua {} (không lưu gói tin)",
                id, finding.mark().text(), finding.where(), LogSafe.text(from), intake.caller.systemId());
        throw new GatewayException(GatewayError.CLASSIFIED_DOCUMENT, "phát hiện dấu \"" + finding.mark().text()
                + "\" tại " + where(finding.where()) + "; gói tin không được lưu (mã từ chối " + id + ")");
    }

    private static String where(String foundIn) {
        if (foundIn.equals("Subject")) {
            return "trích yếu (Subject)";
        }
        if (foundIn.equals(FIELD)) {
            return "trường đánh dấu độ mật " + FIELD;
        }
        return "tệp đính kèm " + foundIn;
    }
}
