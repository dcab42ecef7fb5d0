package vn.lienthong.edxml.model;

import java.util.List;

/**
 * The envelope of a status packet: who reports (From), on which document (ResponseFor), the code
 * (01..16, see {@link StatusCode}), a description and when (yyyy/MM/dd HH:mm:ss).
 */
public record StatusHeader(Organization from, ResponseFor responseFor, StaffInfo staffInfo, String statusCode,
                           String description, String timestamp, List<XmlFragment> extensions,
                           TraceHeaderList traceHeaderList, XmlFragment signature) implements PacketHeader {

    public StatusHeader {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    @Override
    public String messageType() {
        return "status";
    }

    @Override
    public List<ManifestReference> manifest() {
        return List.of();
    }

    public StatusHeader withFrom(Organization newFrom) {
        return new StatusHeader(newFrom, responseFor, staffInfo, statusCode, description, timestamp, extensions,
                traceHeaderList, signature);
    }

    public StatusHeader withResponseFor(ResponseFor newResponseFor) {
        return new StatusHeader(from, newResponseFor, staffInfo, statusCode, description, timestamp, extensions,
                traceHeaderList, signature);
    }

    public StatusHeader withTraceHeaderList(TraceHeaderList list) {
        return new StatusHeader(from, responseFor, staffInfo, statusCode, description, timestamp, extensions, list,
                signature);
    }
}
