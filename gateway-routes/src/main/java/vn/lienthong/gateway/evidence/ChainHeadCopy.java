package vn.lienthong.gateway.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A copy of every signed head outside the database: one line per head ({@code seq hash signedAt base64-cms}),
 * appended to a file under the data directory and forced to disk. Someone who can rewrite the database (drop the
 * latest events and heads, roll the log back) cannot reach this file; {@code chain verify} compares the two.
 */
public class ChainHeadCopy {

    private final Path file;

    public ChainHeadCopy(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends a signed head; synchronised per process, one write per line (O_APPEND), forced before returning. */
    public synchronized void append(EvidenceStore.SignedHead head) {
        String line = head.seq() + " " + head.hash() + " " + head.signedAt() + " "
                + Base64.getEncoder().encodeToString(head.cms()) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the signed head to " + file, e);
        }
    }

    /** The latest head of the copy (the highest seq of its well-formed lines), if any. */
    public Optional<EvidenceStore.SignedHead> latest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        EvidenceStore.SignedHead latest = null;
        for (String line : lines) {
            String[] parts = line.trim().split(" ");
            if (parts.length != 4) {
                continue; // a line cut by a crash
            }
            try {
                EvidenceStore.SignedHead head = new EvidenceStore.SignedHead(Long.parseLong(parts[0]), parts[1],
                        Instant.parse(parts[2]), Base64.getDecoder().decode(parts[3]));
                if (latest == null || head.seq() > latest.seq()) {
                    latest = head;
                }
            } catch (RuntimeException e) {
                // a damaged line proves nothing either way
            }
        }
        return Optional.ofNullable(latest);
    }
}
