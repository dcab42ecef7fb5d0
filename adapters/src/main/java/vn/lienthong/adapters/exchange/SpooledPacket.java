package vn.lienthong.adapters.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import vn.lienthong.adapters.vdxp.HashFile;

/**
 * A received packet written to a temporary file as it arrives, never held in memory, with its size and
 * SHA-256 computed on the way. The official SDK appends one CRLF after the file it uploads, so the digest
 * is also kept as it stood before a trailing CRLF: {@link #withoutTrailingCrlf()} gives that packet.
 */
public final class SpooledPacket implements AutoCloseable {

    private final Path file;
    private final long size;
    private final byte[] sha256;
    private final byte[] sha256BeforeCrlf;

    private SpooledPacket(Path file, long size, byte[] sha256, byte[] sha256BeforeCrlf) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.sha256BeforeCrlf = sha256BeforeCrlf;
    }

    /**
     * Copies {@code body} into a new file in {@code dir}, refusing more than {@code maxBytes}.
     *
     * @throws GatewayException PACKET_TOO_LARGE past the limit (the partial file is removed)
     */
    public static SpooledPacket spool(InputStream body, Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "in-", ".edxml");
        MessageDigest digest = HashFile.newDigest();
        byte[] held = new byte[2]; // the last two bytes seen, digested only once more bytes follow
        int heldCount = 0;
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new GatewayException(GatewayError.PACKET_TOO_LARGE, "tối đa " + maxBytes + " byte");
                }
                out.write(buffer, 0, n);
                // digest everything but the newest two bytes, without copying the buffer
                if (n >= 2) {
                    digest.update(held, 0, heldCount);
                    digest.update(buffer, 0, n - 2);
                    held[0] = buffer[n - 2];
                    held[1] = buffer[n - 1];
                    heldCount = 2;
                } else if (n == 1) {
                    if (heldCount == 2) {
                        digest.update(held[0]);
                        held[0] = held[1];
                        held[1] = buffer[0];
                    } else {
                        held[heldCount++] = buffer[0];
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        byte[] beforeLastTwo;
        try {
            beforeLastTwo = ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        digest.update(held, 0, heldCount);
        boolean crlf = heldCount == 2 && held[0] == '\r' && held[1] == '\n';
        return new SpooledPacket(file, total, digest.digest(), crlf ? beforeLastTwo : null);
    }

    /** The same packet without the SDK's trailing CRLF, or this one when there is none. */
    public SpooledPacket withoutTrailingCrlf() throws IOException {
        if (sha256BeforeCrlf == null) {
            return this;
        }
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size - 2);
        }
        return new SpooledPacket(file, size - 2, sha256BeforeCrlf, null);
    }

    /** Whether the body, with or without the SDK's trailing CRLF, has the given hash-file. */
    public boolean matchesHashFile(String hashFile) {
        return HashFile.matches(hashFile, sha256) || (sha256BeforeCrlf != null && HashFile.matches(hashFile, sha256BeforeCrlf));
    }

    /** The packet for the given hash-file: without the trailing CRLF when that is what was hashed. */
    public SpooledPacket forHashFile(String hashFile) throws IOException {
        if (sha256BeforeCrlf != null && HashFile.matches(hashFile, sha256BeforeCrlf)) {
            return withoutTrailingCrlf();
        }
        return this;
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** Removes the temporary file (the gateway moves it into its store first when it accepts the packet). */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
