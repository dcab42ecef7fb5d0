package vn.lienthong.edxml.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.ctc.wstx.stax.WstxOutputFactory;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.Bussiness;
import vn.lienthong.edxml.model.BussinessDocumentInfo;
import vn.lienthong.edxml.model.DocumentCode;
import vn.lienthong.edxml.model.DocumentType;
import vn.lienthong.edxml.model.EdocHeader;
import vn.lienthong.edxml.model.ManifestReference;
import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.OtherInfo;
import vn.lienthong.edxml.model.PacketHeader;
import vn.lienthong.edxml.model.PromulgationInfo;
import vn.lienthong.edxml.model.Receiver;
import vn.lienthong.edxml.model.ReplacementInfo;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.SignerInfo;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusHeader;
import vn.lienthong.edxml.model.TraceHeader;
import vn.lienthong.edxml.model.TraceHeaderList;
import vn.lienthong.edxml.model.XmlFragment;

/**
 * Writes edXML packets in the official SDK's shape, so that systems built on it read them: the root in the
 * default namespace, the {@code edXML:} prefix declared on the envelope and used inside it, and
 * AttachmentEncoded outside the envelope with unprefixed children and a prefixed ContentTransferEncoded.
 * Attachments are base64-encoded as they are written, from a stream.
 *
 * <pre>
 * try (EdxmlWriter writer = EdxmlWriter.create(out)) {
 *     writer.writeHeader(header);
 *     writer.writeAttachment(info, content);
 * }
 * </pre>
 */
public final class EdxmlWriter implements Closeable {

    private static final String NS = Edxml.NAMESPACE;
    private static final String P = Edxml.PREFIX;
    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int BASE64_CHUNK = 48 * 1024; // a multiple of 3: chunks encode without padding

    private final XMLStreamWriter xml;
    private final OutputStream out;
    private int depth;
    private boolean headerWritten;
    private boolean attachmentsOpen;
    private boolean finished;
    /** The default namespace in scope at each open fragment level. */
    private final Deque<String> defaultNamespaces = new ArrayDeque<>();

