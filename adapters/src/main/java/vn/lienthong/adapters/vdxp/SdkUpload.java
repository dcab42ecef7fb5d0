package vn.lienthong.adapters.vdxp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

import vn.lienthong.adapters.exchange.SpooledPacket;
import vn.lienthong.vdxp.HashFile;

/**
 * A sendEdoc body as the official SDK uploads it: the packet, then one CRLF that its {@code hash-file} does not
 * cover. The body is spooled once; the digest of all but its last two bytes is kept on the way, so the packet
 * the hash-file names is had without reading the file again.
 */
public final class SdkUpload implements AutoCloseable {

    private final SpooledPacket received;
    private final byte[] sha256BeforeCrlf;

    private SdkUpload(SpooledPacket received, byte[] sha256BeforeCrlf) {
        this.received = received;
        this.sha256BeforeCrlf = sha256BeforeCrlf;
    }

    /** Spools {@code body} into {@code dir}, refusing more than {@code maxBytes} (PACKET_TOO_LARGE). */
    public static SdkUpload spool(InputStream body, Path dir, long maxBytes) throws IOException {
        HoldingBackTwoBytes digest = new HoldingBackTwoBytes();
        SpooledPacket received = SpooledPacket.spool(body, dir, maxBytes, digest);
        return new SdkUpload(received, digest.endedWithCrlf() ? digest.beforeLastTwo : null);
    }

    /** The body as it came, CRLF and all. */
    public SpooledPacket received() {
        return received;
    }

    /** Whether the body, with or without the SDK's trailing CRLF, has the given hash-file. */
    public boolean matchesHashFile(String hashFile) {
        return HashFile.matches(hashFile, received.sha256())
                || (sha256BeforeCrlf != null && HashFile.matches(hashFile, sha256BeforeCrlf));
    }

    /** The packet for the given hash-file: without the trailing CRLF when that is what was hashed. */
    public SpooledPacket forHashFile(String hashFile) throws IOException {
        if (sha256BeforeCrlf != null && HashFile.matches(hashFile, sha256BeforeCrlf)) {
            return received.truncate(received.size() - 2, sha256BeforeCrlf);
        }
        return received;
    }

    /** Removes the spooled file. */
    @Override
    public void close() throws IOException {
        received.close();
    }

    /**
     * SHA-256 that digests everything but the newest two bytes until it is asked for its result; then it notes
     * the digest without them, and whether they were CRLF, before it takes them in.
     */
    private static final class HoldingBackTwoBytes extends MessageDigest {

        private final MessageDigest sha256 = HashFile.newDigest();
        private final byte[] held = new byte[2];
        private int heldCount;
        private byte[] beforeLastTwo;
        private boolean crlf;

        HoldingBackTwoBytes() {
            super("SHA-256");
        }

        @Override
        protected void engineUpdate(byte input) {
            if (heldCount == 2) {
                sha256.update(held[0]);
                held[0] = held[1];
                held[1] = input;
            } else {
                held[heldCount++] = input;
            }
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            if (length < 2) {
                for (int i = 0; i < length; i++) {
                    engineUpdate(input[offset + i]);
                }
                return;
            }
            sha256.update(held, 0, heldCount);
            sha256.update(input, offset, length - 2);
            held[0] = input[offset + length - 2];
            held[1] = input[offset + length - 1];
            heldCount = 2;
        }

        @Override
        protected byte[] engineDigest() {
            try {
                beforeLastTwo = ((MessageDigest) sha256.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            crlf = heldCount == 2 && held[0] == '\r' && held[1] == '\n';
            sha256.update(held, 0, heldCount);
            heldCount = 0;
            return sha256.digest();
        }

        @Override
        protected void engineReset() {
            sha256.reset();
            heldCount = 0;
        }

        boolean endedWithCrlf() {
            return crlf;
        }
    }
}
