package vn.lienthong.edxml.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.model.AttachmentInfo;
import vn.lienthong.edxml.model.PacketHeader;

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
 *
 * <p>The parts: this class walks the root ({@code edXML}); {@link EnvelopeReader} reads the envelope,
 * {@link AttachmentStreamer} each attachment, both on one {@link XmlCursor} over the StAX parser.
 */
public final class EdxmlReader implements Closeable {

    private final InputStream source;
    private final XMLStreamReader xml;
    private final XmlCursor cursor;

    private PacketHeader header;
    private boolean inAttachmentEncoded;
    private boolean attachmentsSeen;
    private boolean finished;
    private int attachmentCount;
    private Attachment current;

    private EdxmlReader(InputStream source, ReadLimits limits) throws EdxmlException {
        this.source = source;
        try {
            this.xml = SecureXml.inputFactory().createXMLStreamReader(source);
        } catch (XMLStreamException e) {
            throw XmlCursor.malformed(e, "");
        }
        this.cursor = new XmlCursor(xml, limits);
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
            int event = cursor.nextChild();
            if (event == XMLStreamConstants.END_ELEMENT) {
                cursor.pop();
                inAttachmentEncoded = false;
                continue;
            }
            if (!XmlCursor.isEdxml(xml.getNamespaceURI()) || !"Attachment".equals(xml.getLocalName())) {
                cursor.skipElement();
                continue;
            }
            attachmentCount++;
            if (attachmentCount > cursor.limits().maxAttachments()) {
                throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, cursor.pathString(),
                        "quá " + cursor.limits().maxAttachments() + " tệp đính kèm (too many attachments)");
            }
            current = AttachmentStreamer.begin(cursor, attachmentCount);
            return current;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        cursor.close();
        source.close();
    }

    // ---------------------------------------------------------------- the root

    private PacketHeader readEnvelope() throws EdxmlException {
        int event = cursor.next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw new EdxmlException(EdxmlError.DTD_FORBIDDEN, "", "DOCTYPE", cursor.line(), cursor.column(), null);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new EdxmlException(EdxmlError.NOT_EDXML, "", "không có phần tử gốc (no root element)");
            }
            event = cursor.next();
        }
        if (!"edXML".equals(xml.getLocalName()) || !Edxml.NAMESPACE.equals(xml.getNamespaceURI())) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/" + xml.getLocalName(),
                    "phần tử gốc phải là edXML trong namespace " + Edxml.NAMESPACE + " (root must be edXML)",
                    cursor.line(), cursor.column(), null);
        }
        cursor.push("edXML");
        if (!advanceToRootChild("edXMLEnvelope")) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/edXML", "thiếu edXMLEnvelope (no envelope)");
        }
        return new EnvelopeReader(cursor).read();
    }

    /**
     * Moves to the next child element of the root with the given name; false at the end of the root, after
     * checking that nothing but comments follows it. The envelope and the attachments' container may each
     * come once: a second one is refused.
     */
    private boolean advanceToRootChild(String name) throws EdxmlException {
        while (true) {
            int event = cursor.nextChild();
            if (event == XMLStreamConstants.END_ELEMENT) {
                cursor.pop();
                finished = true;
                cursor.readEpilog();
                return false;
            }
            String child = cursor.edxmlName();
            if ("edXMLEnvelope".equals(child) && header != null
                    || "AttachmentEncoded".equals(child) && attachmentsSeen) {
                throw cursor.duplicate(child);
            }
            if (name.equals(child)) {
                attachmentsSeen |= "AttachmentEncoded".equals(child);
                return true;
            }
            cursor.skipElement();
        }
    }

    /**
     * One attachment of the packet. Its content can be read once, either decoded ({@link #openStream()}) or as
     * the base64 text it travels in ({@link #openBase64()}, to copy it into another packet without decoding).
     * Metadata that a sender wrote after the content is merged into {@link #info()} once the content is read.
     */
    public static final class Attachment {
        private AttachmentInfo info;
        private final int index;
        private final String path;
        private final XmlCursor cursor;
        private final Reader text;
        private final boolean hasContent;
        private boolean opened;
        private boolean done;

        Attachment(AttachmentInfo info, int index, String path, XmlCursor cursor, boolean hasContent) {
            this.info = info;
            this.index = index;
            this.path = path;
            this.cursor = cursor;
            this.text = hasContent ? new AttachmentStreamer.Content(cursor, this) : Reader.nullReader();
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
                openStream().transferTo(AttachmentStreamer.Discard.INSTANCE);
            } else {
                char[] buffer = new char[8192];
                while (text.read(buffer) >= 0) {
                    // discard
                }
            }
        }

        void contentEnded() throws EdxmlException {
            done = true;
            info = AttachmentStreamer.finish(cursor, info);
        }
    }
}
