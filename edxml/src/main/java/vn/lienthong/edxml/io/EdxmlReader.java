package vn.lienthong.edxml.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
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
 * Reads an edXML packet in one pass: first its header (everything inside edXMLEnvelope), then each
 * attachment as a stream of decoded bytes. Attachment content is never held in memory, so a packet of
 * any size is read with a small heap. Element order is free, prefixes do not matter, unknown elements are
 * skipped (or kept, inside MessageHeader), and anything that is not well-formed, declares a DOCTYPE or
 * breaks a limit ends the read with an {@link EdxmlException} that says where.
 *
 * <pre>
 * try (EdxmlReader reader = EdxmlReader.open(in)) {
 *     PacketHeader header = reader.header();
 *     for (Attachment a; (a = reader.nextAttachment()) != null; ) { a.openStream().transferTo(out); }
 * }
 * </pre>
 */
public final class EdxmlReader implements Closeable {

    private final InputStream source;
    private final XMLStreamReader xml;
    private final ReadLimits limits;
    private final Deque<String> path = new ArrayDeque<>();

    private PacketHeader header;
    private boolean inAttachmentEncoded;
    private boolean attachmentsSeen;
    private boolean finished;
    private int attachmentCount;
    private Attachment current;

    private EdxmlReader(InputStream source, ReadLimits limits) throws EdxmlException {
        this.source = source;
        this.limits = limits;
        try {
            this.xml = SecureXml.inputFactory().createXMLStreamReader(source);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    public static EdxmlReader open(InputStream in) throws IOException {
        return open(in, ReadLimits.DEFAULT);
    }

    public static EdxmlReader open(InputStream in, ReadLimits limits) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        checkProlog(buffered);
        return new EdxmlReader(buffered, limits);
    }

    public static EdxmlReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, ReadLimits.DEFAULT);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Reads only the header of a file: the convenience for tools that inspect packets. */
    public static PacketHeader readHeader(Path file) throws IOException {
        try (EdxmlReader reader = open(file)) {
            return reader.header();
        }
    }

    /**
     * A packet must start with '<' (after an optional UTF-8 byte order mark). Stray bytes before the XML
     * declaration are a known defect of some senders; name it rather than report a generic parse error.
     */
    private static void checkProlog(BufferedInputStream in) throws IOException {
        in.mark(8);
        int first = in.read();
        if (first == 0xEF) {
            int second = in.read();
            int third = in.read();
            if (second != 0xBB || third != 0xBF) {
                throw new EdxmlException(EdxmlError.BYTES_BEFORE_DECLARATION, "", "byte 0xEF không phải BOM UTF-8");
            }
            in.mark(8);
            first = in.read();
        }
        if (first == -1) {
            throw new EdxmlException(EdxmlError.MALFORMED_XML, "", "gói tin rỗng (empty packet)");
        }
        if (first != '<') {
            throw new EdxmlException(EdxmlError.BYTES_BEFORE_DECLARATION, "",
                    String.format("byte đầu tiên là 0x%02x thay vì '<' (first byte is not '<')", first));
        }
        in.reset();
    }

    /** The packet's header; reading it consumes the envelope but no attachment. */
    public PacketHeader header() throws EdxmlException {
        if (header == null) {
            header = readEnvelope();
        }
        return header;
    }

