package vn.lienthong.edxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.Samples;
import vn.lienthong.edxml.TestPackets;
import vn.lienthong.edxml.model.BusinessDocType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.StatusHeader;

class EdxmlReaderTest {

    @Test
    void readsEveryFieldOfTheSdkDocumentSample() throws IOException {
        EdocHeader edoc = (EdocHeader) EdxmlReader.readHeader(Samples.path("vpcp-sdk-example/edoc_new.edxml"));
        MessageHeader m = edoc.messageHeader();
        assertThat(m.from().organId()).isEqualTo("002.00.20.H13");
        assertThat(m.from().website()).isEqualTo("vpcp.vn");
        assertThat(m.to()).hasSize(1);
        assertThat(m.to().get(0).organId()).isEqualTo("28.22.H17");
        assertThat(m.documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(m.code().display()).isEqualTo("74fass22/VPCP-TTĐT");
        assertThat(m.promulgationInfo().promulgationDate()).isEqualTo("2019/01/16");
        assertThat(m.documentType().typeName()).isEqualTo("Công văn");
        assertThat(m.signerInfo().fullName()).isEqualTo("Nguyen Thanh Phuc");
        assertThat(m.dueDate()).isEqualTo("2018/09/28");
        assertThat(m.otherInfo().appendixes()).hasSize(1);
        assertThat(m.priorityLevel()).isZero();
        assertThat(m.steeringType()).isEqualTo("1");
        assertThat(m.toPlaces()).containsExactly("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP");
        assertThat(edoc.traceHeaderList().traceHeaders()).hasSize(1);
        assertThat(edoc.traceHeaderList().bussiness().bussinessDocReason()).isEqualTo("Văn bản điện tử mới");
        assertThat(edoc.traceHeaderList().bussiness().staffInfo().staff()).isEqualTo("Nguyễn Thị Ngọc Trâm");
        assertThat(edoc.businessDocType()).isEqualTo(BusinessDocType.NEW);
        // the SDK's placeholder signature, kept whole, in the edXML namespace
        assertThat(edoc.signature().localName()).isEqualTo("Signature");
        assertThat(edoc.signature().namespace()).isEqualTo(vn.lienthong.edxml.Edxml.NAMESPACE);
        assertThat(edoc.manifest()).hasSize(1);
        assertThat(edoc.manifest().get(0).contentId()).isEqualTo("cid:209");
    }

    @Test
    void streamsTheZippedAttachmentOfTheSdkSample() throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(Samples.path("vpcp-sdk-example/edoc_new.edxml"))) {
            reader.header();
            EdxmlReader.Attachment attachment = reader.nextAttachment();
            assertThat(attachment.info().attachmentName()).isEqualTo("1896_QD-TTg_m_294779.doc");
            try (ZipInputStream zip = new ZipInputStream(attachment.openStream())) {
                var entry = zip.getNextEntry();
                assertThat(entry).isNotNull();
                // the SDK names the one entry <UUID>.<original extension>
                assertThat(entry.getName()).matches("[0-9a-f-]{36}\\.[a-z]+");
                assertThat(zip.readAllBytes().length).isGreaterThan(100_000);
            }
            assertThat(reader.nextAttachment()).isNull();
        }
    }

    @Test
    void readsTheKindsOfPacketTheSdkSends() throws IOException {
        EdocHeader revocation = (EdocHeader) EdxmlReader.readHeader(Samples.path("vpcp-sdk-example/edoc_revocation.edxml"));
        assertThat(revocation.businessDocType()).isEqualTo(BusinessDocType.REVOCATION);
        assertThat(revocation.messageHeader().responseFor().get(0).documentId())
                .isEqualTo("000.00.04.G14,2012/08/06,267/VPCP-TTĐT");
        EdocHeader update = (EdocHeader) EdxmlReader.readHeader(Samples.path("vpcp-sdk-example/edoc_update.edxml"));
        assertThat(update.businessDocType()).isEqualTo(BusinessDocType.UPDATE);
        assertThat(update.traceHeaderList().bussiness().bussinessDocumentInfo().receivers())
                .extracting(r -> r.organId() + ":" + r.receiverType())
                .containsExactly("000.00.00.H41:0", "000.00.00.H14:1");
        EdocHeader replacement = (EdocHeader) EdxmlReader.readHeader(Samples.path("vpcp-sdk-example/edoc_replacement.edxml"));
        assertThat(replacement.businessDocType()).isEqualTo(BusinessDocType.REPLACEMENT);
        assertThat(replacement.traceHeaderList().bussiness().replacementInfos()).hasSize(2);
        assertThat(replacement.traceHeaderList().bussiness().replacementInfos().get(0).organIds())
                .containsExactly("000.00.00.H41", "000.00.00.H14");
    }

    @Test
    void readsStatusPackets() throws IOException {
        StatusHeader status = (StatusHeader) EdxmlReader.readHeader(Samples.path("vpcp-sdk-example/status_cancellation_13.edxml"));
        assertThat(status.messageType()).isEqualTo("status");
        assertThat(status.statusCode()).isEqualTo("13");
        assertThat(status.from().organId()).isEqualTo("000.00.00.G22");
        assertThat(status.responseFor().documentId()).isEqualTo("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
        assertThat(status.staffInfo().mobile()).isEqualTo("84912000001");
        assertThat(status.timestamp()).isEqualTo("2015/09/20 11:08:36");
    }

    @Test
    void readsWhatTheAxisDeliveredIncludingAnEmptyResponseFor() throws IOException {
        EdocHeader received = (EdocHeader) EdxmlReader.readHeader(Samples.path("received-from-vxp/2019-received-via-vxp.edxml"));
        assertThat(received.traceHeaderList().traceHeaders()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(received.messageHeader().responseFor()).isNotEmpty();
    }

    @Test
    void keepsBothContentTypesWhenManifestAndAttachmentDisagree() throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(Samples.path("test-uploads/b6e1f29d-cdc9-4fa7-8391-442e8566f14e.edxml"))) {
            PacketHeader header = reader.header();
            assertThat(header.manifest()).extracting(r -> r.contentType()).containsOnly("text/plain");
            List<String> types = new java.util.ArrayList<>();
            for (EdxmlReader.Attachment a; (a = reader.nextAttachment()) != null; ) {
                types.add(a.info().contentType());
                // not read: the reader skips it, still decoding it
            }
            assertThat(types).containsExactly("application/zip", "application/zip");
        }
    }

    @Test
    void elementOrderAndPrefixesDoNotMatter() throws IOException {
        String packet = TestPackets.congVanText();
        // the same packet with MessageHeader's children reversed and no edXML: prefixes at all
        String reordered = packet
                .replaceAll("edXML:", "")
                .replace(" xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"", "");
        int start = reordered.indexOf("<MessageHeader>") + "<MessageHeader>".length();
        int end = reordered.indexOf("</MessageHeader>");
        String children = reordered.substring(start, end);
        List<String> parts = new java.util.ArrayList<>(List.of(children.split("(?=\\n      <[A-Z])")));
        java.util.Collections.reverse(parts);
        reordered = reordered.substring(0, start) + String.join("", parts) + reordered.substring(end);
        assertThat(reordered).isNotEqualTo(packet);

        assertThat(header(reordered)).isEqualTo(header(packet));
    }

    @Test
    void refusesTheMalformedSampleSayingWhere() {
        assertThatThrownBy(() -> EdxmlReader.readHeader(Samples.path("malformed/edoc-unbound-prefix.edxml")))
                .isInstanceOfSatisfying(EdxmlException.class, e -> {
                    assertThat(e.error()).isEqualTo(EdxmlError.MALFORMED_XML);
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).contains("Gói tin không phải XML hợp lệ");
                });
    }

    @Test
    void refusesBytesBeforeTheDeclaration() throws IOException {
        byte[] packet = ("1212" + TestPackets.congVanText()).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> header(packet)).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.error()).isEqualTo(EdxmlError.BYTES_BEFORE_DECLARATION));
        // a UTF-8 byte order mark is not a stray byte
        byte[] withBom = ("\uFEFF" + TestPackets.congVanText()).getBytes(StandardCharsets.UTF_8);
        assertThat(header(withBom)).isNotNull();
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "BI-MAT-KHONG-DUOC-LO");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + TestPackets.congVanText().substring(TestPackets.congVanText().indexOf("<edXML "))
                .replace("V/v triển khai", "&x;");
        EdxmlException e = org.junit.jupiter.api.Assertions.assertThrows(EdxmlException.class,
                () -> header(xxe));
        assertThat(e.error()).isEqualTo(EdxmlError.DTD_FORBIDDEN);
        assertThat(e.getMessage()).doesNotContain("BI-MAT");
    }

    @Test
    void refusesBillionLaughsBeforeExpandingAnything() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE edXML [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><x>&l10;</x></edXML>");
        assertThatThrownBy(() -> header(dtd.toString())).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.error()).isEqualTo(EdxmlError.DTD_FORBIDDEN));
    }

    @Test
    void boundsNestingAndFieldLength() throws IOException {
        String packet = TestPackets.congVanText();
        String deep = packet.replace("<edXML:Subject>", "<edXML:Subject>" + "<a>".repeat(100) + "</a>".repeat(100));
        String deepExtension = packet.replace("<edXML:SteeringType>", "<X>".repeat(100) + "</X>".repeat(100)
                + "<edXML:SteeringType>");
        String longField = packet.replace("V/v triển khai", "x".repeat(70_000));
        assertThatThrownBy(() -> header(deepExtension)).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.error()).isEqualTo(EdxmlError.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> header(longField)).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.error()).isEqualTo(EdxmlError.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> header(deep)).isInstanceOf(EdxmlException.class);
    }

    @Test
    void refusesAnotherRoot() {
        String other = "<?xml version=\"1.0\"?><edXMLEnvelope xmlns=\"http://www.go.vn/eDoc\"/>";
        assertThatThrownBy(() -> header(other)).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.error()).isEqualTo(EdxmlError.NOT_EDXML));
    }

    /** A packet every reader must read the same way: an element that may come once, twice, is refused. */
    @Test
    void refusesRepeatedSingletonElements() throws IOException {
        String packet = TestPackets.congVanText();
        String vpcpFrom = "<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId>"
                + "<edXML:OrganName>Văn phòng Chính phủ</edXML:OrganName></edXML:From>";
        String twoFroms = packet.replace("<edXML:From>", vpcpFrom + "<edXML:From>");
        String twoOrganIds = packet.replaceFirst("<edXML:From>", "<edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId>");
        String twoDocumentIds = packet.replace("<edXML:DocumentId>",
                "<edXML:DocumentId>000.00.00.G22,2026/11/20,1/VPCP</edXML:DocumentId><edXML:DocumentId>");
        String twoMessageHeaders = packet.replace("</edXML:MessageHeader>",
                "</edXML:MessageHeader><edXML:MessageHeader>" + vpcpFrom + "</edXML:MessageHeader>");
        String envelope = packet.substring(packet.indexOf("<edXML:edXMLEnvelope "),
                packet.indexOf("</edXML:edXMLEnvelope>") + "</edXML:edXMLEnvelope>".length());
        String secondEnvelope = packet.replace("</edXML>", envelope + "</edXML>");
        String secondRoot = packet + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">" + envelope + "</edXML>";
        String twoAttachmentLists = packet.replace("</edXML>", "<AttachmentEncoded></AttachmentEncoded></edXML>");
        String twoPriorities = packet.replace("<edXML:Priority>", "<edXML:Priority>4</edXML:Priority><edXML:Priority>");
        for (String attack : List.of(twoFroms, twoOrganIds, twoDocumentIds, twoMessageHeaders, secondEnvelope, secondRoot,
                twoAttachmentLists, twoPriorities)) {
            assertThat(attack).isNotEqualTo(packet);
            assertThatThrownBy(() -> readWhole(attack)).isInstanceOfSatisfying(EdxmlException.class,
                    e -> assertThat(e.error()).isEqualTo(EdxmlError.DUPLICATE_ELEMENT));
        }
        assertThatThrownBy(() -> header(twoFroms)).isInstanceOfSatisfying(EdxmlException.class, e -> {
            assertThat(e.path()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From");
            assertThat(e.getMessage()).contains("From");
        });
        // what may repeat still does: the untouched packet reads to its end
        readWhole(packet);
    }

    @Test
    void reportsBadBase64WhereItIs() throws IOException {
        String packet = TestPackets.congVanText();
        int start = packet.indexOf("ContentTransferEncoded");
        start = packet.indexOf('>', start) + 1;
        String broken = packet.substring(0, start + 4) + "!@#" + packet.substring(start + 4);
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))) {
            reader.header();
            InputStream content = reader.nextAttachment().openStream();
            assertThatThrownBy(content::readAllBytes).isInstanceOfSatisfying(EdxmlException.class, e -> {
                assertThat(e.error()).isEqualTo(EdxmlError.BAD_BASE64);
                assertThat(e.path()).contains("Attachment[1]/ContentTransferEncoded");
            });
        }
    }

    @Test
    void decodesLineWrappedBase64() throws IOException {
        byte[] content = new byte[10_000];
        new java.util.Random(7).nextBytes(content);
        String packet = new String(TestPackets.congVanBytes(content), StandardCharsets.UTF_8);
        String wrapped = packet.replaceAll("([A-Za-z0-9+/=]{76})", "$1\r\n");
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)))) {
            reader.header();
            assertThat(reader.nextAttachment().openStream().readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void passesBase64ThroughUntouched() throws IOException {
        byte[] content = "nội dung".getBytes(StandardCharsets.UTF_8);
        byte[] packet = TestPackets.congVanBytes(content);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet));
             EdxmlWriter writer = EdxmlWriter.create(copy)) {
            writer.writeHeader(reader.header());
            EdxmlReader.Attachment a = reader.nextAttachment();
            writer.writeAttachmentBase64(a.info(), a.openBase64());
        }
        assertThat(copy.toByteArray()).isEqualTo(packet);
    }

    /** Reads the header and every attachment, as the validator does. */
    private static void readWhole(String packet) throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet.getBytes(StandardCharsets.UTF_8)))) {
            reader.header();
            while (reader.nextAttachment() != null) {
                // skipped, still read
            }
        }
    }

    private static PacketHeader header(String packet) throws IOException {
        return header(packet.getBytes(StandardCharsets.UTF_8));
    }

    private static PacketHeader header(byte[] packet) throws IOException {
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet))) {
            return reader.header();
        }
    }
}
