package vn.lienthong.edxml.dsig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;
import vn.lienthong.edxml.io.NonClosingOutputStream;
import vn.lienthong.edxml.io.SecureXml;

/**
 * Loads a packet into a DOM (bounded, hardened) and writes one back. Signing and verifying need the whole packet in
 * memory; {@code maxBytes} is what keeps that affordable.
 */
final class DomPackets {

    /** Default bound on a packet that is DOM-loaded for signing or verifying: 64 MiB. */
    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            .getBytes(StandardCharsets.US_ASCII);

    private DomPackets() {
    }

    /** Santuario's one-time initialisation; class initialisation makes it happen once, thread-safely. */
    static void initSantuario() {
        SantuarioHolder.ensure();
    }

    private static final class SantuarioHolder {
        static {
            org.apache.xml.security.Init.init();
        }

        static void ensure() {
            // loading this class ran the static initialiser
        }
    }

    static Document parse(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(maxBytes, size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, maxBytes);
        }
    }

    /**
     * One hardened parser per thread: finding and configuring a factory costs more than parsing a 100 KB packet
     * (the JAXP lookup scans the class path), and a factory is not guaranteed to be thread-safe.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            return SecureXml.documentBuilderFactory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM parser", e);
        }
    });

    static Document parse(InputStream in, long maxBytes) throws IOException {
        DocumentBuilder builder = BUILDERS.get();
        builder.reset();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // warnings do not stop a parse
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                throw exception;
            }
        });
        BoundedInputStream bounded = new BoundedInputStream(in, maxBytes);
        try {
            return builder.parse(new InputSource(bounded));
        } catch (SAXParseException e) {
            if (bounded.exceeded) {
                throw tooLarge(maxBytes, -1);
            }
            String message = String.valueOf(e.getMessage());
            EdxmlError error = message.contains("DOCTYPE") ? EdxmlError.DTD_FORBIDDEN : EdxmlError.MALFORMED_XML;
            throw new EdxmlException(error, "", message, e.getLineNumber(), e.getColumnNumber(), e);
        } catch (SAXException e) {
            if (bounded.exceeded) {
                throw tooLarge(maxBytes, -1);
            }
            throw new EdxmlException(EdxmlError.MALFORMED_XML, "", String.valueOf(e.getMessage()), -1, -1, e);
        } catch (IOException e) {
            if (bounded.exceeded) {
                throw tooLarge(maxBytes, -1);
            }
            throw e;
        }
    }

    /** Writes the document as UTF-8 with the SDK's declaration line; prefixes and whitespace stay as they are. */
    static void write(Document document, OutputStream out) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            out.write(DECLARATION);
            transformer.transform(new DOMSource(document), new StreamResult(new NonClosingOutputStream(out)));
            out.flush();
        } catch (TransformerException e) {
            throw new IOException("cannot write the packet: " + e.getMessage(), e);
        }
    }

    static EdxmlException tooLarge(long maxBytes, long size) {
        String detail = (size >= 0 ? size + " byte" : "hơn " + maxBytes + " byte") + " > maxBytes " + maxBytes
                + " (gói tin quá lớn để ký/kiểm tra chữ ký trong bộ nhớ; the packet is too large to sign or verify"
                + " in memory)";
        return new EdxmlException(EdxmlError.LIMIT_EXCEEDED, "", detail);
    }

    /** Counts bytes and fails once more than {@code max} have been read; never closes the underlying stream. */
    private static final class BoundedInputStream extends vn.lienthong.edxml.io.CountingInputStream {
        private final long max;
        private long count;
        private boolean exceeded;

        BoundedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        /** The caller owns the stream (the DOM parser would close it at the end of the document). */
        @Override
        public void close() {
            // not closed here
        }

        @Override
        protected void counted(long n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw tooLarge(max, -1);
            }
        }
    }
}
