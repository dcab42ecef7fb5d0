package vn.lienthong.gateway.signatures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lienthong.trust.pdf.AttachedFile;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;
import vn.lienthong.trust.pdf.PdfSignatureResult;

/** The PDF signature results of each document, as found at intake. */
@Repository
public class PdfSignatureStore {

    private final JdbcClient jdbc;

    public PdfSignatureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One signature (or one unsigned PDF) of a document. */
    public record Row(String attachmentName, String filePath, Integer signatureIndex, String status, String signer,
                      String signerAgency, Instant signingTime, String reason) {
    }

    /** Records the reports and the document's verdict; runs inside the intake's transaction. */
    public void record(String documentId, List<AttachmentSignatureReport> reports, String verdict) {
        jdbc.sql("UPDATE documents SET pdf_verdict = :verdict WHERE id = :id").param("verdict", verdict)
                .param("id", documentId).update();
        for (AttachmentSignatureReport report : reports) {
            for (AttachedFile pdf : report.pdfs()) {
                if (pdf.report() == null || pdf.report().signatures().isEmpty()) {
                    insert(documentId, report.attachmentName(), pdf.path(), null,
                            pdf.report() == null ? "UNREADABLE" : pdf.report().status().name(), null, null, null,
                            pdf.report() == null ? null : pdf.report().vi());
                    continue;
                }
                for (PdfSignatureResult signature : pdf.report().signatures()) {
                    String reason = signature.problems().isEmpty() ? null
                            : signature.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(null);
                    insert(documentId, report.attachmentName(), pdf.path(), signature.index(), signature.status().name(),
                            signature.signer() == null ? null : signature.signer().subject(),
                            signature.signer() == null ? null : signature.signer().organizationIdentifier(),
                            signature.signingTime(), reason);
                }
            }
        }
    }

    public List<Row> of(String documentId) {
        return jdbc.sql("SELECT * FROM pdf_signatures WHERE document_id = :id ORDER BY id").param("id", documentId)
                .query(PdfSignatureStore::row).list();
    }

    public Optional<String> verdictOf(String documentId) {
        return jdbc.sql("SELECT pdf_verdict FROM documents WHERE id = :id").param("id", documentId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(v -> v);
    }

    private void insert(String documentId, String attachment, String file, Integer index, String status, String signer,
                        String agency, Instant signingTime, String reason) {
        jdbc.sql("""
                INSERT INTO pdf_signatures (document_id, attachment_name, file_path, signature_index, status, signer,
                    signer_agency, signing_time, reason)
                VALUES (:doc, :attachment, :file, :index, :status, :signer, :agency, :time, :reason)""")
                .param("doc", documentId).param("attachment", limit(attachment, 512)).param("file", limit(file, 1024))
                .param("index", index).param("status", status).param("signer", limit(signer, 1024))
                .param("agency", limit(agency, 64))
                .param("time", signingTime == null ? null : signingTime.atOffset(ZoneOffset.UTC))
                .param("reason", limit(reason, 2000)).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        int index = rs.getInt("signature_index");
        Integer signatureIndex = rs.wasNull() ? null : index;
        OffsetDateTime time = rs.getObject("signing_time", OffsetDateTime.class);
        return new Row(rs.getString("attachment_name"), rs.getString("file_path"), signatureIndex, rs.getString("status"),
                rs.getString("signer"), rs.getString("signer_agency"), time == null ? null : time.toInstant(),
                rs.getString("reason"));
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
