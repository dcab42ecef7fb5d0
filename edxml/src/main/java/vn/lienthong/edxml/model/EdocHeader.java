package vn.lienthong.edxml.model;

import java.util.List;

/** The envelope of a document packet: its MessageHeader, trace list, signature block and manifest. */
public record EdocHeader(MessageHeader messageHeader, TraceHeaderList traceHeaderList, XmlFragment signature,
                         String manifestVersion, List<ManifestReference> manifest) implements PacketHeader {

    public EdocHeader {
        manifest = manifest == null ? List.of() : List.copyOf(manifest);
    }

    @Override
    public Organization from() {
        return messageHeader.from();
    }

    @Override
    public String messageType() {
        return "edoc";
    }

    /** The business kind from TraceHeaderList/Bussiness, NEW when absent. */
    public BusinessDocType businessDocType() {
        return traceHeaderList == null || traceHeaderList.bussiness() == null
                ? BusinessDocType.NEW : traceHeaderList.bussiness().kind();
    }

    public EdocHeader withMessageHeader(MessageHeader header) {
        return new EdocHeader(header, traceHeaderList, signature, manifestVersion, manifest);
    }

    public EdocHeader withTraceHeaderList(TraceHeaderList list) {
        return new EdocHeader(messageHeader, list, signature, manifestVersion, manifest);
    }
}
