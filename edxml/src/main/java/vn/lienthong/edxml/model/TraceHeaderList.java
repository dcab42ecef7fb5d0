package vn.lienthong.edxml.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The hops a packet took and, on document packets, its business kind. Attributes (id, version and the like
 * inherited from SOAP) are kept as they came.
 */
public record TraceHeaderList(List<XmlFragment.Attribute> attributes, List<TraceHeader> traceHeaders,
                              Bussiness bussiness) {

    public TraceHeaderList {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        traceHeaders = traceHeaders == null ? List.of() : List.copyOf(traceHeaders);
    }

    /** This list with one more hop at its end, as an axis appends its own on the way. */
    public TraceHeaderList withAppended(TraceHeader hop) {
        List<TraceHeader> hops = new ArrayList<>(traceHeaders);
        hops.add(hop);
        return new TraceHeaderList(attributes, hops, bussiness);
    }
}
