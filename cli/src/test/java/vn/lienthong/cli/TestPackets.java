package vn.lienthong.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.PacketHeader;

/** Real sample packets re-addressed to the sample directory's agencies (its secrets are public). */
final class TestPackets {

    static final String TINH_UY = "000.00.00.D41";
    static final String UBND = "000.00.00.H41";

    private TestPackets() {
    }

    /** The sample, from {@code from} to {@code to} with the given DocumentId; attachments copied as they are. */
    static Path document(Path dir, String sample, String from, List<String> to, String documentId) throws IOException {
        Path out = Files.createTempFile(dir, "packet-", ".edxml");
        try (EdxmlReader reader = EdxmlReader.open(EdxmlCommandsTest.sample(sample));
             OutputStream stream = Files.newOutputStream(out);
             EdxmlWriter writer = EdxmlWriter.create(stream)) {
            EdocHeader edoc = (EdocHeader) reader.header();
            List<Organization> recipients = to.stream().map(code -> Organization.of(code, "Đơn vị " + code)).toList();
            writer.writeHeader(edoc.withMessageHeader(edoc.messageHeader().withFrom(edoc.from().withOrganId(from))
                    .withTo(recipients).withDocumentId(documentId)));
            for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
                writer.writeAttachmentBase64(a.info(), a.openBase64());
            }
        }
        return out;
    }

    static PacketHeader header(Path packet) throws IOException {
        return EdxmlReader.readHeader(packet);
    }
}