    /**
     * The next attachment, or null when there is none left. Whatever remained unread of the previous one
     * is skipped (and still checked: bad base64 fails here too).
     */
    public Attachment nextAttachment() throws IOException {
        header();
        if (current != null) {
            current.drain();
            current = null;
        }
        while (!finished) {
            if (!inAttachmentEncoded) {
                if (!advanceToRootChild("AttachmentEncoded")) {
                    return null;
                }
                inAttachmentEncoded = true;
            }
            int event = nextChild();
            if (event == XMLStreamConstants.END_ELEMENT) {
                pop();
                inAttachmentEncoded = false;
                continue;
            }
            if (!isEdxml(xml.getNamespaceURI()) || !"Attachment".equals(xml.getLocalName())) {
                skipElement();
                continue;
            }
            attachmentCount++;
            if (attachmentCount > limits.maxAttachments()) {
                throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(),
                        "quá " + limits.maxAttachments() + " tệp đính kèm (too many attachments)");
            }
            current = beginAttachment();
            return current;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the underlying stream is closed below either way
        }
        source.close();
    }

    // ---------------------------------------------------------------- the envelope

    private PacketHeader readEnvelope() throws EdxmlException {
        int event = next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new EdxmlException(EdxmlError.DTD_FORBIDDEN, "", "DOCTYPE", line(), column(), null);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new EdxmlException(EdxmlError.NOT_EDXML, "", "không có phần tử gốc (no root element)");
            }
            event = next();
        }
        if (!"edXML".equals(xml.getLocalName()) || !Edxml.NAMESPACE.equals(xml.getNamespaceURI())) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/" + xml.getLocalName(),
                    "phần tử gốc phải là edXML trong namespace " + Edxml.NAMESPACE + " (root must be edXML)",
                    line(), column(), null);
        }
        path.push("edXML");
        if (!advanceToRootChild("edXMLEnvelope")) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/edXML", "thiếu edXMLEnvelope (no envelope)");
        }
        HeaderParts parts = new HeaderParts();
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            onceIfSingleton(seen, ENVELOPE_SINGLETONS);
            switch (edxmlName()) {
                case "edXMLHeader" -> readHeaderElement(parts);
                case "edXMLBody" -> readBody(parts);
                default -> skipElement();
            }
        }
        pop();
        if (parts.message == null) {
            throw new EdxmlException(EdxmlError.MISSING_FIELD, "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                    "thiếu MessageHeader");
        }
        return parts.build();
    }

    /** Mutable collector for the parts of an envelope, which may come in any order. */
    private static final class HeaderParts {
        MessageFields message;
        TraceHeaderList traces;
        XmlFragment signature;
        String manifestVersion;
        List<ManifestReference> manifest;

        PacketHeader build() {
            if (message.statusCode != null) {
                return new StatusHeader(message.from, message.responseFor.isEmpty() ? null : message.responseFor.get(0),
                        message.staffInfo, message.statusCode, message.description, message.timestamp,
                        message.extensions, traces, signature);
            }
            MessageHeader header = new MessageHeader(message.from, message.to, message.documentId, message.code,
                    message.promulgationInfo, message.documentType, message.subject, message.content,
                    message.signerInfo, message.dueDate, message.otherInfo, message.responseFor,
                    message.steeringType, message.toPlaces, message.extensions);
            return new EdocHeader(header, traces, signature, manifestVersion, manifest);
        }
    }

    /** Every child a MessageHeader may have, for documents and statuses alike. */
    private static final class MessageFields {
        Organization from;
        final List<Organization> to = new ArrayList<>();
        String documentId;
        DocumentCode code;
        PromulgationInfo promulgationInfo;
        DocumentType documentType;
        String subject;
        String content;
        SignerInfo signerInfo;
        String dueDate;
        OtherInfo otherInfo;
        final List<ResponseFor> responseFor = new ArrayList<>();
        String steeringType;
        List<String> toPlaces;
        StaffInfo staffInfo;
        String statusCode;
        String description;
        String timestamp;
        final List<XmlFragment> extensions = new ArrayList<>();
    }

    private void readHeaderElement(HeaderParts parts) throws EdxmlException {
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if ("Signature".equals(xml.getLocalName())) {
                once(seen, "Signature");
                parts.signature = readFragment();
                continue;
            }
            onceIfSingleton(seen, HEADER_SINGLETONS);
            switch (edxmlName()) {
                case "MessageHeader" -> parts.message = readMessageHeader();
                case "TraceHeaderList" -> parts.traces = readTraceHeaderList();
                default -> skipElement();
            }
        }
        pop();
    }

    private MessageFields readMessageHeader() throws EdxmlException {
        MessageFields m = new MessageFields();
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            onceIfSingleton(seen, MESSAGE_SINGLETONS);
            switch (edxmlName()) {
                case "From" -> m.from = readOrganization();
                case "To" -> add(m.to, readOrganization());
                case "DocumentId" -> m.documentId = readText();
                case "Code" -> m.code = readCode();
                case "PromulgationInfo" -> m.promulgationInfo = readPromulgationInfo();
                case "DocumentType" -> m.documentType = readDocumentType();
                case "Subject" -> m.subject = readText();
                case "Content" -> m.content = readText();
                case "SignerInfo" -> m.signerInfo = readSignerInfo();
                case "DueDate" -> m.dueDate = readText();
                case "OtherInfo" -> m.otherInfo = readOtherInfo();
                case "ResponseFor" -> add(m.responseFor, readResponseFor());
                case "SteeringType" -> m.steeringType = readText();
                case "ToPlaces" -> m.toPlaces = readTextList("Place");
                case "StaffInfo" -> m.staffInfo = readStaffInfo();
                case "StatusCode" -> m.statusCode = readText();
                case "Description" -> m.description = readText();
                case "Timestamp" -> m.timestamp = readText();
                default -> add(m.extensions, readFragment());
            }
        }
        pop();
        return m;
    }

    private Organization readOrganization() throws EdxmlException {
        Map<String, String> f = readTextFields("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email",
                "Telephone", "Fax", "Website");
        return new Organization(f.get("OrganId"), f.get("OrganizationInCharge"), f.get("OrganName"), f.get("OrganAdd"),
                f.get("Email"), f.get("Telephone"), f.get("Fax"), f.get("Website"));
    }

    private DocumentCode readCode() throws EdxmlException {
        Map<String, String> f = readTextFields("CodeNumber", "CodeNotation");
        return new DocumentCode(f.get("CodeNumber"), f.get("CodeNotation"));
    }

    private PromulgationInfo readPromulgationInfo() throws EdxmlException {
        Map<String, String> f = readTextFields("Place", "PromulgationDate");
        return new PromulgationInfo(f.get("Place"), f.get("PromulgationDate"));
    }

    private DocumentType readDocumentType() throws EdxmlException {
        Map<String, String> f = readTextFields("Type", "TypeDetail", "TypeName");
        return new DocumentType(f.get("Type"), f.get("TypeDetail"), f.get("TypeName"));
    }

    private SignerInfo readSignerInfo() throws EdxmlException {
        Map<String, String> f = readTextFields("Competence", "Position", "FullName");
        return new SignerInfo(f.get("Competence"), f.get("Position"), f.get("FullName"));
    }

    private OtherInfo readOtherInfo() throws EdxmlException {
        String priority = null, sphere = null, typer = null, amount = null, pages = null, direction = null;
        List<String> appendixes = null;
        String classification = null;
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (Edxml.LIENTHONG_NAMESPACE.equals(xml.getNamespaceURI()) && "Classification".equals(xml.getLocalName())) {
                once(seen, "lt:Classification");
                classification = readText();
                continue;
            }
            once(seen, edxmlName());
            switch (edxmlName()) {
                case "Priority" -> priority = readText();
                case "SphereOfPromulgation" -> sphere = readText();
                case "TyperNotation" -> typer = readText();
                case "PromulgationAmount" -> amount = readText();
                case "PageAmount" -> pages = readText();
                case "Direction" -> direction = readText();
                case "Appendixes" -> appendixes = readTextList("Appendix");
                default -> skipElement();
            }
        }
        pop();
        return new OtherInfo(priority, sphere, typer, amount, pages, direction, appendixes, classification);
    }

    private ResponseFor readResponseFor() throws EdxmlException {
        Map<String, String> f = readTextFields("OrganId", "Code", "PromulgationDate", "DocumentId");
        return new ResponseFor(f.get("OrganId"), f.get("Code"), f.get("PromulgationDate"), f.get("DocumentId"));
    }

    private StaffInfo readStaffInfo() throws EdxmlException {
        Map<String, String> f = readTextFields("Department", "Staff", "Email", "Mobile");
        return new StaffInfo(f.get("Department"), f.get("Staff"), f.get("Email"), f.get("Mobile"));
    }

    private TraceHeaderList readTraceHeaderList() throws EdxmlException {
        List<XmlFragment.Attribute> attributes = attributes();
        List<TraceHeader> hops = new ArrayList<>();
        Bussiness bussiness = null;
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            switch (edxmlName()) {
                case "TraceHeader" -> add(hops, readTraceHeader());
                case "Bussiness" -> {
                    once(seen, "Bussiness");
                    bussiness = readBussiness();
                }
                default -> skipElement();
            }
        }
        pop();
        return new TraceHeaderList(attributes, hops, bussiness);
    }

    private TraceHeader readTraceHeader() throws EdxmlException {
        Map<String, String> f = readTextFields("OrganId", "Timestamp");
        return new TraceHeader(f.get("OrganId"), f.get("Timestamp"));
    }

    private Bussiness readBussiness() throws EdxmlException {
        String documentId = null, type = null, reason = null, paper = null;
        BussinessDocumentInfo info = null;
        List<ReplacementInfo> replacements = null;
        StaffInfo staff = null;
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            once(seen, edxmlName());
            switch (edxmlName()) {
                case "DocumentId" -> documentId = readText();
                case "BussinessDocType" -> type = readText();
                case "BussinessDocReason" -> reason = readText();
                case "Paper" -> paper = readText();
                case "BussinessDocumentInfo" -> info = readBussinessDocumentInfo();
                case "ReplacementInfoList" -> replacements = readReplacementInfoList();
                case "StaffInfo" -> staff = readStaffInfo();
                default -> skipElement();
            }
        }
        pop();
        return new Bussiness(documentId, type, reason, paper, info, replacements, staff);
    }

    private BussinessDocumentInfo readBussinessDocumentInfo() throws EdxmlException {
        String documentInfo = null, documentReceiver = null;
        List<Receiver> receivers = null;
        Set<String> seen = new HashSet<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            once(seen, edxmlName());
            switch (edxmlName()) {
                case "DocumentInfo" -> documentInfo = readText();
                case "DocumentReceiver" -> documentReceiver = readText();
                case "ReceiverList" -> receivers = readReceiverList();
                default -> skipElement();
            }
        }
        pop();
        return new BussinessDocumentInfo(documentInfo, documentReceiver, receivers);
    }

    private List<Receiver> readReceiverList() throws EdxmlException {
        List<Receiver> receivers = new ArrayList<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"Receiver".equals(edxmlName())) {
                skipElement();
                continue;
            }
            Map<String, String> f = readTextFields("OrganId", "ReceiverType");
            add(receivers, new Receiver(f.get("OrganId"), f.get("ReceiverType")));
        }
        pop();
        return receivers;
    }

    private List<ReplacementInfo> readReplacementInfoList() throws EdxmlException {
        List<ReplacementInfo> list = new ArrayList<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"ReplacementInfo".equals(edxmlName())) {
                skipElement();
                continue;
            }
            String documentId = null;
            List<String> organIds = null;
            Set<String> seen = new HashSet<>();
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                once(seen, edxmlName());
                switch (edxmlName()) {
                    case "DocumentId" -> documentId = readText();
                    case "OrganIdList" -> organIds = readTextList("OrganId");
                    default -> skipElement();
                }
            }
            pop();
            add(list, new ReplacementInfo(documentId, organIds));
        }
        pop();
        return list;
    }

    private void readBody(HeaderParts parts) throws EdxmlException {
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (!"edXMLManifest".equals(edxmlName())) {
                skipElement();
                continue;
            }
            if (parts.manifest != null) {
                throw duplicate("edXMLManifest");
            }
            parts.manifestVersion = xml.getAttributeValue(null, "version");
            List<ManifestReference> references = new ArrayList<>();
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                if (!"Reference".equals(edxmlName())) {
                    skipElement();
                    continue;
                }
                String contentId = null, contentType = null, description = null, name = null;
                Set<String> seen = new HashSet<>();
                while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                    once(seen, edxmlName());
                    switch (edxmlName()) {
                        case "ContentId" -> contentId = readText();
                        case "ContentType" -> contentType = readText();
                        case "Description" -> description = readText();
                        case "AttachmentName" -> name = readText();
                        default -> skipElement();
                    }
                }
                pop();
                add(references, new ManifestReference(contentId, contentType, description, name));
            }
            pop();
            parts.manifest = references;
        }
        pop();
    }

    // ---------------------------------------------------------------- attachments

    private Attachment beginAttachment() throws EdxmlException {
        String attachmentPath = pathString() + "[" + attachmentCount + "]";
        String contentId = null, name = null, description = null, contentType = null;
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            switch (edxmlName()) {
                case "ContentId" -> contentId = readText();
                case "AttachmentName" -> name = readText();
                case "Description" -> description = readText();
                case "ContentType" -> contentType = readText();
                case "ContentTransferEncoded" -> {
                    AttachmentInfo info = new AttachmentInfo(contentId, name, description, contentType);
                    return new Attachment(info, attachmentCount, attachmentPath, new ContentText(), true);
                }
                default -> skipElement();
            }
        }
        pop();
        AttachmentInfo info = new AttachmentInfo(contentId, name, description, contentType);
        return new Attachment(info, attachmentCount, attachmentPath, Reader.nullReader(), false);
    }

    /** Called when an attachment's content has been read to its end: finish its element. */
    private AttachmentInfo finishAttachment(AttachmentInfo info) throws EdxmlException {
        pop(); // ContentTransferEncoded
        String contentId = info.contentId(), name = info.attachmentName(), description = info.description(),
                contentType = info.contentType();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            switch (edxmlName()) {
                case "ContentId" -> contentId = readText();
                case "AttachmentName" -> name = readText();
                case "Description" -> description = readText();
                case "ContentType" -> contentType = readText();
                default -> skipElement();
            }
        }
        pop(); // Attachment
        return new AttachmentInfo(contentId, name, description, contentType);
    }

    /**
     * One attachment of the packet. Its content can be read once, either decoded ({@link #openStream()}) or as
     * the base64 text it travels in ({@link #openBase64()}, to copy it into another packet without decoding).
     * Metadata that a sender wrote after the content is merged into {@link #info()} once the content is read.
     */
    public final class Attachment {
        private AttachmentInfo info;
        private final int index;
        private final String path;
        private final Reader text;
        private final boolean hasContent;
        private boolean opened;
        private boolean done;

        private Attachment(AttachmentInfo info, int index, String path, Reader text, boolean hasContent) {
            this.info = info;
            this.index = index;
            this.path = path;
            this.text = text;
            this.hasContent = hasContent;
            this.done = !hasContent;
        }

        public AttachmentInfo info() {
            return info;
        }

        /** 1-based position among the packet's attachments. */
        public int index() {
            return index;
        }

        /** Where it is in the packet, for error messages. */
        public String path() {
            return path;
        }

        /** False when the Attachment has no ContentTransferEncoded element at all. */
        public boolean hasContent() {
            return hasContent;
        }

        /** The decoded bytes, streamed. */
        public InputStream openStream() {
            markOpened();
            return new Base64DecodingInputStream(text, path + "/ContentTransferEncoded");
        }

        /** The base64 text as it travels, streamed; whitespace is passed through. */
        public Reader openBase64() {
            markOpened();
            return text;
        }

        private void markOpened() {
            if (opened) {
                throw new IllegalStateException("attachment content can be read once");
            }
            opened = true;
        }

        /** Skips what is left, still decoding it so that a bad attachment is noticed. */
        void drain() throws IOException {
            if (done) {
                return;
            }
            if (!opened) {
                openStream().transferTo(OutputStreamDiscard.INSTANCE);
            } else {
                char[] buffer = new char[8192];
                while (text.read(buffer) >= 0) {
                    // discard
                }
            }
        }

        private void contentEnded() throws EdxmlException {
            done = true;
            info = finishAttachment(info);
        }
    }

    /** Discards bytes; a named class avoids allocating an anonymous one per attachment. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** The character content of the current ContentTransferEncoded element, in segments as the parser reads them. */
    private final class ContentText extends Reader {
        private int offset;
        private int length;
        private boolean inText;
        private boolean ended;

        @Override
        public int read(char[] target, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!ended) {
                if (inText && offset < length) {
                    int n;
                    try {
                        n = xml.getTextCharacters(offset, target, off, Math.min(len, length - offset));
                    } catch (XMLStreamException e) {
                        throw malformed(e);
                    }
                    offset += n;
                    return n;
                }
                inText = false;
                int event = next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        inText = true;
                        offset = 0;
                        length = xml.getTextLength();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ended = true;
                        current.contentEnded();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw new EdxmlException(EdxmlError.BAD_BASE64,
                            pathString(), "phần tử lồng trong nội dung base64 (element inside content)",
                            line(), column(), null);
                    default -> {
                        // comments and processing instructions carry no content
                    }
                }
            }
            return -1;
        }

        @Override
        public void close() {
            // the packet's stream is closed by the reader
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Moves to the next child element of the root with the given name; false at the end of the root, after
     * checking that nothing but comments follows it. The envelope and the attachments' container may each
     * come once: a second one is refused.
     */
    private boolean advanceToRootChild(String name) throws EdxmlException {
        while (true) {
            int event = nextChild();
            if (event == XMLStreamConstants.END_ELEMENT) {
                pop();
                finished = true;
                readEpilog();
                return false;
            }
            String child = edxmlName();
            if ("edXMLEnvelope".equals(child) && header != null
                    || "AttachmentEncoded".equals(child) && attachmentsSeen) {
                throw duplicate(child);
            }
            if (name.equals(child)) {
                attachmentsSeen |= "AttachmentEncoded".equals(child);
                return true;
            }
            skipElement();
        }
    }

    /** After the root: a second root is refused as a repeated element (the parser calls it "multiple roots"). */
    private void readEpilog() throws EdxmlException {
        try {
            while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
                // comments, processing instructions and white space may follow the root
            }
        } catch (XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("multiple roots")) {
                throw new EdxmlException(EdxmlError.DUPLICATE_ELEMENT, "/",
                        "gói tin có hơn một phần tử gốc (a second root element)", line(), column(), null);
            }
            throw malformed(e);
        }
    }

    private static final Set<String> ENVELOPE_SINGLETONS = Set.of("edXMLHeader", "edXMLBody");
    private static final Set<String> HEADER_SINGLETONS = Set.of("MessageHeader", "TraceHeaderList");
    /** Every child of MessageHeader the reader knows, except To and ResponseFor, which may repeat. */
    private static final Set<String> MESSAGE_SINGLETONS = Set.of("From", "DocumentId", "Code", "PromulgationInfo",
            "DocumentType", "Subject", "Content", "SignerInfo", "DueDate", "OtherInfo", "SteeringType", "ToPlaces",
            "StaffInfo", "StatusCode", "Description", "Timestamp");

    private void onceIfSingleton(Set<String> seen, Set<String> singletons) throws EdxmlException {
        String name = edxmlName();
        if (singletons.contains(name)) {
            once(seen, name);
        }
    }

    /**
     * Refuses the second occurrence of an element that may come once: readers that take the first and
     * readers that take the last would otherwise see different packets. Unknown (foreign) elements are free.
     */
    private void once(Set<String> seen, String name) throws EdxmlException {
        if (!name.isEmpty() && !seen.add(name)) {
            throw duplicate(name);
        }
    }

    private EdxmlException duplicate(String name) {
        return new EdxmlException(EdxmlError.DUPLICATE_ELEMENT, pathString(),
                name + " xuất hiện hơn một lần (appears more than once)", line(), column(), null);
    }

    /**
     * Advances to the next child element (pushing its name on the path) or to the end of the current
     * element. Text between child elements is ignored.
     */
    private int nextChild() throws EdxmlException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                path.push(xml.getLocalName());
                if (path.size() > limits.maxDepth()) {
                    throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(),
                            "lồng quá " + limits.maxDepth() + " cấp (too deep)", line(), column(), null);
                }
                return event;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new EdxmlException(EdxmlError.MALFORMED_XML, pathString(), "kết thúc bất ngờ (unexpected end)");
            }
        }
    }

    /** The local name of the current element if it is in the edXML namespace (or none), else "". */
    private String edxmlName() {
        return isEdxml(xml.getNamespaceURI()) ? xml.getLocalName() : "";
    }

    private static boolean isEdxml(String namespace) {
        return namespace == null || namespace.isEmpty() || Edxml.NAMESPACE.equals(namespace);
    }

    /** The text of the current element, bounded; a child element inside a text field is an error. */
    private String readText() throws EdxmlException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > limits.maxFieldChars()) {
                        throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(),
                                "trường dài quá " + limits.maxFieldChars() + " ký tự (field too long)",
                                line(), column(), null);
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    pop();
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> throw new EdxmlException(EdxmlError.NOT_EDXML, pathString(),
                        "phần tử " + xml.getLocalName() + " không được nằm trong trường văn bản (element in a text field)",
                        line(), column(), null);
                default -> {
                    // comments
                }
            }
        }
    }

    /**
     * The texts of the current element's children with the given names (a repeated one is refused); other
     * children are skipped. For the flat parts of the header: From, Code, SignerInfo and the like.
     */
    private Map<String, String> readTextFields(String... names) throws EdxmlException {
        Set<String> wanted = Set.of(names);
        Map<String, String> values = new HashMap<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            String name = edxmlName();
            if (wanted.contains(name)) {
                if (values.containsKey(name)) {
                    throw duplicate(name);
                }
                values.put(name, readText());
            } else {
                skipElement();
            }
        }
        pop();
        return values;
    }

    /** The texts of repeated children with the given name (Place, Appendix, OrganId). */
    private List<String> readTextList(String childName) throws EdxmlException {
        List<String> values = new ArrayList<>();
        while (nextChild() == XMLStreamConstants.START_ELEMENT) {
            if (childName.equals(edxmlName())) {
                add(values, readText());
            } else {
                skipElement();
            }
        }
        pop();
        return values;
    }

    /** Captures the current element and everything in it. */
    private XmlFragment readFragment() throws EdxmlException {
        String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        String localName = xml.getLocalName();
        List<XmlFragment.Attribute> attributes = attributes();
        List<Object> children = new ArrayList<>();
        int chars = 0;
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    path.push(xml.getLocalName());
                    if (path.size() > limits.maxDepth()) {
                        throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(), "lồng quá sâu (too deep)");
                    }
                    add(children, readFragment());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    chars += xml.getTextLength();
                    if (chars > limits.maxFieldChars()) {
                        throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(), "nội dung quá dài (too long)");
                    }
                    String text = xml.getText();
                    if (!children.isEmpty() && children.get(children.size() - 1) instanceof String previous) {
                        children.set(children.size() - 1, previous + text);
                    } else {
                        children.add(text);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    pop();
                    return new XmlFragment(namespace, localName, attributes, children);
                }
                default -> {
                    // comments and processing instructions are dropped
                }
            }
        }
    }

    private List<XmlFragment.Attribute> attributes() {
        List<XmlFragment.Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            attributes.add(new XmlFragment.Attribute(ns == null ? "" : ns, xml.getAttributeLocalName(i),
                    xml.getAttributeValue(i)));
        }
        return attributes;
    }

    private void skipElement() throws EdxmlException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        pop();
    }

    private <T> void add(List<T> list, T value) throws EdxmlException {
        if (list.size() >= limits.maxRepeats()) {
            throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(),
                    "lặp quá " + limits.maxRepeats() + " lần (too many repetitions)");
        }
        list.add(value);
    }

    private int next() throws EdxmlException {
        try {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new EdxmlException(EdxmlError.DTD_FORBIDDEN, pathString(), "DOCTYPE", line(), column(), null);
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new EdxmlException(EdxmlError.DTD_FORBIDDEN, pathString(),
                        "thực thể &" + xml.getLocalName() + ";", line(), column(), null);
            }
            return event;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private EdxmlException malformed(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        EdxmlError error = EdxmlError.MALFORMED_XML;
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("maximum") || lower.contains("limit")) {
            error = EdxmlError.LIMIT_EXCEEDED;
        } else if (lower.contains("entity") || lower.contains("doctype") || lower.contains("dtd")) {
            error = EdxmlError.DTD_FORBIDDEN;
        }
        return new EdxmlException(error, pathString(), message,
                location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber(), e);
    }

    private void pop() {
        if (!path.isEmpty()) {
            path.pop();
        }
    }

    private String pathString() {
        StringBuilder text = new StringBuilder();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            text.append('/').append(it.next());
        }
        return text.toString();
    }

    private int line() {
        Location location = xml.getLocation();
        return location == null ? -1 : location.getLineNumber();
    }

    private int column() {
        Location location = xml.getLocation();
        return location == null ? -1 : location.getColumnNumber();
    }
}
