package vn.lienthong.edxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.TestPackets;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.validation.EdxmlValidator;

/**
 * The streaming contract: a packet with a 200 MB attachment is written, read and validated in a JVM whose
 * heap is 256 MB (surefire runs this class alone with -Xmx256m). Prints what it measured.
 */
class LargePacketStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void aTwoHundredMegabytePacketPassesThroughAQuarterGigabyteHeap(@TempDir Path dir) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("this test must run with -Xmx256m").isLessThanOrEqualTo(270L * 1024 * 1024);
        Path packet = dir.resolve("large.edxml");

        long start = System.nanoTime();
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(packet);
             EdxmlWriter writer = EdxmlWriter.create(out);
             InputStream content = new DigestInputStream(new GeneratedContent(SIZE), written)) {
            writer.writeHeader(TestPackets.congVan("a1"));
            writer.writeAttachment(new AttachmentInfo("cid:a1", "lon.bin", "Tệp lớn", "application/octet-stream"),
                    content);
        }
        long writeNanos = System.nanoTime() - start;

        start = System.nanoTime();
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long bytes;
        try (EdxmlReader reader = EdxmlReader.open(packet)) {
            reader.header();
            try (InputStream content = new DigestInputStream(reader.nextAttachment().openStream(), read)) {
                bytes = content.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(reader.nextAttachment()).isNull();
        }
        long readNanos = System.nanoTime() - start;

        start = System.nanoTime();
        try (InputStream in = Files.newInputStream(packet)) {
            assertThat(new EdxmlValidator().validate(in)).isEmpty();
        }
        long validateNanos = System.nanoTime() - start;

        assertThat(bytes).isEqualTo(SIZE);
        assertThat(read.digest()).isEqualTo(written.digest());

        long fileSize = Files.size(packet);
        System.out.printf("large packet: attachment %d MiB, packet %d MiB, heap max %d MiB, heap peak %d MiB%n",
                SIZE >> 20, fileSize >> 20, maxHeap >> 20, peakHeap() >> 20);
        System.out.printf("large packet: write %.0f MiB/s, read+decode %.0f MiB/s, validate %.0f MiB/s%n",
                rate(fileSize, writeNanos), rate(fileSize, readNanos), rate(fileSize, validateNanos));
    }

    private static double rate(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Deterministic bytes that compress badly, produced on demand rather than held in memory. */
    private static final class GeneratedContent extends InputStream {
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedContent(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            position += n;
            return n;
        }
    }

}
