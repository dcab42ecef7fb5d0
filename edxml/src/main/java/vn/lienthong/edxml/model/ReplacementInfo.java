package vn.lienthong.edxml.model;

import java.util.List;

/** A document replaced by this one (BussinessDocType 3) and the recipients concerned. */
public record ReplacementInfo(String documentId, List<String> organIds) {

    public ReplacementInfo {
        organIds = organIds == null ? null : List.copyOf(organIds);
    }
}
