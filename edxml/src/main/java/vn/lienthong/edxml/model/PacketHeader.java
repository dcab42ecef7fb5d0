package vn.lienthong.edxml.model;

import java.util.List;

/** What the envelope of a packet says: a document packet or a status packet. */
public sealed interface PacketHeader permits EdocHeader, StatusHeader {

    /** The sending agency. */
    Organization from();

    /** The hops and, for documents, the business kind; null when the packet has none. */
    TraceHeaderList traceHeaderList();

    /**
     * The Signature element of edXMLHeader as it came, in whatever namespace: the SDK writes a dummy one in
     * the edXML namespace, a real one is in the XML-DSig namespace. Null when absent.
     */
    XmlFragment signature();

    /** "edoc" or "status", the VDXP messagetype of this packet. */
    String messageType();

    /** Attachments announced by the manifest (status packets have none). */
    List<ManifestReference> manifest();
}
