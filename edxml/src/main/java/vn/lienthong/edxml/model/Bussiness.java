package vn.lienthong.edxml.model;

import java.util.List;

/**
 * The business kind of a document packet (the standard spells it "Bussiness"): BussinessDocType 0 new,
 * 1 revocation (thu hồi), 2 update (cập nhật), 3 replacement (thay thế), with what each needs.
 */
public record Bussiness(String documentId, String bussinessDocType, String bussinessDocReason, String paper,
                        BussinessDocumentInfo bussinessDocumentInfo, List<ReplacementInfo> replacementInfos,
                        StaffInfo staffInfo) {

    public Bussiness {
        replacementInfos = replacementInfos == null ? null : List.copyOf(replacementInfos);
    }

    /** The kind as an enum, {@link BusinessDocType#NEW} when absent. */
    public BusinessDocType kind() {
        return BusinessDocType.fromCode(bussinessDocType).orElse(BusinessDocType.NEW);
    }
}
