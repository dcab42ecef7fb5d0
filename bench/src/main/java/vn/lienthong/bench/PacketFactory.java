package vn.lienthong.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.lienthong.vdxp.HashFile;
import vn.lienthong.certs.SamplePdfGenerator;
import vn.lienthong.certs.SamplePki;
import vn.lienthong.edxml.dsig.EdxmlSigner;
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
 * Makes the benchmark's packets before anything is timed: a công văn from {@code from} to {@code to}, each with
 * its own DocumentId, carrying one ZIP (as the official SDK sends attachments) that holds the committed signed
 * sample PDF and an incompressible appendix sized so that the packet reaches the chosen size; optionally signed
 * with XML-DSig by the sending agency's sample key.
 */
final class PacketFactory {

    /** The ZIP every packet carries: one file per run, written once, base64-encoded into each packet. */
    private static final String ZIP_NAME = "ho-so.zip";
    private static final String CONTENT_ID = "cid:ho-so";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String from;
    private final String to;
    private final String runTag;
    private final EdxmlSigner signer;
    private final Path dir;

    PacketFactory(String from, String to, String runTag, boolean signed, Path dir) {
        this.from = from;
        this.to = to;
        this.runTag = runTag;
        this.signer = signed ? EdxmlSigner.of(SamplePki.privateKey(from), SamplePki.certificate(from)) : null;
        this.dir = dir;
    }

    /** The marker written into each packet's DocumentId, by which a receiver finds which packet it got. */
    static String marker(String runTag, long sequence) {
        return "BENCH-" + runTag + "-" + sequence;
    }

    String runTag() {
        return runTag;
    }

    /**
     * Writes {@code count} packets of about {@code targetBytes} each, on all cores. The appendix size is found
     * from two trial packets (the base64 and signature overheads are then exact); a packet never gets smaller
     * than its header and the signed PDF, so a small target yields the smallest packet that holds them.
     */
    List<GeneratedPacket> generate(int count, long targetBytes) throws Exception {
        Path small = writeZip(dir.resolve("trial-0.zip"), 0);
        long base = packetBytes(small);
        long probe = Math.max(4096, targetBytes / 2);
        Path larger = writeZip(dir.resolve("trial-1.zip"), probe);
        long perByte = Math.max(1, packetBytes(larger) - base);
        long appendix = Math.max(0, Math.round((targetBytes - base) * (double) probe / perByte));
        Files.delete(small);
        Files.delete(larger);
        Path zip = writeZip(dir.resolve(ZIP_NAME), appendix);

        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<GeneratedPacket>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long sequence = i;
                futures.add(pool.submit(() -> write(zip, sequence)));
            }
            List<GeneratedPacket> packets = new ArrayList<>(count);
            for (Future<GeneratedPacket> future : futures) {
                packets.add(future.get());
            }
            return packets;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One packet, written to a file of its own; the SDK's hash-file computed now so that sending costs nothing. */
    GeneratedPacket write(Path zip, long sequence) throws IOException {
        Path file = dir.resolve("packet-" + sequence + ".edxml");
        String documentId = from + "," + LocalDate.now().format(DAY) + "," + sequence + "/" + marker(runTag, sequence);
        try (OutputStream out = Files.newOutputStream(file); EdxmlWriter writer = EdxmlWriter.create(out)) {
            writer.writeHeader(header(documentId, sequence));
            try (InputStream attachment = Files.newInputStream(zip)) {
                writer.writeAttachment(new AttachmentInfo(CONTENT_ID, ZIP_NAME, "Hồ sơ văn bản", "application/zip"),
                        attachment);
            }
        }
        if (signer != null) {
            signer.sign(file, file);
        }
        MessageDigest digest = HashFile.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return new GeneratedPacket(sequence, documentId, file, Files.size(file), HashFile.unpaddedHex(digest.digest()));
    }

    private long packetBytes(Path zip) throws IOException {
        GeneratedPacket trial = write(zip, -1);
        Files.delete(trial.file());
        return trial.bytes();
    }

    private EdocHeader header(String documentId, long sequence) {
        String day = LocalDate.now().format(DAY);
        MessageHeader message = new MessageHeader(
                Organization.of(from, "Văn phòng Tỉnh ủy Nghệ An (mẫu)"),
                List.of(Organization.of(to, "UBND tỉnh Nghệ An")),
                documentId,
                new DocumentCode(String.valueOf(sequence), "CV/BENCH"),
                new PromulgationInfo("Nghệ An", day),
                new DocumentType("1", "0", "Công văn"),
                "V/v đo hiệu năng trục liên thông (văn bản mẫu " + sequence + ")",
                "Văn bản mẫu do công cụ đo hiệu năng tạo ra",
                new SignerInfo("TL. BAN THƯỜNG VỤ", "Chánh Văn phòng", "Nguyễn Văn A"),
                day,
                new OtherInfo("1", "Liên thông văn bản quốc gia", "NVA", "1", "1", "false", List.of()),
                null, "1", List.of("Các sở, ban, ngành"), null);
        TraceHeaderList hops = new TraceHeaderList(null, List.of(new TraceHeader(from, day + " 08:00:00")),
                new Bussiness(null, "0", "Văn bản điện tử mới", "0", null, null, null));
        List<ManifestReference> manifest = List.of(
                new ManifestReference(CONTENT_ID, "application/zip", "Hồ sơ văn bản", ZIP_NAME));
        return new EdocHeader(message, hops, null, "1.0", manifest);
    }

    /**
     * The ZIP: the signed sample PDF (deflated, as zip tools do) and {@code appendixBytes} of random bytes
     * (stored: they do not compress, so the packet's size is what was asked for). Streamed: a 200 MB appendix
     * is never held in memory.
     */
    static Path writeZip(Path file, long appendixBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("van-ban-ky-so.pdf"));
            try (InputStream pdf = SamplePdfGenerator.open(SamplePdfGenerator.SIGNED)) {
                pdf.transferTo(zip);
            }
            zip.closeEntry();
            if (appendixBytes > 0) {
                writeStoredRandom(zip, "phu-luc.bin", appendixBytes);
            }
        }
        return file;
    }

    /** A STORED entry needs its size and CRC before its bytes: the same seeded random stream is run twice. */
    private static void writeStoredRandom(ZipOutputStream zip, String name, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        CRC32 crc = new CRC32();
        Random random = new Random(bytes);
        for (long left = bytes; left > 0; left -= block.length) {
            random.nextBytes(block);
            crc.update(block, 0, (int) Math.min(block.length, left));
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes);
        entry.setCompressedSize(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        random = new Random(bytes);
        for (long left = bytes; left > 0; left -= block.length) {
            random.nextBytes(block);
            zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
    }

    /** A packet on disk, ready to send. */
    record GeneratedPacket(long sequence, String documentId, Path file, long bytes, String hashFile) {
    }
}
