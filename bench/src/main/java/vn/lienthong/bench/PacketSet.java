package vn.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packets of a run kept in a --work-dir for the next runs of the same kind (sender, recipient, size,
 * signed): a table of several cases, each against a fresh gateway, then generates them once. The run tag is
 * kept with them, since the receivers find each packet by it.
 */
record PacketSet(String from, String to, boolean signed, long targetBytes, String runTag, List<Entry> packets) {

    private static final String FILE = "packets.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One packet: its file is named relative to the directory. */
    record Entry(long sequence, String documentId, String file, long bytes, String hashFile) {
    }

    static PacketSet of(String from, String to, boolean signed, long targetBytes, String runTag,
                        List<PacketFactory.GeneratedPacket> packets) {
        return new PacketSet(from, to, signed, targetBytes, runTag, packets.stream()
                .map(p -> new Entry(p.sequence(), p.documentId(), p.file().getFileName().toString(), p.bytes(), p.hashFile()))
                .toList());
    }

    void save(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    /** The packets kept in {@code dir} when they are of this kind and at least {@code count}, all still there. */
    static Optional<PacketSet> load(Path dir, String from, String to, boolean signed, long targetBytes, int count) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PacketSet set = JSON.readValue(file.toFile(), PacketSet.class);
            boolean same = set.from().equals(from) && set.to().equals(to) && set.signed() == signed
                    && set.targetBytes() == targetBytes && set.packets().size() >= count
                    && set.packets().stream().limit(count).allMatch(e -> Files.isRegularFile(dir.resolve(e.file())));
            return same ? Optional.of(set) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    List<PacketFactory.GeneratedPacket> packets(Path dir, int count) {
        return packets.stream().limit(count)
                .map(e -> new PacketFactory.GeneratedPacket(e.sequence(), e.documentId(), dir.resolve(e.file()), e.bytes(), e.hashFile()))
                .toList();
    }
}
