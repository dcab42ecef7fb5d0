package vn.lienthong.trust.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.trust.zip.SafeUnzip;
import vn.lienthong.trust.zip.ZipRefusedException;

/** Per-attachment reports: the SDK's ZIP, bare PDFs, mixed archives, a zip bomb, and the shared real packets. */
class PdfAttachmentReportTest {

    @TempDir
    Path spool;

    private AttachmentSignatureInspector inspector() {
        return new AttachmentSignatureInspector(new PdfSignatureVerifier(TestPdfs.samplePkiCheck(),
                java.time.Clock.systemUTC(), spool), new SafeUnzip());
    }

    private static byte[] sample(String file) throws IOException {
        try (InputStream in = SamplePdfGenerator.open(file)) {
            return in.readAllBytes();
        }
    }

    /** What the official SDK sends: the file zipped alone as {@code <UUID>.<ext>}. */
    private static byte[] sdkZip(String extension, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(UUID.randomUUID() + "." + extension));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private AttachmentSignatureReport inspect(String name, String contentType, byte[] decoded) throws IOException {
        AttachmentSignatureReport report = inspector().inspect(name, contentType, new ByteArrayInputStream(decoded));
        try (var left = Files.list(spool)) {
            assertThat(left).as("spooled PDFs are deleted").isEmpty();
        }
        return report;
    }

    @Test
    void theSdkZipHoldingTheSignedSampleIsSignedAndValid() throws IOException {
        AttachmentSignatureReport report = inspect("Quyet dinh 12.pdf", "application/zip",
                sdkZip("pdf", sample(SamplePdfGenerator.SIGNED)));

        assertThat(report.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.SIGNED_VALID);
        assertThat(report.container()).isEqualTo(AttachmentSignatureReport.Container.ZIP);
        assertThat(report.notes()).isEmpty();
        assertThat(report.refusal()).isNull();
        AttachedFile pdf = report.pdfs().get(0);
        assertThat(report.files()).containsExactly(pdf);
        assertThat(pdf.path()).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(pdf.size()).isEqualTo(sample(SamplePdfGenerator.SIGNED).length);
        PdfSignatureResult signature = pdf.report().signatures().get(0);
        assertThat(signature.signer().organizationIdentifier()).isEqualTo("000.00.00.D41");
        assertThat(signature.signingTime()).isEqualTo(SamplePdfGenerator.defaultSigningTime("000.00.00.D41"));
        assertThat(report.vi()).startsWith("Văn bản có chữ ký số hợp lệ\n- ")
                .contains("Van phong Tinh uy Nghe An (mau) [000.00.00.D41], ký lúc ");
        System.out.println(report.vi());
        System.out.println(report.en());
    }

    @Test
    void aBarePdfIsCheckedAsItIsAndAMisleadingContentTypeIsNoted() throws IOException {
        AttachmentSignatureReport asPdf = inspect("cv.pdf", "application/pdf", sample(SamplePdfGenerator.SIGNED));
        assertThat(asPdf.container()).isEqualTo(AttachmentSignatureReport.Container.PDF);
        assertThat(asPdf.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.SIGNED_VALID);
        assertThat(asPdf.notes()).isEmpty();
        assertThat(asPdf.files()).singleElement().extracting(AttachedFile::path).isEqualTo("cv.pdf");

        AttachmentSignatureReport asZip = inspect("cv.pdf", "application/zip", sample(SamplePdfGenerator.SIGNED));
        assertThat(asZip.container()).isEqualTo(AttachmentSignatureReport.Container.PDF);
        assertThat(asZip.notes()).singleElement().extracting(Note::en)
                .isEqualTo("Declared application/zip but not a ZIP");
    }