    private EdxmlWriter(OutputStream out) throws IOException {
        this.out = out;
        try {
            this.xml = new WstxOutputFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    public static EdxmlWriter create(OutputStream out) throws IOException {
        return new EdxmlWriter(out);
    }

    /** Writes the declaration, the root and the whole envelope (with the manifest of a document packet). */
    public void writeHeader(PacketHeader header) throws IOException {
        if (headerWritten) {
            throw new IllegalStateException("header already written");
        }
        headerWritten = true;
        try {
            // written by hand: the SDK's double-quoted declaration, which the StAX writer would single-quote
            out.write(DECLARATION);
            xml.writeStartElement("", "edXML", NS);
            xml.writeDefaultNamespace(NS);
            defaultNamespaces.push(NS);
            depth++;
            indent();
            xml.writeStartElement(P, "edXMLEnvelope", NS);
            xml.writeNamespace(P, NS);
            depth++;
            open("edXMLHeader");
            if (header instanceof EdocHeader edoc) {
                writeMessageHeader(edoc.messageHeader());
            } else if (header instanceof StatusHeader status) {
                writeStatusHeader(status);
            }
            writeTraceHeaderList(header.traceHeaderList());
            if (header.signature() != null) {
                indent();
                writeFragment(header.signature());
            }
            close("edXMLHeader");
            if (header instanceof EdocHeader edoc) {
                writeBody(edoc);
            }
            depth--;
            indent();
            xml.writeEndElement(); // edXMLEnvelope
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Writes one attachment, base64-encoding its content as it streams. */
    public void writeAttachment(AttachmentInfo info, InputStream content) throws IOException {
        beginAttachment(info);
        try {
            byte[] bytes = new byte[BASE64_CHUNK];
            Base64.Encoder encoder = Base64.getEncoder();
            int filled = 0;
            while (true) {
                int n = content.read(bytes, filled, bytes.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                if (filled == bytes.length) {
                    writeAscii(encoder.encode(bytes));
                    filled = 0;
                }
            }
            if (filled > 0) {
                writeAscii(encoder.encode(java.util.Arrays.copyOf(bytes, filled)));
            }
            endAttachment();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Writes one attachment whose content is already base64 text, copying it without decoding. */
    public void writeAttachmentBase64(AttachmentInfo info, Reader base64) throws IOException {
        beginAttachment(info);
        try {
            char[] chars = new char[16 * 1024];
            for (int n; (n = base64.read(chars)) >= 0; ) {
                xml.writeCharacters(chars, 0, n);
            }
            endAttachment();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Closes the open elements and flushes; the underlying stream stays open. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (attachmentsOpen) {
                depth--;
                indent();
                xml.writeEndElement(); // AttachmentEncoded
            }
            depth--;
            newline();
            xml.writeEndElement(); // edXML
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** Finishes the packet and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    // ---------------------------------------------------------------- the envelope

    private void writeMessageHeader(MessageHeader m) throws XMLStreamException {
        open("MessageHeader");
        organization("From", m.from());
        for (Organization to : m.to()) {
            organization("To", to);
        }
        text("DocumentId", m.documentId());
        code(m.code());
        promulgationInfo(m.promulgationInfo());
        documentType(m.documentType());
        text("Subject", m.subject());
        text("Content", m.content());
        signerInfo(m.signerInfo());
        text("DueDate", m.dueDate());
        otherInfo(m.otherInfo());
        for (ResponseFor responseFor : m.responseFor()) {
            responseFor(responseFor);
        }
        text("SteeringType", m.steeringType());
        textList("ToPlaces", "Place", m.toPlaces());
        for (XmlFragment extension : m.extensions()) {
            indent();
            writeFragment(extension);
        }
        close("MessageHeader");
    }

    private void writeStatusHeader(StatusHeader s) throws XMLStreamException {
        open("MessageHeader");
        organization("From", s.from());
        if (s.responseFor() != null) {
            responseFor(s.responseFor());
        }
        staffInfo(s.staffInfo());
        text("StatusCode", s.statusCode());
        text("Description", s.description());
        text("Timestamp", s.timestamp());
        for (XmlFragment extension : s.extensions()) {
            indent();
            writeFragment(extension);
        }
        close("MessageHeader");
    }

    private void organization(String name, Organization o) throws XMLStreamException {
        if (o == null) {
            return;
        }
        open(name);
        text("OrganId", o.organId());
        text("OrganizationInCharge", o.organizationInCharge());
        text("OrganName", o.organName());
        text("OrganAdd", o.organAdd());
        text("Email", o.email());
        text("Telephone", o.telephone());
        text("Fax", o.fax());
        text("Website", o.website());
        close(name);
    }

    private void code(DocumentCode c) throws XMLStreamException {
        if (c == null) {
            return;
        }
        if (c.codeNumber() == null && c.codeNotation() == null) {
            empty("Code");
            return;
        }
        open("Code");
        text("CodeNumber", c.codeNumber());
        text("CodeNotation", c.codeNotation());
        close("Code");
    }

    private void promulgationInfo(PromulgationInfo p) throws XMLStreamException {
        if (p == null) {
            return;
        }
        if (p.place() == null && p.promulgationDate() == null) {
            empty("PromulgationInfo");
            return;
        }
        open("PromulgationInfo");
        text("Place", p.place());
        text("PromulgationDate", p.promulgationDate());
        close("PromulgationInfo");
    }

    private void documentType(DocumentType t) throws XMLStreamException {
        if (t == null) {
            return;
        }
        if (t.type() == null && t.typeDetail() == null && t.typeName() == null) {
            empty("DocumentType");
            return;
        }
        open("DocumentType");
        text("Type", t.type());
        text("TypeDetail", t.typeDetail());
        text("TypeName", t.typeName());
        close("DocumentType");
    }

    private void signerInfo(SignerInfo s) throws XMLStreamException {
        if (s == null) {
            return;
        }
        if (s.competence() == null && s.position() == null && s.fullName() == null) {
            empty("SignerInfo");
            return;
        }
        open("SignerInfo");
        text("Competence", s.competence());
        text("Position", s.position());
        text("FullName", s.fullName());
        close("SignerInfo");
    }

    private void otherInfo(OtherInfo o) throws XMLStreamException {
        if (o == null) {
            return;
        }
        open("OtherInfo");
        text("Priority", o.priority());
        text("SphereOfPromulgation", o.sphereOfPromulgation());
        text("TyperNotation", o.typerNotation());
        text("PromulgationAmount", o.promulgationAmount());
        text("PageAmount", o.pageAmount());
        text("Direction", o.direction());
        textList("Appendixes", "Appendix", o.appendixes());
        if (o.classification() != null) {
            indent();
            xml.writeStartElement(Edxml.LIENTHONG_PREFIX, "Classification", Edxml.LIENTHONG_NAMESPACE);
            xml.writeNamespace(Edxml.LIENTHONG_PREFIX, Edxml.LIENTHONG_NAMESPACE);
            xml.writeCharacters(o.classification());
            xml.writeEndElement();
        }
        close("OtherInfo");
    }

    private void responseFor(ResponseFor r) throws XMLStreamException {
        if (r.organId() == null && r.code() == null && r.promulgationDate() == null && r.documentId() == null) {
            empty("ResponseFor");
            return;
        }
        open("ResponseFor");
        text("OrganId", r.organId());
        text("Code", r.code());
        text("PromulgationDate", r.promulgationDate());
        text("DocumentId", r.documentId());
        close("ResponseFor");
    }

    private void staffInfo(StaffInfo s) throws XMLStreamException {
        if (s == null) {
            return;
        }
        if (s.department() == null && s.staff() == null && s.email() == null && s.mobile() == null) {
            empty("StaffInfo");
            return;
        }
        open("StaffInfo");
        text("Department", s.department());
        text("Staff", s.staff());
        text("Email", s.email());
        text("Mobile", s.mobile());
        close("StaffInfo");
    }

    private void writeTraceHeaderList(TraceHeaderList list) throws XMLStreamException {
        if (list == null) {
            return;
        }
        indent();
        xml.writeStartElement(P, "TraceHeaderList", NS);
        writeAttributes(list.attributes());
        depth++;
        for (TraceHeader hop : list.traceHeaders()) {
            open("TraceHeader");
            text("OrganId", hop.organId());
            text("Timestamp", hop.timestamp());
            close("TraceHeader");
        }
        bussiness(list.bussiness());
        close("TraceHeaderList");
    }

    private void bussiness(Bussiness b) throws XMLStreamException {
        if (b == null) {
            return;
        }
        open("Bussiness");
        text("DocumentId", b.documentId());
        text("BussinessDocType", b.bussinessDocType());
        text("BussinessDocReason", b.bussinessDocReason());
        text("Paper", b.paper());
        BussinessDocumentInfo info = b.bussinessDocumentInfo();
        if (info != null) {
            open("BussinessDocumentInfo");
            text("DocumentInfo", info.documentInfo());
            text("DocumentReceiver", info.documentReceiver());
            if (info.receivers() != null) {
                open("ReceiverList");
                for (Receiver receiver : info.receivers()) {
                    open("Receiver");
                    text("OrganId", receiver.organId());
                    text("ReceiverType", receiver.receiverType());
                    close("Receiver");
                }
                close("ReceiverList");
            }
            close("BussinessDocumentInfo");
        }
        if (b.replacementInfos() != null) {
            open("ReplacementInfoList");
            for (ReplacementInfo replacement : b.replacementInfos()) {
                open("ReplacementInfo");
                text("DocumentId", replacement.documentId());
                textList("OrganIdList", "OrganId", replacement.organIds());
                close("ReplacementInfo");
            }
            close("ReplacementInfoList");
        }
        staffInfo(b.staffInfo());
        close("Bussiness");
    }

    private void writeBody(EdocHeader edoc) throws XMLStreamException {
        open("edXMLBody");
        indent();
        xml.writeStartElement(P, "edXMLManifest", NS);
        xml.writeAttribute("version", edoc.manifestVersion() == null ? "1.0" : edoc.manifestVersion());
        depth++;
        for (ManifestReference reference : edoc.manifest()) {
            open("Reference");
            text("ContentId", reference.contentId());
            text("ContentType", reference.contentType());
            text("Description", reference.description());
            text("AttachmentName", reference.attachmentName());
            close("Reference");
        }
        close("edXMLManifest");
        close("edXMLBody");
    }

    // ---------------------------------------------------------------- attachments

    private void beginAttachment(AttachmentInfo info) throws IOException {
        if (!headerWritten) {
            throw new IllegalStateException("write the header first");
        }
        try {
            if (!attachmentsOpen) {
                attachmentsOpen = true;
                indent();
                xml.writeStartElement("", "AttachmentEncoded", NS);
                depth++;
            }
            indent();
            xml.writeStartElement("", "Attachment", NS);
            depth++;
            plainText("ContentId", info.contentId());
            plainText("AttachmentName", info.attachmentName());
            plainText("Description", info.description());
            plainText("ContentType", info.contentType());
            indent();
            // the SDK declares the prefix again here, on the element itself
            xml.writeStartElement(P, "ContentTransferEncoded", NS);
            xml.writeNamespace(P, NS);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void endAttachment() throws XMLStreamException {
        xml.writeEndElement(); // ContentTransferEncoded
        depth--;
        indent();
        xml.writeEndElement(); // Attachment
    }

    private void writeAscii(byte[] ascii) throws XMLStreamException {
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        xml.writeCharacters(chars, 0, chars.length);
    }

    private void plainText(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement("", name, NS);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    // ---------------------------------------------------------------- fragments and layout

    /** Writes an uninterpreted element back, declaring its default namespace where it changes. */
    private void writeFragment(XmlFragment fragment) throws XMLStreamException {
        String inScope = defaultNamespaces.peek();
        xml.writeStartElement("", fragment.localName(), fragment.namespace());
        if (!fragment.namespace().equals(inScope)) {
            xml.writeDefaultNamespace(fragment.namespace());
        }
        defaultNamespaces.push(fragment.namespace());
        writeAttributes(fragment.attributes());
        for (Object child : fragment.children()) {
            if (child instanceof XmlFragment element) {
                writeFragment(element);
            } else {
                xml.writeCharacters((String) child);
            }
        }
        xml.writeEndElement();
        defaultNamespaces.pop();
    }

    private void writeAttributes(List<XmlFragment.Attribute> attributes) throws XMLStreamException {
        int declared = 0;
        for (XmlFragment.Attribute attribute : attributes) {
            if (attribute.namespace().isEmpty()) {
                xml.writeAttribute(attribute.localName(), attribute.value());
            } else {
                String prefix = "a" + declared++;
                xml.writeNamespace(prefix, attribute.namespace());
                xml.writeAttribute(prefix, attribute.namespace(), attribute.localName(), attribute.value());
            }
        }
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(P, name, NS);
        depth++;
    }

    private void close(String name) throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void empty(String name) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(P, name, NS);
    }

    private void text(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement(P, name, NS);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void textList(String name, String childName, List<String> values) throws XMLStreamException {
        if (values == null) {
            return;
        }
        open(name);
        for (String value : values) {
            text(childName, value);
        }
        close(name);
    }

    private void indent() throws XMLStreamException {
        newline();
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters("  ");
        }
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n");
    }
}
