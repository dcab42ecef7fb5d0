package vn.lienthong.edxml.model;

import java.util.List;

/** What an update (BussinessDocType 2) changes: the document's information, its recipients, or both. */
public record BussinessDocumentInfo(String documentInfo, String documentReceiver, List<Receiver> receivers) {

    public BussinessDocumentInfo {
        receivers = receivers == null ? null : List.copyOf(receivers);
    }
}
