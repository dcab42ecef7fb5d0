package vn.lienthong.adapters.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A received packet written to a temporary file as it arrives, never held in memory, with its size and
 * SHA-256 computed on the way.
 */
public final class SpooledPacket implements AutoCloseable {

    private final Path file;
    private final long size;
    private final byte[] sha256;

    private SpooledPacket(Path file, long size, byte[] sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Copies {@code body} into a new file in {@code dir}, refusing more than {@code maxBytes}.
     *
     * @throws GatewayException PACKET_TOO_LARGE past the limit (the partial file is removed)
     */
    public static SpooledPacket spool(InputStream body, Path dir, long maxBytes) throws IOException {
        try {
            return spool(body, dir, maxBytes, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The same, hashing with {@code sha256}: a SHA-256 digest that may also note more on the way (a protocol
     * adapter's own digest), since the body is read once.
     */
    public static SpooledPacket spool(InputStream body, Path dir, long maxBytes, MessageDigest sha256)
            throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "in-", ".edxml");
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new GatewayException(GatewayError.PACKET_TOO_LARGE, "tối đa " + maxBytes + " byte");
                }
                out.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledPacket(file, total, sha256.digest());
    }

    /**
     * The same file cut to its first {@code newSize} bytes, whose SHA-256 the caller noted while it was spooled
     * (this one is then spent: both name the same file).
     */
    public SpooledPacket truncate(long newSize, byte[] sha256OfPrefix) throws IOException {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot cut " + size + " bytes to " + newSize);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(newSize);
        }
        return new SpooledPacket(file, newSize, sha256OfPrefix.clone());
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** Removes the temporary file, if it is still there (the gateway moves it into its store when it accepts the packet). */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
