package vn.lienthong.edxml.model;

import java.util.List;

/**
 * An element the model does not interpret, kept whole so that it is written back as it came: the SDK's
 * dummy Signature block, extensions such as ApplicationType or ReplyFors.
 * Children are {@link XmlFragment}s or {@link String} text.
 */
public record XmlFragment(String namespace, String localName, List<Attribute> attributes, List<Object> children) {

    public XmlFragment {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** One attribute; namespace is "" for the usual unqualified attribute. */
    public record Attribute(String namespace, String localName, String value) {
    }
}
