package vn.lienthong.edxml.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.model.AttachmentInfo;

/**
 * Streams one Attachment element of a packet for {@link EdxmlReader}: its metadata up to the content, the content
 * itself as the base64 text the parser reads (never held whole), then the metadata a sender wrote after the
 * content. Works on the reader's cursor.
 */
final class AttachmentStreamer {

    private static final int CONTENT_ID = 0;
    private static final int NAME = 1;
    private static final int DESCRIPTION = 2;
    private static final int CONTENT_TYPE = 3;

    private AttachmentStreamer() {
    }

    /** Reads an Attachment's metadata up to its ContentTransferEncoded (or its end, when it has none). */
    static EdxmlReader.Attachment begin(XmlCursor cursor, int index) throws EdxmlException {
        String path = cursor.pathString() + "[" + index + "]";
        String[] fields = new String[4];
        boolean hasContent = readMetadata(cursor, fields, true);
        AttachmentInfo info = new AttachmentInfo(fields[CONTENT_ID], fields[NAME], fields[DESCRIPTION],
                fields[CONTENT_TYPE]);
        return new EdxmlReader.Attachment(info, index, path, cursor, hasContent);
    }

    /** Called when an attachment's content has been read to its end: finishes its element. */
    static AttachmentInfo finish(XmlCursor cursor, AttachmentInfo info) throws EdxmlException {
        cursor.pop(); // ContentTransferEncoded
        String[] fields = {info.contentId(), info.attachmentName(), info.description(), info.contentType()};
        readMetadata(cursor, fields, false);
        return new AttachmentInfo(fields[CONTENT_ID], fields[NAME], fields[DESCRIPTION], fields[CONTENT_TYPE]);
    }

    /**
     * Reads the metadata children into {@code fields}; true when it stopped at ContentTransferEncoded (only when
     * {@code untilContent}: after the content a second one is skipped), false at the Attachment's end.
     */
    private static boolean readMetadata(XmlCursor cursor, String[] fields, boolean untilContent)
            throws EdxmlException {
        while (cursor.nextChild() == XMLStreamConstants.START_ELEMENT) {
            switch (cursor.edxmlName()) {
                case "ContentId" -> fields[CONTENT_ID] = cursor.readText();
                case "AttachmentName" -> fields[NAME] = cursor.readText();
                case "Description" -> fields[DESCRIPTION] = cursor.readText();
                case "ContentType" -> fields[CONTENT_TYPE] = cursor.readText();
                case "ContentTransferEncoded" -> {
                    if (untilContent) {
                        return true;
                    }
                    cursor.skipElement();
                }
                default -> cursor.skipElement();
            }
        }
        cursor.pop(); // Attachment
        return false;
    }

    /**
     * The character content of an attachment's ContentTransferEncoded element, in segments as the parser reads
     * them (no copy but into the caller's buffer); at the element's end it lets the attachment read what follows.
     */
    static final class Content extends Reader {
        private final XmlCursor cursor;
        private final XMLStreamReader xml;
        private final EdxmlReader.Attachment attachment;
        private int offset;
        private int length;
        private boolean inText;
        private boolean ended;

        Content(XmlCursor cursor, EdxmlReader.Attachment attachment) {
            this.cursor = cursor;
            this.xml = cursor.xml();
            this.attachment = attachment;
        }

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
                        throw cursor.malformed(e);
                    }
                    offset += n;
                    return n;
                }
                inText = false;
                int event = cursor.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        inText = true;
                        offset = 0;
                        length = xml.getTextLength();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ended = true;
                        attachment.contentEnded();
                    }
                    case XMLStreamConstants.START_ELEMENT -> throw new EdxmlException(EdxmlError.BAD_BASE64,
                            cursor.pathString(), "phần tử lồng trong nội dung base64 (element inside content)",
                            cursor.line(), cursor.column(), null);
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

    /** Discards bytes; a named class avoids allocating an anonymous one per attachment. */
    static final class Discard extends OutputStream {
        static final Discard INSTANCE = new Discard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
