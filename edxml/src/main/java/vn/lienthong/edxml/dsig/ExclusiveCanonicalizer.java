package vn.lienthong.edxml.dsig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * UTF-8 into a block buffer, text escaped as c14n says. A string is encoded by the JDK at once and then copied in
     * runs between the characters to escape: those are all ASCII, and UTF-8 never puts an ASCII byte inside a
     * multi-byte character, so scanning the bytes finds exactly them.
     */
    private static final class Sink {
        /** In text: &amp; &lt; &gt; and CR. */
        private static final String[] TEXT_ESCAPES = escapes("&&amp;", "<&lt;", ">&gt;", "\r&#xD;");
        /** In an attribute's value: &amp; &lt; &quot;, TAB, LF and CR. */
        private static final String[] ATTRIBUTE_ESCAPES = escapes("&&amp;", "<&lt;", "\"&quot;", "\t&#x9;",
                "\n&#xA;", "\r&#xD;");

        private final OutputStream target;
        private final byte[] buffer = new byte[16384];
        private int size;

        Sink(OutputStream target) {
            this.target = target;
        }

        /** By ASCII code, what it is written as, or null for itself; each spec is the character then its form. */
        private static String[] escapes(String... specs) {
            String[] table = new String[128];
            for (String spec : specs) {
                table[spec.charAt(0)] = spec.substring(1);
            }
            return table;
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

        /** Character data; {@code escaped}: as c14n writes it in text. */
        void text(String s, boolean escaped) throws IOException {
            write(s, escaped ? TEXT_ESCAPES : null);
        }

        /** An attribute's value, as c14n writes it. */
        void attributeValue(String s) throws IOException {
            write(s, ATTRIBUTE_ESCAPES);
        }

        private void write(String s, String[] escapes) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int run = 0;
            if (escapes != null) {
                for (int i = 0; i < bytes.length; i++) {
                    byte b = bytes[i];
                    if (b >= 0 && escapes[b] != null) {
                        write(bytes, run, i - run);
                        ascii(escapes[b]);
                        run = i + 1;
                    }
                }
            }
            write(bytes, run, bytes.length - run);
        }

        private void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > buffer.length - size) {
                flush();
                if (length >= buffer.length) {
                    target.write(bytes, offset, length);
                    return;
                }
            }
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        void flush() throws IOException {
            target.write(buffer, 0, size);
            size = 0;
        }
    }
}
