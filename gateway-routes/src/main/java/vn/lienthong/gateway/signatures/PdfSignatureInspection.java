package vn.lienthong.gateway.signatures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.trust.pdf.AttachmentSignatureInspector;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;
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
    }

    public Result inspect(Path packet) throws IOException {
        List<AttachmentSignatureReport> reports = new ArrayList<>();
        try (EdxmlReader reader = EdxmlReader.open(packet)) {
            reader.header();
            for (EdxmlReader.Attachment attachment; (attachment = reader.nextAttachment()) != null; ) {
                try (InputStream content = attachment.openStream()) {
                    reports.add(inspector.inspect(attachment.info().attachmentName(), attachment.info().contentType(),
                            content));
                }
            }
        }
        return new Result(reports, verdict(reports));
    }

    /** INVALID if any signature fails; SIGNED_VALID if some PDF is validly signed; else NOT_SIGNED or NO_PDF. */
    static String verdict(List<AttachmentSignatureReport> reports) {
        if (reports.isEmpty()) {
            return null;
        }
        for (Verdict worst : List.of(Verdict.REFUSED, Verdict.INVALID, Verdict.SIGNED_VALID, Verdict.NOT_SIGNED)) {
            if (reports.stream().anyMatch(r -> r.verdict() == worst)) {
                return worst.name();
            }
        }
        return Verdict.NO_PDF.name();
    }
}
