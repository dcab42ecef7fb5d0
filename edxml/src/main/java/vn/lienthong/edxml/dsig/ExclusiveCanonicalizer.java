package vn.lienthong.edxml.dsig;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Exclusive XML canonicalisation without comments (xml-exc-c14n#) of a whole document, leaving one element out:
 * what the transforms {@code enveloped-signature, xml-exc-c14n#} of a {@code Reference URI=""} produce. Santuario
 * writes the same bytes a character at a time through a one-byte write; over a 100 KB packet, most of it base64
 * text, that was about a tenth of the gateway's CPU at intake. This writes runs of plain text in blocks.
 *
 * <p>It handles what a parsed packet holds (elements, attributes, text, CDATA, comments, which it omits) and
 * answers {@code false} for anything else (a processing instruction, an entity reference, a document type, a
 * relative namespace URI): the caller then lets Santuario canonicalise. Its output is Santuario's byte for byte;
 * {@code ExclusiveCanonicalizerTest} compares the two on every sample packet and on documents made to be awkward.
 */
final class ExclusiveCanonicalizer {

    private static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

    /** Attributes in canonical order: no namespace first, then by namespace URI, then by local name. */
    private static final Comparator<Attr> ATTRIBUTE_ORDER = Comparator
            .comparing((Attr a) -> a.getNamespaceURI() == null ? "" : a.getNamespaceURI())
            .thenComparing(a -> a.getLocalName() == null ? a.getName() : a.getLocalName());

    private final Sink out;
    private final Node excluded;

    private ExclusiveCanonicalizer(OutputStream target, Node excluded) {
        this.out = new Sink(target);
        this.excluded = excluded;
    }

    /**
     * Writes the canonical form of {@code document} without {@code excluded} (null: nothing left out) to
     * {@code target}; false, with part of it possibly written, when the document holds what this does not handle.
     */
    static boolean canonicalize(Document document, Node excluded, OutputStream target) throws IOException {
        ExclusiveCanonicalizer canonicalizer = new ExclusiveCanonicalizer(target, excluded);
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    if (child != excluded && !canonicalizer.element((Element) child, Map.of("", ""))) {
                        return false;
                    }
                    break;
                case Node.COMMENT_NODE:
                    break;
                default: // a document type or a processing instruction beside the root
                    return false;
            }
        }
        canonicalizer.out.flush();
        return true;
    }

    /** @param rendered the namespace bindings the output ancestors rendered, by prefix ("" the default) */
    private boolean element(Element element, Map<String, String> rendered) throws IOException {
        NamedNodeMap all = element.getAttributes();
        List<Attr> attributes = new ArrayList<>(all.getLength());
        // the prefixes this element visibly uses, with the namespace each is bound to here
        TreeMap<String, String> used = new TreeMap<>();
        String elementPrefix = element.getPrefix() == null ? "" : element.getPrefix();
        used.put(elementPrefix, element.getNamespaceURI() == null ? "" : element.getNamespaceURI());
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            if (XMLNS_URI.equals(attribute.getNamespaceURI())) {
                continue; // a declaration is output only where a name uses it
            }
            attributes.add(attribute);
            String prefix = attribute.getPrefix();
            if (prefix != null && !prefix.equals("xml")) {
                used.put(prefix, attribute.getNamespaceURI());
            }
        }
        attributes.sort(ATTRIBUTE_ORDER);

        Map<String, String> inScope = rendered;
        out.ascii('<');
        out.text(element.getTagName(), false);
        for (Map.Entry<String, String> binding : used.entrySet()) { // TreeMap: "" (the default) first
            String prefix = binding.getKey();
            String uri = binding.getValue();
            if (uri.equals(rendered.get(prefix))) {
                continue; // an output ancestor has it (the document starts with the default namespace empty)
            }
            if (!uri.isEmpty() && uri.indexOf(':') < 0) {
                return false; // relative namespace URI: Santuario's rules apply
            }
            if (inScope == rendered) {
                inScope = new HashMap<>(rendered);
            }
            inScope.put(prefix, uri);
            out.ascii(prefix.isEmpty() ? " xmlns=\"" : " xmlns:");
            if (!prefix.isEmpty()) {
                out.text(prefix, false);
                out.ascii("=\"");
            }
            out.attributeValue(uri);
            out.ascii('"');
        }
        for (Attr attribute : attributes) {
            out.ascii(' ');
            out.text(attribute.getName(), false);
            out.ascii("=\"");
            out.attributeValue(attribute.getValue());
            out.ascii('"');
        }
        out.ascii('>');

        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    if (child != excluded && !element((Element) child, inScope)) {
                        return false;
                    }
                    break;
                case Node.TEXT_NODE:
                case Node.CDATA_SECTION_NODE:
                    out.text(child.getNodeValue(), true);
                    break;
                case Node.COMMENT_NODE:
                    break;
                default: // processing instruction, entity reference
                    return false;
            }
        }
        out.ascii("</");
        out.text(element.getTagName(), false);
        out.ascii('>');
        return true;
    }

    /** UTF-8 into a block buffer; text escaped as c14n says. */
    private static final class Sink {
        private final OutputStream target;
        private final byte[] buffer = new byte[16384];
        private int size;

        Sink(OutputStream target) {
            this.target = target;
        }

        void ascii(char c) throws IOException {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = (byte) c;
        }

        void ascii(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                ascii(s.charAt(i));
            }
        }

        /** Character data; {@code escaped}: &amp;, &lt;, &gt; and CR as c14n writes them in text. */
        void text(String s, boolean escaped) throws IOException {
            int length = s.length();
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (escaped) {
                        switch (c) {
                            case '&' -> { ascii("&amp;"); continue; }
                            case '<' -> { ascii("&lt;"); continue; }
                            case '>' -> { ascii("&gt;"); continue; }
                            case '\r' -> { ascii("&#xD;"); continue; }
                            default -> { }
                        }
                    }
                    if (size == buffer.length) {
                        flush();
                    }
                    buffer[size++] = (byte) c;
                } else {
                    i = utf8(s, i);
                }
            }
        }

        /** An attribute's value: &amp;, &lt;, &quot;, TAB, LF and CR as c14n writes them in attributes. */
        void attributeValue(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '"' -> ascii("&quot;");
                    case '\t' -> ascii("&#x9;");
                    case '\n' -> ascii("&#xA;");
                    case '\r' -> ascii("&#xD;");
                    default -> {
                        if (c < 0x80) {
                            ascii(c);
                        } else {
                            i = utf8(s, i);
                        }
                    }
                }
            }
        }

        /** Writes the character (or surrogate pair) at {@code i}; returns the index of its last char. */
        private int utf8(String s, int i) throws IOException {
            int codePoint = s.codePointAt(i);
            if (size + 4 > buffer.length) {
                flush();
            }
            if (codePoint < 0x800) {
                buffer[size++] = (byte) (0xC0 | (codePoint >> 6));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (codePoint < 0x10000) {
                buffer[size++] = (byte) (0xE0 | (codePoint >> 12));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else {
                buffer[size++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[size++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            return i + Character.charCount(codePoint) - 1;
        }

        void flush() throws IOException {
            target.write(buffer, 0, size);
            size = 0;
        }
    }
}
