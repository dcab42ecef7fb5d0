package vn.lienthong.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import vn.lienthong.edxml.io.EdxmlReader;
import vn.lienthong.edxml.io.EdxmlWriter;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StatusCode;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.status.StatusPackets;

/** Real sample packets, re-addressed to the sample directory's agencies for end-to-end tests. */
public final class Packets {

    public static final String TINH_UY = "000.00.00.D41";
    public static final String BAN_TUYEN_GIAO = "000.00.01.D41";
    public static final String UBND = "000.00.00.H41";
    public static final String SO_NOI_VU = "000.00.05.H41";
    public static final String VPCP = "000.00.00.G22";

    private Packets() {
    }

    public static Path sample(String name) {
        return Paths.get(System.getProperty("samples.dir", "../../shared/samples/edxml")).resolve(name);
    }

    /** A document sample from {@code from} to {@code to}, with the given DocumentId, otherwise as it came. */
    public static Path document(Path dir, String sample, String from, List<String> to, String documentId)
            throws IOException {
        return rewrite(dir, sample(sample), header -> readdressed((EdocHeader) header, from, to, documentId));
    }

    /** A revocation, update or replacement sample that acts on {@code originalDocumentId}. */
    public static Path change(Path dir, String sample, String from, List<String> to, String documentId,
                              String originalDocumentId) throws IOException {
        return rewrite(dir, sample(sample), header -> {
            EdocHeader edoc = readdressed((EdocHeader) header, from, to, documentId);
            TraceHeaderList hops = edoc.traceHeaderList();
            Bussiness b = hops.bussiness();
            Bussiness pointing = new Bussiness(originalDocumentId, b.bussinessDocType(), b.bussinessDocReason(),
                    b.paper(), b.bussinessDocumentInfo(), b.replacementInfos() == null ? null
                    : b.replacementInfos().stream().map(r -> new vn.lienthong.edxml.model.ReplacementInfo(
                            originalDocumentId, to)).toList(), b.staffInfo());
            List<ResponseFor> responseFor = edoc.messageHeader().responseFor().stream()
                    .map(r -> new ResponseFor(from, r.code(), r.promulgationDate(), originalDocumentId)).toList();
            return edoc.withMessageHeader(edoc.messageHeader().withResponseFor(responseFor))
                    .withTraceHeaderList(new TraceHeaderList(hops.attributes(), hops.traceHeaders(), pointing));
        });
    }

    private static EdocHeader readdressed(EdocHeader edoc, String from, List<String> to, String documentId) {
        Organization sender = edoc.from().withOrganId(from);
        List<Organization> recipients = to.stream().map(code -> Organization.of(code, "Đơn vị " + code)).toList();
        return edoc.withMessageHeader(edoc.messageHeader().withFrom(sender).withTo(recipients)
                .withDocumentId(documentId));
    }

    /** Writes {@code packet} again with a changed header; attachments are copied as they are. */
    public static Path rewrite(Path dir, Path packet, UnaryOperator<PacketHeader> change) throws IOException {
        Path out = Files.createTempFile(dir, "packet-", ".edxml");
        try (EdxmlReader reader = EdxmlReader.open(packet);
             OutputStream stream = Files.newOutputStream(out);
             EdxmlWriter writer = EdxmlWriter.create(stream)) {
            writer.writeHeader(change.apply(reader.header()));
            for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
                writer.writeAttachmentBase64(a.info(), a.openBase64());
            }
        }
        return out;
    }

    /** A status packet from {@code reporter} answering {@code original} with {@code code}, written to {@code dir}. */
    public static Path status(Path dir, EdocHeader original, String reporter, StatusCode code) throws IOException {
        StatusHeader status = StatusPackets.status(Organization.of(reporter, "Đơn vị " + reporter),
                StatusPackets.responseFor(original.messageHeader()), code, null, null, ZonedDateTime.now());
        Path file = Files.createTempFile(dir, "status-", ".edxml");
        try (OutputStream out = Files.newOutputStream(file); EdxmlWriter writer = EdxmlWriter.create(out)) {
            writer.writeHeader(status);
        }
        return file;
    }

    public static PacketHeader header(byte[] packet) throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(new java.io.ByteArrayInputStream(packet))) {
            return reader.header();
        }
    }
}
