package vn.lienthong.edxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.TestPackets;

/** What we write has the official SDK's shape, which systems built on it (and the .NET axis) expect. */
class EdxmlWriterTest {

    @Test
    void writesTheSdkShape() throws Exception {
        String packet = TestPackets.congVanText();
        assertThat(packet).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "  <edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "    <edXML:edXMLHeader>\n"
                + "      <edXML:MessageHeader>\n"
                + "        <edXML:From>\n"
                + "          <edXML:OrganId>000.00.00.D41</edXML:OrganId>");
        assertThat(packet).contains("  <AttachmentEncoded>\n    <Attachment>\n      <ContentId>cid:a1</ContentId>");
        assertThat(packet).contains("<edXML:ContentTransferEncoded xmlns:edXML=\"" + Edxml.NAMESPACE + "\">");
        assertThat(packet).contains("&amp; &lt;ký tự đặc biệt>");

        Document dom = SecureXml.documentBuilderFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(packet.getBytes(StandardCharsets.UTF_8)));
        Element root = dom.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("edXML");
        assertThat(root.getNamespaceURI()).isEqualTo(Edxml.NAMESPACE);
        Element envelope = (Element) root.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLEnvelope").item(0);
        Element attachments = (Element) root.getElementsByTagNameNS(Edxml.NAMESPACE, "AttachmentEncoded").item(0);
        assertThat(envelope.getParentNode()).isSameAs(root);
        assertThat(attachments.getParentNode()).isSameAs(root);
        assertThat(attachments.getPrefix()).isNull();
    }

    @Test
    void writesFromTheModelWhatTheReaderReadsBack() throws IOException {
        byte[] content = new byte[300_001];
        new java.util.Random(1).nextBytes(content);
        byte[] packet = TestPackets.congVanBytes(content);
        try (EdxmlReader reader = EdxmlReader.open(new ByteArrayInputStream(packet))) {
            assertThat(reader.header()).isEqualTo(TestPackets.congVan("a1"));
            EdxmlReader.Attachment attachment = reader.nextAttachment();
            assertThat(attachment.info().contentId()).isEqualTo("cid:a1");
            assertThat(attachment.openStream().readAllBytes()).isEqualTo(content);
            assertThat(reader.nextAttachment()).isNull();
        }
    }
}
