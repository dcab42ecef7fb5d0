package vn.lienthong.trust.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;

/**
 * A real edXML packet, written with the edxml module's writer the way the official SDK sends it (the signed PDF
 * zipped alone as {@code <UUID>.pdf}, content type application/zip), read back with its streaming reader, and the
 * attachment's decoded stream handed to the inspector.
 *
 * <p>PARKED: rename this file to {@code .java} once trust/pom.xml has edxml as a test dependency.
 */
class PdfEdxmlPacketTest {

    @Test
    void theSdkZippedAttachmentOfARealPacketIsSignedAndValid(@TempDir Path dir) throws IOException {
        Path packet = dir.resolve("cong-van.edxml");
        try (OutputStream out = Files.newOutputStream(packet); EdxmlWriter writer = EdxmlWriter.create(out)) {
            writer.writeHeader(congVan("a1"));
            writer.writeAttachment(new AttachmentInfo("cid:a1", "cong-van.pdf", "Công văn", "application/zip"),
                    new ByteArrayInputStream(sdkZip(SamplePdfGenerator.SIGNED)));
        }

        AttachmentSignatureInspector inspector = new AttachmentSignatureInspector(
                new PdfSignatureVerifier(TestPdfs.samplePkiCheck()));
        AttachmentSignatureReport report;
        try (EdxmlReader reader = EdxmlReader.open(packet)) {
            reader.header();
            EdxmlReader.Attachment attachment = reader.nextAttachment();
            try (InputStream decoded = attachment.openStream()) {
                report = inspector.inspect(attachment.info().attachmentName(), attachment.info().contentType(),
                        decoded);
            }
            assertThat(reader.nextAttachment()).isNull();
        }

        assertThat(report.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.SIGNED_VALID);
        assertThat(report.container()).isEqualTo(AttachmentSignatureReport.Container.ZIP);
        assertThat(report.attachmentName()).isEqualTo("cong-van.pdf");
        PdfSignatureResult signature = report.pdfs().get(0).report().signatures().get(0);
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.D41");
        assertThat(signature.signingTime()).isEqualTo(SamplePdfGenerator.defaultSigningTime("000.00.00.D41"));
    }

    private static byte[] sdkZip(String sample) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); InputStream pdf = SamplePdfGenerator.open(sample)) {
            zip.putNextEntry(new ZipEntry(UUID.randomUUID() + ".pdf"));
            pdf.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A công văn from Văn phòng Tỉnh ủy (000.00.00.D41) to UBND tỉnh (000.00.00.H41), as edxml's tests build it. */
    private static EdocHeader congVan(String contentId) {
        String tinhUy = "000.00.00.D41";
        MessageHeader message = new MessageHeader(
                Organization.of(tinhUy, "Văn phòng Tỉnh ủy Nghệ An (mẫu)"),
                List.of(Organization.of("000.00.00.H41", "UBND tỉnh Nghệ An")),
                tinhUy + ",2026/11/20,12-QD/MAU",
                new DocumentCode("12", "QD/MAU"),
                new PromulgationInfo("Nghệ An", "2026/11/20"),
                new DocumentType("1", "0", "Quyết định"),
                "Về việc cấp kinh phí (văn bản mẫu)",
                "Văn bản mẫu để thử kiểm tra chữ ký số",
                new SignerInfo("TL. BAN THƯỜNG VỤ", "Chánh Văn phòng", "Nguyễn Văn A"),
                "2026/12/01",
                new OtherInfo("1", "Liên thông văn bản quốc gia", "NVA", "1", "1", "false", List.of()),
                null, "1", List.of("Các sở, ban, ngành"), null);
        TraceHeaderList hops = new TraceHeaderList(null, List.of(new TraceHeader(tinhUy, "2026/11/20 08:30:00")),
                new Bussiness(null, "0", "Văn bản điện tử mới", "0", null, null, null));
        List<ManifestReference> manifest = List.of(
                new ManifestReference("cid:" + contentId, "application/zip", "Công văn", "cong-van.pdf"));
        return new EdocHeader(message, hops, null, "1.0", manifest);
    }
}
