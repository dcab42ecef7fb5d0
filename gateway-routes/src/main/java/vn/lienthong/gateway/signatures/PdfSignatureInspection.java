package vn.lienthong.gateway.signatures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.trust.pdf.AttachmentSignatureInspector;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;
import vn.lienthong.trust.pdf.InspectionBudget;
import vn.lienthong.trust.pdf.AttachmentSignatureReport.Verdict;

/**
 * Opens every attachment of a packet (unzipping the SDK's ZIPs within limits) and verifies the signatures of
 * the PDFs inside. It records what it finds; it refuses a packet only for an unsafe archive.
 */
public class PdfSignatureInspection {

    private final AttachmentSignatureInspector inspector;

    public PdfSignatureInspection(AttachmentSignatureInspector inspector) {
        this.inspector = inspector;
    }

    public record Result(List<AttachmentSignatureReport> reports, String verdict) {

        /** The first attachment whose archive was refused, if any. */
        public AttachmentSignatureReport refused() {
            return reports.stream().filter(r -> r.verdict() == Verdict.REFUSED).findFirst().orElse(null);
        }

        /** The result of a packet whose attachments gave these reports, in order. */
        public static Result of(List<AttachmentSignatureReport> reports) {
            return new Result(List.copyOf(reports), PdfSignatureInspection.verdict(reports));
        }
    }

    /** Reads the packet's attachments and inspects each (for a packet that is not being read anyway). */
    public Result inspect(Path packet) throws IOException {
        List<AttachmentSignatureReport> reports = new ArrayList<>();
        try (EdxmlReader reader = EdxmlReader.open(packet)) {
            reader.header();
            for (EdxmlReader.Attachment attachment; (attachment = reader.nextAttachment()) != null; ) {
                try (InputStream content = attachment.openStream()) {
                    reports.add(inspect(attachment.info(), content, InspectionBudget.unbounded()));
                }
            }
        }
        return Result.of(reports);
    }

    /**
     * Inspects one attachment from its decoded content (read to its end), as the intake's one pass offers it,
     * charging the packet's {@code budget}.
     */
    public AttachmentSignatureReport inspect(AttachmentInfo attachment, InputStream content, InspectionBudget budget)
            throws IOException {
        return inspector.inspect(attachment.attachmentName(), attachment.contentType(), content, budget);
    }

    /**
     * INVALID if any signature fails; REVOCATION_UNKNOWN if a signer's revocation could not be had; SIGNED_VALID if
     * some PDF is validly signed; else NOT_SIGNED or NO_PDF.
     */
    static String verdict(List<AttachmentSignatureReport> reports) {
        if (reports.isEmpty()) {
            return null;
        }
        for (Verdict worst : List.of(Verdict.REFUSED, Verdict.INVALID, Verdict.REVOCATION_UNKNOWN,
                Verdict.SIGNED_VALID, Verdict.NOT_SIGNED)) {
            if (reports.stream().anyMatch(r -> r.verdict() == worst)) {
                return worst.name();
            }
        }
        return Verdict.NO_PDF.name();
    }
}
