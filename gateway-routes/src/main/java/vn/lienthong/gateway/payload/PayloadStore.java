package vn.lienthong.gateway.payload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Packets stored once, by SHA-256, under the data directory ({@code payloads/ab/cd/<sha256>.edxml}). A
 * file is forced to disk before it is named, so a DocId is never answered for a packet that a crash could
 * lose. In the production profile the directory is one that every node shares.
 */
public class PayloadStore {

    private final Path root;

    public PayloadStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** Where a packet with this SHA-256 is (or would be) stored. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".edxml");
    }

    /**
     * Moves {@code file} into the store under its SHA-256; when the store already has it, the file is
     * removed instead. Either way the stored copy is durable when this returns.
     */
    public Path put(Path file, String sha256) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return target;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(file);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public boolean contains(String sha256) {
        return Files.exists(path(sha256));
    }

    /** A scratch directory on the same file system, so that put() is a rename. */
    public Path scratchDir() throws IOException {
        return Files.createDirectories(root.resolve("tmp"));
    }
}
