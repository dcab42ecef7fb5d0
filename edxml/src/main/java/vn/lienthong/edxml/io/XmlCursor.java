package vn.lienthong.edxml.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
import vn.lienthong.edxml.model.XmlFragment;

/**
 * The StAX cursor {@link EdxmlReader}'s parts share: the parser, the element path it is at (for error
 * messages) and the read limits. It moves element by element, reads bounded texts and fragments, refuses
 * DTDs, entities, repeats and depth beyond the limits, and turns parser errors into {@link EdxmlException}s
 * that say where. One per packet; not thread-safe.
 */
final class XmlCursor {

    private final XMLStreamReader xml;
    private final ReadLimits limits;
    private final Deque<String> path = new ArrayDeque<>();

    XmlCursor(XMLStreamReader xml, ReadLimits limits) {
        this.xml = xml;
        this.limits = limits;
    }

    /** The parser, at the current event (names, attributes, text). */
    XMLStreamReader xml() {
        return xml;
    }

    ReadLimits limits() {
        return limits;
    }

    /** Enters an element the caller has already checked (the root). */
    void push(String name) {
        path.push(name);
    }

    void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the caller closes the underlying stream either way
        }
    }

    int next() throws EdxmlException {
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

    /**
     * Advances to the next child element (pushing its name on the path) or to the end of the current
     * element. Text between child elements is ignored.
     */
    int nextChild() throws EdxmlException {
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
    String edxmlName() {
        return isEdxml(xml.getNamespaceURI()) ? xml.getLocalName() : "";
    }

    static boolean isEdxml(String namespace) {
        return namespace == null || namespace.isEmpty() || Edxml.NAMESPACE.equals(namespace);
    }

    /** The text of the current element, bounded; a child element inside a text field is an error. */
    String readText() throws EdxmlException {
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
    Map<String, String> readTextFields(String... names) throws EdxmlException {
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
    List<String> readTextList(String childName) throws EdxmlException {
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
    XmlFragment readFragment() throws EdxmlException {
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

    List<XmlFragment.Attribute> attributes() {
        List<XmlFragment.Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            attributes.add(new XmlFragment.Attribute(ns == null ? "" : ns, xml.getAttributeLocalName(i),
                    xml.getAttributeValue(i)));
        }
        return attributes;
    }

    void skipElement() throws EdxmlException {
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

    /** Adds to a repeated part, refusing more than the limit of repetitions. */
    <T> void add(List<T> list, T value) throws EdxmlException {
        if (list.size() >= limits.maxRepeats()) {
            throw new EdxmlException(EdxmlError.LIMIT_EXCEEDED, pathString(),
                    "lặp quá " + limits.maxRepeats() + " lần (too many repetitions)");
        }
        list.add(value);
    }

    /** Refuses a second one of the current element when it is among {@code singletons}. */
    void onceIfSingleton(Set<String> seen, Set<String> singletons) throws EdxmlException {
        String name = edxmlName();
        if (singletons.contains(name)) {
            once(seen, name);
        }
    }

    /**
     * Refuses the second occurrence of an element that may come once: readers that take the first and
     * readers that take the last would otherwise see different packets. Unknown (foreign) elements are free.
     */
    void once(Set<String> seen, String name) throws EdxmlException {
        if (!name.isEmpty() && !seen.add(name)) {
            throw duplicate(name);
        }
    }

    EdxmlException duplicate(String name) {
        return new EdxmlException(EdxmlError.DUPLICATE_ELEMENT, pathString(),
                name + " xuất hiện hơn một lần (appears more than once)", line(), column(), null);
    }

    /** After the root: a second root is refused as a repeated element (the parser calls it "multiple roots"). */
    void readEpilog() throws EdxmlException {
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

    EdxmlException malformed(XMLStreamException e) {
        return malformed(e, pathString());
    }

    /** A parser error as an {@link EdxmlException} at {@code path}: a limit, a DTD or entity, or malformed XML. */
    static EdxmlException malformed(XMLStreamException e, String path) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        EdxmlError error = EdxmlError.MALFORMED_XML;
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("maximum") || lower.contains("limit")) {
            error = EdxmlError.LIMIT_EXCEEDED;
        } else if (lower.contains("entity") || lower.contains("doctype") || lower.contains("dtd")) {
            error = EdxmlError.DTD_FORBIDDEN;
        }
        return new EdxmlException(error, path, message,
                location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber(), e);
    }

    void pop() {
        if (!path.isEmpty()) {
            path.pop();
        }
    }

    String pathString() {
        StringBuilder text = new StringBuilder();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            text.append('/').append(it.next());
        }
        return text.toString();
    }

    int line() {
        Location location = xml.getLocation();
        return location == null ? -1 : location.getLineNumber();
    }

    int column() {
        Location location = xml.getLocation();
        return location == null ? -1 : location.getColumnNumber();
    }
}
