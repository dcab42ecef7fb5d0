package vn.lienthong.trust.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: a signed PDF of more than 60 MB is verified, from a file and from a stream, in a separate JVM
 * whose heap (32 MB) is smaller than the file, so the file can never have been held in a byte[].
 */
class PdfLargeFileTest {

    private static final long PAYLOAD = 60L << 20;
    private static final String HEAP = "-Xmx32m";

    @Test
    void aSixtyMegabytePdfIsVerifiedInAThirtyTwoMegabyteHeap(@TempDir Path dir) throws Exception {
        Path unsigned = dir.resolve("large-unsigned.pdf");
        Path signed = dir.resolve("large-signed.pdf");
        writeLargePdf(unsigned);
        TestPdfs.signWithPdfBox(unsigned, signed, "000.00.00.D41", Instant.parse("2026-11-21T03:00:00Z"), true);
        assertThat(Files.size(signed)).isGreaterThan(PAYLOAD);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path spool = Files.createDirectory(dir.resolve("spool"));
        ProcessBuilder builder = new ProcessBuilder(java.toString(), HEAP, "-cp", classpath,
                PdfLargeFileTest.class.getName(), signed.toString(), spool.toString())
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("large PDF: %d MiB verified twice under %s in %d ms%n%s", Files.size(signed) >> 20, HEAP,
                millis, output);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("file: VALID 000.00.00.D41 WHOLE_DOCUMENT")
                .contains("stream: VALID 000.00.00.D41 WHOLE_DOCUMENT");
        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    /** Run in the small-heap JVM: verifies the file, then the same bytes as a stream. */
    public static void main(String[] args) throws IOException {
        Path file = Paths.get(args[0]);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap >= Files.size(file)) {
            System.out.println("heap " + maxHeap + " is not smaller than the file");
            System.exit(3);
        }
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(TestPdfs.samplePkiCheck(),
                java.time.Clock.systemUTC(), Paths.get(args[1]));
        print("file", verifier.verify(file));
        try (InputStream in = Files.newInputStream(file)) {
            print("stream", verifier.verify(in));
        }
        System.out.println("max heap " + (maxHeap >> 20) + " MiB");
    }

    private static void print(String how, PdfVerificationReport report) {
        PdfSignatureResult signature = report.signatures().get(0);
        System.out.println(how + ": " + report.status() + " " + signature.signer().organizationIdentifier() + " "
                + signature.coverage() + " " + (report.size() >> 20) + " MiB");
    }

    /** A one-page PDF carrying 60 MB of random bytes as an embedded file, written without holding them. */
    private static void writeLargePdf(Path target) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(60, 700, 300, 40); // no text: no font lookup
                content.stroke();
            }
            PDEmbeddedFile embedded;
            try (InputStream random = new RandomBytes(PAYLOAD)) {
                embedded = new PDEmbeddedFile(document, random);
            }
            embedded.setSubtype("application/octet-stream");
            embedded.setSize((int) PAYLOAD);
            PDComplexFileSpecification specification = new PDComplexFileSpecification();
            specification.setFile("phu-luc.bin");
            specification.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("phu-luc.bin", specification));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            document.save(target.toFile());
        }
    }

    /** Incompressible bytes, generated as they are read. */
    private static final class RandomBytes extends InputStream {
        private final Random random = new Random(42);
        private long left;

        RandomBytes(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
