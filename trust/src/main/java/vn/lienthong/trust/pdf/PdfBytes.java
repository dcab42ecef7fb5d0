package vn.lienthong.trust.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import vn.lienthong.trust.evidence.EvidenceSigner;

/**
 * The bytes of a PDF under verification, read by position: a file, or a small PDF held in memory (no temporary
 * file to create, read three times and delete: for a PDF of tens of kilobytes that round trip cost more than
 * PDFBox's parse). One instance per verification, used by one thread.
 */
abstract sealed class PdfBytes implements Closeable {

    /**
     * A PDF up to this size is verified in memory rather than spooled to a file; the gateway checks one packet per
     * processor at once, so this bounds the heap the PDFs take.
     */
    static final int IN_MEMORY_LIMIT = 4 << 20;

    static PdfBytes of(Path file) throws IOException {
        return new InFile(file);
    }

    static PdfBytes of(byte[] pdf) {
        return new InMemory(pdf);
    }

    abstract long size();

    /** As {@link FileChannel#read(ByteBuffer, long)}: -1 at or past the end. */
    abstract int read(ByteBuffer buffer, long position) throws IOException;

    /** A new PDFBox reader over all the bytes; the caller closes it. */
    abstract RandomAccessRead reader() throws IOException;

    /** The SHA-256 of all the bytes, lower-case hex. */
    abstract String sha256() throws IOException;

    private static final class InFile extends PdfBytes {
        private final Path file;
        private final FileChannel channel;
        private final long size;

        InFile(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                this.size = channel.size();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        long size() {
            return size;
        }

        @Override
        int read(ByteBuffer buffer, long position) throws IOException {
            return channel.read(buffer, position);
        }

        @Override
        RandomAccessRead reader() throws IOException {
            return new RandomAccessReadBufferedFile(file);
        }

        @Override
        String sha256() throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class InMemory extends PdfBytes {
        private final byte[] pdf;

        InMemory(byte[] pdf) {
            this.pdf = pdf;
        }

        @Override
        long size() {
            return pdf.length;
        }

        @Override
        int read(ByteBuffer buffer, long position) {
            if (position >= pdf.length) {
                return -1;
            }
            int n = (int) Math.min(buffer.remaining(), pdf.length - position);
            buffer.put(pdf, (int) position, n);
            return n;
        }

        @Override
        RandomAccessRead reader() {
            return new RandomAccessReadBuffer(pdf);
        }

        @Override
        String sha256() {
            return EvidenceSigner.sha256Hex(pdf);
        }

        @Override
        public void close() {
            // nothing held but the array
        }
    }
}
