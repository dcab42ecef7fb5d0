package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The real packets in shared/samples/edxml, found through the samples.dir property surefire sets. */
public final class Samples {

    private Samples() {
    }

    public static Path dir() {
        String configured = System.getProperty("samples.dir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "samples", "edxml");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("samples not found at " + dir.toAbsolutePath());
        }
        return dir.normalize();
    }

    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    /** Every sample except the deliberately malformed ones. */
    public static List<Path> wellFormed() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(p -> p.toString().endsWith(".edxml"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("malformed"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
