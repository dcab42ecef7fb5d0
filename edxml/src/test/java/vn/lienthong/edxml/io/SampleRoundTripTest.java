package vn.lienthong.edxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;

import vn.lienthong.edxml.Samples;
import vn.lienthong.edxml.model.PacketHeader;

/** Every well-formed real packet reads, and what we write back is XML-similar to what came in. */
class SampleRoundTripTest {

    static Stream<Path> samples() {
        return Samples.wellFormed().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesBackWhatItReads(Path sample) throws IOException {
        byte[] written = rewrite(Files.readAllBytes(sample));

        Diff diff = DiffBuilder.compare(Input.fromFile(sample.toFile()))
                .withTest(Input.fromByteArray(written))
                .ignoreWhitespace()
                .ignoreComments()
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                .checkForSimilar()
                .build();
        assertThat(diff.hasDifferences()).as(() -> sample + ": " + diff).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsTheSameModelFromWhatItWrote(Path sample) throws IOException {
        byte[] original = Files.readAllBytes(sample);
        byte[] written = rewrite(original);
        assertThat(header(written)).isEqualTo(header(original));
        // a second pass is byte-identical: the writer is deterministic
        assertThat(rewrite(written)).isEqualTo(written);
    }

    /** The comparison above is not blind: one changed field, or one lost element, is a difference. */
    @org.junit.jupiter.api.Test
    void theComparisonNoticesAChangeOrALoss() throws IOException {
        Path sample = Samples.path("vpcp-sdk-example/edoc_revocation.edxml");
        String written = new String(rewrite(Files.readAllBytes(sample)), java.nio.charset.StandardCharsets.UTF_8);
        String changed = written.replace("Thu hồi văn bản điện tử", "Văn bản điện tử mới");
        String lost = written.replaceFirst("(?s)<edXML:ResponseFor>.*?</edXML:ResponseFor>", "");
        for (String test : new String[] {changed, lost}) {
            assertThat(test).isNotEqualTo(written);
            Diff diff = DiffBuilder.compare(Input.fromFile(sample.toFile())).withTest(Input.fromString(test))
                    .ignoreWhitespace().ignoreComments()
                    .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byName))
                    .checkForSimilar().build();
            assertThat(diff.hasDifferences()).isTrue();
        }
    }

    private static PacketHeader header(byte[] packet) throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet))) {
            return reader.header();
        }
    }

    /** Reads a packet and writes it again, decoding and re-encoding each attachment. */
    static byte[] rewrite(byte[] packet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet));
             EdxmlWriter writer = EdxmlWriter.create(out)) {
            writer.writeHeader(reader.header());
            for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
                try (InputStream content = a.openStream()) {
                    writer.writeAttachment(a.info(), content);
                }
            }
        }
        return out.toByteArray();
    }
}
