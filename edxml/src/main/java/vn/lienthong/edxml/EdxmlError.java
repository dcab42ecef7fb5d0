package vn.lienthong.edxml;

/**
 * Every way a packet can be wrong, with a stable code and its meaning in Vietnamese (what users read) and
 * English (what logs read). The gateway maps these onto its own error table.
 */
public enum EdxmlError {
    MALFORMED_XML("Gói tin không phải XML hợp lệ", "the packet is not well-formed XML"),
    BYTES_BEFORE_DECLARATION("Có dữ liệu lạ trước khai báo XML", "bytes before the XML declaration"),
    DTD_FORBIDDEN("Gói tin không được chứa DOCTYPE/thực thể", "DOCTYPE and entity declarations are not allowed"),
    LIMIT_EXCEEDED("Gói tin vượt giới hạn cho phép", "the packet exceeds a parser limit"),
    NOT_EDXML("Không phải gói tin edXML (QCVN 102:2016)", "not an edXML packet"),
    MISSING_FIELD("Thiếu trường bắt buộc", "a required field is missing"),
    /**
     * Only a warning: real packets carry codes outside both published grammars (the national axis's
     * {@code vxp.saas.03}, the SDK's {@code 28.22.H17}); whether a code exists is the directory's business.
     */
    BAD_AGENCY_CODE("Mã định danh cơ quan không theo định dạng chuẩn", "agency code outside the published grammars",
            true),
    BAD_DATE("Ngày không đúng định dạng yyyy/MM/dd", "date not in yyyy/MM/dd"),
    BAD_TIMESTAMP("Thời gian không đúng định dạng yyyy/MM/dd HH:mm:ss", "timestamp not in yyyy/MM/dd HH:mm:ss"),
    BAD_NUMBER("Giá trị không phải số hợp lệ", "not a valid number"),
    BAD_PRIORITY("Độ khẩn (Priority) phải từ 0 đến 4", "Priority must be 0..4"),
    BAD_BUSINESS_DOC_TYPE("BussinessDocType phải từ 0 đến 3", "BussinessDocType must be 0..3"),
    BAD_STATUS_CODE("Mã trạng thái không hợp lệ", "unknown status code"),
    MISSING_ORIGINAL("Thiếu thông tin văn bản gốc cần thu hồi/cập nhật/thay thế",
            "the original document of a revocation, update or replacement is missing"),
    BAD_BASE64("Nội dung tệp đính kèm không phải base64 hợp lệ", "attachment content is not valid base64"),
    REFERENCE_WITHOUT_ATTACHMENT("Tệp khai báo trong manifest nhưng không có nội dung",
            "a manifest Reference has no Attachment"),
    ATTACHMENT_WITHOUT_REFERENCE("Tệp đính kèm không được khai báo trong manifest",
            "an Attachment has no manifest Reference"),
    DUPLICATE_CONTENT_ID("ContentId bị trùng", "duplicate ContentId"),
    DUPLICATE_ELEMENT("Phần tử chỉ được xuất hiện một lần bị lặp lại", "an element that may occur once is repeated"),
    BAD_SIGNATURE("Chữ ký số không hợp lệ", "invalid signature");

    private final String vietnamese;
    private final String english;
    private final boolean warning;

    EdxmlError(String vietnamese, String english) {
        this(vietnamese, english, false);
    }

    EdxmlError(String vietnamese, String english, boolean warning) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.warning = warning;
    }

    /** A warning is reported but does not make a packet invalid. */
    public boolean isWarning() {
        return warning;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
