package vn.lienthong.trust.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.trust.pdf.AttachedFile;
import vn.lienthong.trust.pdf.AttachmentSignatureInspector;
import vn.lienthong.trust.certificates.CertificateValidator;
import vn.lienthong.trust.pdf.AttachmentSignatureReport;
import vn.lienthong.trust.pdf.PdfSignatureVerifier;
import vn.lienthong.trust.pdf.CertificateValidatorSignerCheck;

/** The marks TUYỆT MẬT, TỐI MẬT, MẬT standing alone are found; the same words inside ordinary text are not. */
class ClassificationMarkFinderTest {

    private final ClassificationMarkFinder finder = new ClassificationMarkFinder();

    @Test
    void aMarkStandingAloneIsFound() {
        assertThat(finder.inText("TUYỆT MẬT")).contains(ClassificationMark.TUYET_MAT);
        assertThat(finder.inText("TỐI MẬT - Báo cáo tình hình")).contains(ClassificationMark.TOI_MAT);
        assertThat(finder.inText("Báo cáo tình hình (MẬT)")).contains(ClassificationMark.MAT);
        assertThat(finder.inText("Độ mật: MẬT")).contains(ClassificationMark.MAT);
        assertThat(finder.inText("Số: 12/CV-VPTU\n  « MẬT »  \nCÔNG VĂN")).contains(ClassificationMark.MAT);
        // decomposed Unicode (as some systems send it) is the same text
        assertThat(finder.inText(java.text.Normalizer.normalize("TỐI MẬT", java.text.Normalizer.Form.NFD)))
                .contains(ClassificationMark.TOI_MAT);
    }

    @Test
    void theWordsInsideOrdinaryTextAreNotMarks() {
        for (String text : List.of(
                "Về việc bảo vệ bí mật nhà nước",
                "Đổi mật khẩu hộp thư công vụ",
                "Tài liệu Mật được quản lý trên hệ thống riêng",
                "HƯỚNG DẪN BẢO VỆ BÍ MẬT NHÀ NƯỚC",
                "MẬT KHẨU",
                "Mật",
                "mật",
                "Văn bản có dấu \"MẬT\" phải gửi qua hệ thống riêng",
                "TUYỆT MẬTX")) {
            assertThat(finder.inText(text)).as(text).isEmpty();
        }
    }

    @Test
    void theStampedSamplePdfIsMarkedAndTheOneWithTheWordsInItsTextIsNot() {
        assertThat(finder.inFirstPage(SamplePdfGenerator.path(SamplePdfGenerator.STAMPED_CLASSIFIED)))
                .contains(ClassificationMark.MAT);
        assertThat(finder.inFirstPage(SamplePdfGenerator.path(SamplePdfGenerator.SECRET_WORDS_IN_TEXT))).isEmpty();
        assertThat(finder.inFirstPage(SamplePdfGenerator.path(SamplePdfGenerator.UNSIGNED))).isEmpty();
    }

    @Test
    void aMarkBelowTheTopOfThePageOrOnALaterPageIsNotTheStamp() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add("Dòng " + i + " của văn bản.");
        }
        lines.add("MẬT"); // far down the page, below where box 10a is
        Path file = java.nio.file.Files.createTempFile("low-mark-", ".pdf");
        try {
            java.nio.file.Files.write(file, SamplePdfGenerator.text(lines).bytes());
            assertThat(finder.inFirstPage(file)).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** The top 40% of an A4 page (842 pt) ends 336.8 pt down; the sample's lines are 20 pt apart from 62 pt down. */
    @Test
    void theSearchedPartEndsAtFortyPercentOfThePage() throws Exception {
        assertThat(markOnLine(13)).as("322 pt from the top").contains(ClassificationMark.MAT);
        assertThat(markOnLine(14)).as("342 pt from the top").isEmpty();
        assertThat(markOnLine(20)).as("462 pt from the top").isEmpty();
    }

    private Optional<ClassificationMark> markOnLine(int line) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 36; i++) {
            lines.add(i == line ? "MẬT" : "Dòng " + i + " của văn bản, đủ dài để có nhiều ký tự trên trang.");
        }
        Path file = java.nio.file.Files.createTempFile("mark-on-line-", ".pdf");
        try {
            java.nio.file.Files.write(file, SamplePdfGenerator.text(lines).bytes());
            return finder.inFirstPage(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void anUnreadableFileHasNoMark() throws Exception {
        Path file = java.nio.file.Files.createTempFile("broken-", ".pdf");
        try {
            java.nio.file.Files.writeString(file, "%PDF-1.7\nnot a pdf");
            assertThat(finder.inFirstPage(file)).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void theInspectorFindsTheMarkInsideTheSdksZip() throws IOException {
        AttachmentSignatureInspector inspector = new AttachmentSignatureInspector(new PdfSignatureVerifier(
                new CertificateValidatorSignerCheck(
                CertificateValidator.builder().trustAnchors(List.of(SamplePki.rootCa())).fetchCrlDistributionPoints(false)
                        .ocsp(false).build())));
        AttachmentSignatureReport stamped = inspector.inspect("cong-van.pdf", "application/pdf",
                new ByteArrayInputStream(zipped(SamplePdfGenerator.STAMPED_CLASSIFIED)));
        assertThat(stamped.files()).extracting(AttachedFile::mark).containsExactly(ClassificationMark.MAT);
        AttachmentSignatureReport words = inspector.inspect("cong-van.pdf", "application/pdf",
                new ByteArrayInputStream(zipped(SamplePdfGenerator.SECRET_WORDS_IN_TEXT)));
        assertThat(words.files()).extracting(AttachedFile::mark).containsExactly((ClassificationMark) null);
    }

    private static byte[] zipped(String sample) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); InputStream in = SamplePdfGenerator.open(sample)) {
            zip.putNextEntry(new ZipEntry("0f8c7e2a-1b2c-4d5e-8f90-123456789abc.pdf"));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
