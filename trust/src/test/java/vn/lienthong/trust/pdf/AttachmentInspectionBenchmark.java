package vn.lienthong.trust.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.trust.classification.ClassificationMarkFinder;

/**
 * What the PDF checks at intake cost a document: CPU microseconds per attachment (one thread, after a warm-up)
 * for the bench's attachment (a ZIP of the signed sample PDF and an incompressible appendix) and for the same with
 * a full page of text, whole and step by step. Not part of the normal test run; run it with
 * <pre>mvn -q -pl certs-sample,trust test -Dtest=AttachmentInspectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dorg.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font=error</pre>
 * ({@code -Dbenchmark.seconds=N} per line, default 3; the logger setting silences PDFBox's font fallback warning
 * as the gateway's configuration does, else printing it is most of what is measured). It prints a table; it
 * asserts nothing.
 */
@Tag("benchmark")
class AttachmentInspectionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path work;

    @Test
    void cpuPerAttachment() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("benchmark.seconds", "3"));
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(TestPdfs.samplePkiCheck());
        AttachmentSignatureInspector inspector = new AttachmentSignatureInspector(verifier);
        ClassificationMarkFinder marks = new ClassificationMarkFinder();
        System.out.printf(Locale.ROOT, "%nPDF checks at intake: %d cores, %.1f s per line, JDK %s%n",
                Runtime.getRuntime().availableProcessors(), seconds, System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-58s %12s %12s%n", "what", "per second", "CPU µs each");
        byte[] sample;
        try (InputStream in = SamplePdfGenerator.open(SamplePdfGenerator.SIGNED)) {
            sample = in.readAllBytes();
        }
        byte[] fullPage = SamplePdfGenerator.text(fullPageOfText()).sign("000.00.00.D41").bytes();
        for (Object[] pdf : new Object[][] {{"sample PDF (13 lines)", sample}, {"full page (36 lines)", fullPage}}) {
            String name = (String) pdf[0];
            byte[] bytes = (byte[]) pdf[1];
            Path file = Files.write(work.resolve(name.replace(' ', '-') + ".pdf"), bytes);
            byte[] zip = zip(bytes, 80 * 1024);
            line(name + ": the attachment, inspected (ZIP, PDF, mark)", seconds, () -> {
                AttachmentSignatureReport report = inspector.inspect("vanban.zip", "application/zip",
                        new ByteArrayInputStream(zip));
                if (report.verdict() != AttachmentSignatureReport.Verdict.SIGNED_VALID) {
                    throw new IllegalStateException(report.en());
                }
            });
            line(name + ": signatures only (PdfSignatureVerifier)", seconds, () -> {
                if (verifier.verify(file).status() != SignatureStatus.VALID) {
                    throw new IllegalStateException("not valid");
                }
            });
            line(name + ": classification mark only (page 1 text)", seconds, () -> {
                if (marks.inFirstPage(file).isPresent()) {
                    throw new IllegalStateException("a mark where there is none");
                }
            });
        }
        System.out.println();
    }

    /** 36 lines of a Vietnamese công văn's body: a page of A4 as the sample generator lays it out. */
    private static List<String> fullPageOfText() {
        List<String> lines = new ArrayList<>(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "VĂN PHÒNG TỈNH ỦY NGHỆ AN (MẪU)", "Số: 345/CV-VPTU", "CÔNG VĂN"));
        while (lines.size() < 36) {
            lines.add("Thực hiện chỉ đạo của Thường trực Tỉnh ủy về việc triển khai kế hoạch số " + lines.size()
                    + ", đề nghị các sở, ngành báo cáo.");
        }
        return lines;
    }

    private static byte[] zip(byte[] pdf, int appendixBytes) throws IOException {
        byte[] appendix = new byte[appendixBytes];
        new Random(7).nextBytes(appendix);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("vanban.pdf"));
            zip.write(pdf);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("phuluc.bin"));
            zip.write(appendix);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} for {@code seconds} to warm up, then as long again measured, and prints a line. */
    private static void line(String what, double seconds, Work work) throws Exception {
        run(seconds, work);
        long[] measured = run(seconds, work);
        System.out.printf(Locale.ROOT, "%-58s %12.0f %12.1f%n", what, measured[0] * 1e9 / measured[1],
                measured[2] / 1e3 / measured[0]);
    }

    /** count, wall nanoseconds, CPU nanoseconds */
    private static long[] run(double seconds, Work work) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long count = 0;
        while (System.nanoTime() < end) {
            work.run();
            count++;
        }
        return new long[] {count, System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu};
    }
}