    @Test
    void anArchiveWithAnAlteredPdfIsInvalidAndListsEveryFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : List.of(SamplePdfGenerator.SIGNED, SamplePdfGenerator.ALTERED)) {
                zip.putNextEntry(new ZipEntry("ho-so/" + file));
                zip.write(sample(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("ho-so/ghi-chu.txt"));
            zip.write("khong phai PDF".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        AttachmentSignatureReport report = inspect("ho-so.zip", "application/zip", bytes.toByteArray());

        assertThat(report.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.INVALID);
        assertThat(report.files()).extracting(AttachedFile::path).containsExactly(
                "ho-so/" + SamplePdfGenerator.SIGNED, "ho-so/" + SamplePdfGenerator.ALTERED, "ho-so/ghi-chu.txt");
        assertThat(report.files()).extracting(AttachedFile::pdf).containsExactly(true, true, false);
        assertThat(report.files().get(2).sha256()).hasSize(64);
        assertThat(report.pdfs()).extracting(f -> f.report().status())
                .containsExactly(SignatureStatus.VALID, SignatureStatus.NOT_COVERING);
        assertThat(report.vi()).contains("Phần được ký không bao trùm toàn bộ văn bản");
    }

    @Test
    void anUnsignedPdfMakesTheAttachmentUnsigned() throws IOException {
        AttachmentSignatureReport report = inspect("cv.pdf", "application/zip",
                sdkZip("pdf", sample(SamplePdfGenerator.UNSIGNED)));
        assertThat(report.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.NOT_SIGNED);
        assertThat(report.vi()).startsWith("Văn bản không có chữ ký số");
    }

    @Test
    void aZipBombIsRefusedAndReportedNotThrown() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(UUID.randomUUID() + ".pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        AttachmentSignatureReport report = inspect("bom.pdf", "application/zip", bytes.toByteArray());

        assertThat(report.verdict()).isEqualTo(AttachmentSignatureReport.Verdict.REFUSED);
        assertThat(report.refusal().reason()).isEqualTo(ZipRefusedException.Reason.RATIO_TOO_HIGH);
        assertThat(report.vi()).startsWith("Tệp nén đính kèm bị từ chối").contains("bom zip");
        assertThat(report.en()).contains("zip bomb");
    }

    /** The attachments of the shared real packets (trust does not depend on edxml: base64 taken from the XML). */
    @Test
    void theRealSamplePacketsGiveTheExpectedVerdicts() throws IOException {
        Path samples = Paths.get(System.getProperty("samples.dir", "../../shared/samples/edxml"));
        assertThat(verdictOf(samples.resolve("received-from-vxp/2025-received-via-vxp-a.edxml")))
                .as("a ZIP holding an unsigned PDF, declared application/pdf")
                .containsExactly("NOT_SIGNED ZIP [7091b48b-9e89-4b11-bdb8-4265d0200f0e.pdf=NO_SIGNATURE] "
                        + "[Declared application/pdf but zipped (as the official SDK sends it)]");
        assertThat(verdictOf(samples.resolve("received-from-vxp/2025-received-via-vxp-b.edxml")))
                .as("a bare PDF whose binary bytes were replaced by U+FFFD in transit")
                .containsExactly("NOT_SIGNED PDF [1761209178887_TestTrucLienThong.pdf=NO_SIGNATURE] []");
        assertThat(verdictOf(samples.resolve("received-from-vxp/2019-received-via-vxp.edxml")))
                .as("a ZIP holding a 17-byte '.PDF' that is not a PDF")
                .singleElement().asString().startsWith("NO_PDF ZIP []");
        assertThat(verdictOf(samples.resolve("vpcp-sdk-example/edoc_new.edxml")))
                .singleElement().asString().startsWith("NO_PDF ZIP []");
    }

    private List<String> verdictOf(Path packet) throws IOException {
        String xml = Files.readString(packet, StandardCharsets.UTF_8);
        Matcher attachment = Pattern.compile("<(?:\\w+:)?Attachment>(.*?)</(?:\\w+:)?Attachment>", Pattern.DOTALL)
                .matcher(xml);
        List<String> verdicts = new ArrayList<>();
        while (attachment.find()) {
            String body = attachment.group(1);
            byte[] decoded = Base64.getMimeDecoder().decode(field(body, "ContentTransferEncoded"));
            AttachmentSignatureReport report = inspect(field(body, "AttachmentName"), field(body, "ContentType"),
                    decoded);
            List<String> pdfs = report.pdfs().stream().map(f -> f.path() + "=" + f.report().status()).toList();
            verdicts.add(report.verdict() + " " + report.container() + " " + pdfs + " "
                    + report.notes().stream().map(Note::en).toList());
        }
        return verdicts;
    }

    private static String field(String xml, String name) {
        Matcher matcher = Pattern.compile("<(?:\\w+:)?" + name + "[^>]*>([^<]*)</").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }
}
