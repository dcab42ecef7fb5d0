package vn.lienthong.trust.zip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.trust.zip.ZipRefusedException.Reason;

/** SafeUnzip against real archives: the SDK's shape, the shared samples, and hostile ones built here. */
class ZipSafeUnzipTest {

    private static final SafeUnzip UNZIP = new SafeUnzip();

    /** What a handler saw. */
    private record Seen(UnzipEntry entry, byte[] content) {
    }

    private static List<Seen> readAll(SafeUnzip unzip, InputStream in, String name) throws IOException {
        List<Seen> seen = new ArrayList<>();
        unzip.read(in, name, (entry, content) -> seen.add(new Seen(entry, content.readAllBytes())));
        return seen;
    }

    private static byte[] samplePdf() throws IOException {
        try (InputStream in = SamplePdfGenerator.open(SamplePdfGenerator.SIGNED)) {
            return in.readAllBytes();
        }
    }

    /** A ZIP as java.util.zip writes it (deflated entries with data descriptors, like the official SDK). */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static ZipRefusedException refusal(SafeUnzip unzip, byte[] archive) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> readAll(unzip, new ByteArrayInputStream(archive), "a.zip"));
        assertThat(thrown).isInstanceOf(ZipRefusedException.class);
        return (ZipRefusedException) thrown;
    }

    @Test
    void theSdkShapeOneEntryNamedByUuidIsHandedOverDecompressed() throws IOException {
        byte[] pdf = samplePdf();
        String name = UUID.randomUUID() + ".pdf";
        List<Seen> seen = readAll(UNZIP, new ByteArrayInputStream(zipOf(name, pdf)), "Quyet dinh.pdf");

        assertThat(seen).singleElement().satisfies(file -> {
            assertThat(file.entry()).isEqualTo(new UnzipEntry(name, name, 1, -1));
            assertThat(file.entry().zipped()).isTrue();
            assertThat(file.content()).isEqualTo(pdf);
        });
    }

    @Test
    void aBarePdfIsPassedThroughAsItself() throws IOException {
        byte[] pdf = samplePdf();
        List<Seen> seen = new ArrayList<>();
        SafeUnzip.Summary summary = UNZIP.read(new ByteArrayInputStream(pdf), "cong-van.pdf",
                (entry, content) -> seen.add(new Seen(entry, content.readAllBytes())));

        assertThat(summary).isEqualTo(new SafeUnzip.Summary(false, 1, pdf.length));
        assertThat(seen).singleElement().satisfies(file -> {
            assertThat(file.entry()).isEqualTo(new UnzipEntry("cong-van.pdf", "cong-van.pdf", 0, -1));
            assertThat(file.entry().zipped()).isFalse();
            assertThat(file.content()).isEqualTo(pdf);
        });
        assertThat(FileMagic.of(pdf, pdf.length)).isEqualTo(FileMagic.PDF);
    }

    @Test
    void aGigabyteOfZerosCompressedToAMegabyteIsRefusedAfterTheFirstMegabyte(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream file = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(UUID.randomUUID() + ".pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).as("1 GiB of zeros deflates to about 1 MiB").isLessThan(2L << 20);

        long[] handed = new long[1];
        long start = System.nanoTime();
        Throwable thrown;
        try (InputStream in = Files.newInputStream(bomb)) {
            thrown = org.assertj.core.api.Assertions.catchThrowable(() -> UNZIP.read(in, "bomb.zip",
                    (entry, content) -> {
                        byte[] buffer = new byte[8192];
                        int n;
                        while ((n = content.read(buffer)) > 0) {
                            handed[0] += n;
                        }
                    }));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(thrown).isInstanceOf(ZipRefusedException.class);
        ZipRefusedException refused = (ZipRefusedException) thrown;
        assertThat(refused.reason()).isEqualTo(Reason.RATIO_TOO_HIGH);
        assertThat(refused.getMessage()).contains("zip bomb").contains(".pdf");
        assertThat(refused.messageVi()).contains("bom zip");
        assertThat(handed[0]).as("bytes handed over before the refusal").isLessThanOrEqualTo(2L << 20);
        System.out.printf("zip bomb: %d KiB archive refused after %d KiB in %d ms: %s%n",
                Files.size(bomb) >> 10, handed[0] >> 10, millis, refused.getMessage());
    }

    @Test
    void sizeLimitsCountWhatIsInflatedNotWhatIsDeclared() throws IOException {
        Random random = new Random(1);
        byte[] noise = new byte[3 << 20];
        random.nextBytes(noise);

        // one entry larger than the per-entry limit (its size is not declared: data descriptor)
        SafeUnzip small = new SafeUnzip(UnzipLimits.DEFAULT.withMaxEntrySize(2 << 20));
        assertThat(refusal(small, zipOf("scan.pdf", noise)).reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);

        // three entries each under the per-entry limit, together over the total
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 1; i <= 3; i++) {
                zip.putNextEntry(new ZipEntry("page-" + i + ".pdf"));
                zip.write(noise);
                zip.closeEntry();
            }
        }
        SafeUnzip total = new SafeUnzip(UnzipLimits.DEFAULT.withMaxTotalSize(8 << 20));
        ZipRefusedException refused = refusal(total, bytes.toByteArray());
        assertThat(refused.reason()).isEqualTo(Reason.TOTAL_TOO_LARGE);
        assertThat(refused.entryPath()).isEqualTo("page-3.pdf");
    }

    @Test
    void aStoredEntryDeclaringTooManyBytesIsRefusedBeforeItsData() throws IOException {
        byte[] content = new byte[4096];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("big.bin");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        ZipRefusedException refused = refusal(new SafeUnzip(UnzipLimits.DEFAULT.withMaxEntrySize(1000)),
                bytes.toByteArray());
        assertThat(refused.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
        assertThat(refused.detail()).contains("declares 4096 bytes");
    }

    /**
     * ZIP64 as large archives write it: the sizes (and the central entry's offset) marked 0xFFFFFFFF, their values
     * in the ZIP64 extra field. Built by hand, since java.util.zip writes ZIP64 only past 4 GB.
     */
    @Test
    void zip64SizesAndOffsetAreReadFromTheExtraField() throws IOException {
        byte[] content = "nội dung ZIP64".getBytes(StandardCharsets.UTF_8);
        byte[] name = "a.txt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(content);
        java.nio.ByteBuffer zip = java.nio.ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0) // stored
                .putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue())
                .putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) name.length).putShort((short) 20)
                .put(name).putShort((short) 1).putShort((short) 16).putLong(content.length).putLong(content.length)
                .put(content);
        int directory = zip.position();
        zip.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue())
                .putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) name.length).putShort((short) 28)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0xFFFFFFFF)
                .put(name).putShort((short) 1).putShort((short) 24).putLong(content.length).putLong(content.length)
                .putLong(0);
        int directorySize = zip.position() - directory;
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(directorySize).putInt(directory).putShort((short) 0);
        byte[] archive = java.util.Arrays.copyOf(zip.array(), zip.position());

        List<Seen> seen = readAll(UNZIP, new ByteArrayInputStream(archive), "a.zip");

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).content()).isEqualTo(content);

        // the central directory's ZIP64 offset is checked against the entry's: another offset is refused
        java.nio.ByteBuffer.wrap(archive).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(directory + 46 + name.length + 4 + 16, 7);
        assertThat(refusal(UNZIP, archive).reason()).isEqualTo(Reason.INCONSISTENT);
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[] entries = new String[2 * 300];
        for (int i = 0; i < 300; i++) {
            entries[2 * i] = "f" + i + ".txt";
            entries[2 * i + 1] = "x";
        }
        ZipRefusedException refused = refusal(UNZIP, zip(entries));
        assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
        assertThat(refused.getMessage()).contains("more than 256 entries");
    }

    @Test
    void nestedZipsAreOpenedUpToTheDepthLimitAndRefusedBeyond() throws IOException {
        byte[] pdf = samplePdf();
        byte[] inner = zipOf("van-ban.pdf", pdf);
        byte[] outer = zipOf("ho-so.zip", inner);
        List<Seen> seen = readAll(UNZIP, new ByteArrayInputStream(outer), "a.zip");
        assertThat(seen).singleElement().satisfies(file -> {
            assertThat(file.entry().path()).isEqualTo("ho-so.zip!/van-ban.pdf");
            assertThat(file.entry().depth()).isEqualTo(2);
            assertThat(file.content()).isEqualTo(pdf);
        });

        byte[] deep = pdf;
        for (int level = 1; level <= 10; level++) {
            deep = zipOf("level-" + level + (level == 1 ? ".pdf" : ".zip"), deep);
        }
        ZipRefusedException refused = refusal(UNZIP, deep);
        assertThat(refused.reason()).isEqualTo(Reason.TOO_DEEP);
        assertThat(refused.entryPath()).isEqualTo("level-10.zip!/level-9.zip!/level-8.zip");
        assertThat(refused.getMessage()).contains("nested too deeply").contains("at most 3");
    }

    @Test
    void pathTraversalAndOtherUnsafeNamesAreRefused() throws IOException {
        for (String name : List.of("../../etc/cron.d/x", "a/../../b.pdf", "/etc/passwd", "..\\..\\win.ini",
                "C:\\Windows\\x.pdf", "a\u0000.pdf")) {
            ZipRefusedException refused = refusal(UNZIP, zip(name, "x"));
            assertThat(refused.reason()).as(name).isEqualTo(Reason.UNSAFE_NAME);
        }
        // a dot segment, spaces and Vietnamese are fine
        List<Seen> seen = readAll(UNZIP, new ByteArrayInputStream(zip("./Quyết định số 12.pdf", "x")), "a.zip");
        assertThat(seen).singleElement().extracting(s -> s.entry().name()).isEqualTo("./Quyết định số 12.pdf");
    }

    @Test
    void twoEntriesOfTheSameNameAreRefused() throws IOException {
        ZipRefusedException refused = refusal(UNZIP, zip("van-ban.pdf", "one", "VAN-BAN.PDF", "two"));
        assertThat(refused.reason()).isEqualTo(Reason.DUPLICATE_NAME);
    }

    @Test
    void aCentralDirectoryThatNamesOtherFilesIsRefused() throws IOException {
        byte[] archive = zip("real.pdf", "what this reader sees");
        int central = lastIndexOf(archive, new byte[] {'P', 'K', 1, 2});
        System.arraycopy("evil.pdf".getBytes(StandardCharsets.US_ASCII), 0, archive, central + 46, 8);
        ZipRefusedException refused = refusal(UNZIP, archive);
        assertThat(refused.reason()).isEqualTo(Reason.INCONSISTENT);
        assertThat(refused.entryPath()).isEqualTo("real.pdf");
    }

    @Test
    void damagedTruncatedEncryptedOrPaddedArchivesAreRefused() throws IOException {
        byte[] good = zip("a.txt", "hello hello hello hello", "b.txt", "world");

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 30);
        assertThat(refusal(UNZIP, truncated).reason()).isEqualTo(Reason.MALFORMED);

        byte[] padded = java.util.Arrays.copyOf(good, good.length + 5);
        assertThat(refusal(UNZIP, padded).detail()).contains("after the end");

        byte[] encrypted = good.clone();
        encrypted[6] |= 1; // general purpose flag of the first local header
        assertThat(refusal(UNZIP, encrypted).reason()).isEqualTo(Reason.ENCRYPTED);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] content = "stored content".getBytes(StandardCharsets.US_ASCII);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("s.txt");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        byte[] damaged = bytes.toByteArray();
        damaged[30 + "s.txt".length() + 2] ^= 0x20; // one byte of the stored data
        ZipRefusedException refused = refusal(UNZIP, damaged);
        assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refused.detail()).contains("CRC");
    }

    @Test
    void aHandlerMayStopEarlyOrCloseItsStream() throws IOException {
        List<String> firstBytes = new ArrayList<>();
        SafeUnzip.Summary summary = UNZIP.read(new ByteArrayInputStream(
                zip("a.txt", "alpha alpha alpha", "dir/", "", "b.txt", "beta")), "a.zip", (entry, content) -> {
                    firstBytes.add(entry.path() + ":" + (char) content.read());
                    content.close();
                });
        assertThat(firstBytes).containsExactly("a.txt:a", "b.txt:b");
        assertThat(summary.zip()).isTrue();
        assertThat(summary.files()).isEqualTo(2);
    }

    /** The attachments of the shared real packets: ZIPs written by the official SDK and bare files. */
    @Test
    void theAttachmentsOfTheRealSamplePacketsOpen() throws IOException {
        Path samples = Paths.get(System.getProperty("samples.dir", "../../shared/samples/edxml"));
        assertThat(samples.resolve("received-from-vxp")).isDirectory();
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(samples)) {
            for (Path packet : files.filter(p -> p.toString().endsWith(".edxml")).sorted().toList()) {
                if (packet.toString().contains("malformed")) {
                    continue;
                }
                for (byte[] attachment : attachments(packet)) {
                    for (Seen file : readAll(UNZIP, new ByteArrayInputStream(attachment), "attachment")) {
                        found.add(packet.getFileName() + " -> " + file.entry().name() + " (" + file.content().length
                                + " bytes, " + FileMagic.of(file.content(), file.content().length) + ")");
                    }
                }
            }
        }
        found.forEach(System.out::println);
        assertThat(found).anyMatch(f -> f.startsWith("2025-received-via-vxp-a.edxml -> 7091b48b")
                && f.endsWith("(11229 bytes, PDF)"));
        assertThat(found).anyMatch(f -> f.startsWith("2025-received-via-vxp-b.edxml -> attachment")
                && f.endsWith("PDF)"));
        assertThat(found).anyMatch(f -> f.startsWith("edoc_new.edxml -> 32da2890") && f.contains("388347 bytes"));
        assertThat(found).hasSizeGreaterThanOrEqualTo(13);
    }

    /**
     * The decoded attachments of a packet. trust does not depend on the edxml module, so the base64 text is
     * taken from the XML directly; the samples are well-formed and their attachments plain base64.
     */
    static List<byte[]> attachments(Path packet) throws IOException {
        String xml = Files.readString(packet, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("<(?:\\w+:)?ContentTransferEncoded[^>]*>([^<]*)</").matcher(xml);
        List<byte[]> attachments = new ArrayList<>();
        while (matcher.find()) {
            attachments.add(Base64.getMimeDecoder().decode(matcher.group(1)));
        }
        return attachments;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        for (int i = data.length - pattern.length; i >= 0; i--) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }
}
