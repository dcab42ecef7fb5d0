package vn.lienthong.adapters.exchange;

/**
 * The one table of the gateway's refusal codes, shared by the VDXP-compatible HTTP API (ErrorCode), the
 * SOAP service (fault code) and the operator API. "0" is success. Descriptions are Vietnamese (what a
 * clerk reads); the English goes to logs. Numbers follow the provincial axes' habit where they overlap
 * (15 credentials, 18 unknown recipient, 19 sender not registered, 20 system error).
 */
public enum GatewayError {
    MALFORMED_PACKET("10", 400, "Gói tin không phải XML hợp lệ", "malformed packet"),
    FORBIDDEN_XML("11", 400, "Gói tin chứa DOCTYPE/thực thể, không được chấp nhận", "DOCTYPE or entities in packet"),
    PACKET_TOO_LARGE("12", 413, "Gói tin vượt quá dung lượng cho phép", "packet over the size limit"),
    INVALID_PACKET("13", 400, "Gói tin không đúng chuẩn edXML (QCVN 102:2016)", "packet fails edXML validation"),
    HASH_MISMATCH("14", 400, "Mã băm gói tin (hash-file) không khớp nội dung", "hash-file does not match the body"),
    /** Also an unknown system: one answer for both, so that system ids cannot be probed (16 is no longer used). */
    BAD_CREDENTIALS("15", 401, "Sai mã hệ thống hoặc chữ ký xác thực (SystemId/HMAC)", "wrong credentials or unknown system"),
    MISSING_CREDENTIALS("17", 401, "Thiếu thông tin xác thực", "missing authentication headers"),
    UNKNOWN_RECIPIENT("18", 400, "Đơn vị nhận không tồn tại trong danh bạ", "unknown recipient"),
    SENDER_NOT_ALLOWED("19", 403, "Hệ thống không được phép gửi thay cho đơn vị này", "system may not act for this agency"),
    INTERNAL_ERROR("20", 500, "Lỗi hệ thống của cổng liên thông, vui lòng gửi lại sau", "internal error"),
    RECIPIENT_DISABLED("23", 400, "Đơn vị nhận đã bị khóa", "recipient disabled"),
    BAD_SIGNATURE("30", 400, "Chữ ký số trên gói tin không hợp lệ", "bad XML signature"),
    SIGNATURE_REQUIRED("31", 400, "Đơn vị gửi bắt buộc phải ký số gói tin", "signature required by policy"),
    CERTIFICATE_UNTRUSTED("32", 400, "Chứng thư số của người ký không được tin cậy", "signer certificate untrusted"),
    CERTIFICATE_REVOKED("33", 400, "Chứng thư số của người ký đã bị thu hồi", "signer certificate revoked"),
    CERTIFICATE_EXPIRED("34", 400, "Chứng thư số của người ký đã hết hạn hoặc chưa có hiệu lực",
            "signer certificate expired or not yet valid"),
    CERTIFICATE_NOT_SENDERS("35", 400, "Chứng thư số không thuộc đơn vị gửi", "signer certificate is not the sender's"),
    CERTIFICATE_REVOCATION_UNKNOWN("36", 400, "Không kiểm tra được tình trạng thu hồi của chứng thư số",
            "signer certificate revocation status unknown"),
    CERTIFICATE_KEY_USAGE("37", 400, "Chứng thư số không dùng để ký", "signer certificate key usage does not allow signing"),
    ATTACHMENT_REFUSED("38", 400, "Tệp nén đính kèm không an toàn (quá lớn, quá nhiều tệp, lồng quá sâu hoặc hỏng)",
            "unsafe attachment archive (zip bomb, too many entries, too deep, or broken)"),
    UNKNOWN_DOCUMENT("40", 404, "Không tìm thấy văn bản", "unknown document"),
    BAD_PARAMETER("41", 400, "Tham số không hợp lệ", "bad parameter"),
    MISSING_PARAMETER("42", 400, "Thiếu tham số bắt buộc", "missing parameter"),
    STATUS_NOT_ALLOWED("43", 403, "Đơn vị không được gửi trạng thái này cho văn bản", "status not allowed for this party"),
    ORIGINAL_NOT_FOUND("44", 404, "Không tìm thấy văn bản gốc mà gói tin tham chiếu", "referenced original not found"),
    UNKNOWN_OPERATION("45", 404, "Thao tác không được hỗ trợ", "unknown operation"),
    UNKNOWN_ENTRY("46", 404, "Không có trong danh bạ", "not in the directory"),
    ALREADY_EXISTS("47", 409, "Đã có trong danh bạ", "already in the directory"),
    FORBIDDEN("48", 403, "Vai trò của tài khoản không đủ cho thao tác này", "role not sufficient"),
    STALE_REQUEST("50", 401, "Yêu cầu không còn hiệu lực: thiếu dấu thời gian, thời gian lệch quá cho phép hoặc thiếu tên thao tác"
            + " trong phần đã ký (chế độ nghiêm ngặt)", "strict mode: signed timestamp missing or outside the window, or the"
            + " operation is not signed"),
    REPLAYED_REQUEST("51", 401, "Yêu cầu đã được dùng trước đó, không chấp nhận gửi lại (chế độ nghiêm ngặt)",
            "strict mode: this signed request was already used (replay)"),
    HTTPS_REQUIRED("52", 403, "Cổng liên thông chỉ nhận kết nối HTTPS", "plain HTTP refused: HTTPS required"),
    SOURCE_NOT_ALLOWED("53", 403, "Địa chỉ nguồn không được phép cho hệ thống này", "source address not allowed for this system"),
    TOO_MANY_FAILED_LOGINS("54", 429, "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau",
            "too many failed logins: try again later"),
    ENDPOINT_NOT_ALLOWED("55", 400, "Địa chỉ nhận (push endpoint) trỏ vào mạng nội bộ của máy chủ (loopback, link-local)",
            "push endpoint in the loopback or link-local range"),
    DOCUMENT_ID_TAKEN("60", 409, "DocumentId đã được cơ quan khác dùng cho văn bản gửi tới cùng đơn vị nhận",
            "DocumentId already used by another sender for the same recipient"),
    RATE_LIMITED("61", 429, "Hệ thống gửi quá nhiều yêu cầu mỗi giây, vui lòng gửi chậm lại",
            "system over its requests per second"),
    TOO_MANY_UPLOADS("62", 429, "Hệ thống đang gửi quá nhiều gói tin cùng lúc, vui lòng chờ gói trước xong",
            "system over its concurrent uploads"),
    DAILY_VOLUME_EXCEEDED("63", 429, "Hệ thống đã gửi hết dung lượng cho phép trong ngày",
            "system over its bytes per day"),
    STORAGE_FULL("64", 503, "Kho lưu trữ của cổng liên thông sắp đầy, chưa nhận gói tin mới; vui lòng gửi lại sau",
            "payload store over its disk budget"),
    PACKET_PURGED("65", 410, "Gói tin đã được xóa sau thời hạn lưu trữ; thông tin văn bản và chứng cứ vẫn còn",
            "packet purged after the retention period (metadata and evidence kept)"),
    HEADER_TOO_LARGE("66", 413, "Phần đầu gói tin (edXMLEnvelope) vượt quá dung lượng cho phép",
            "packet header (edXMLEnvelope) over gateway.limits.packet.max-header-size"),
    TOO_MANY_PDF_SIGNATURES("67", 413, "Gói tin có quá nhiều chữ ký số trên tệp PDF cần kiểm tra",
            "more PDF signatures to verify than gateway.limits.packet.max-pdf-signatures"),
    UNPACKED_TOO_LARGE("68", 413, "Các tệp đính kèm sau khi giải nén vượt quá dung lượng cho phép của một gói tin",
            "attachments unpack to more than gateway.limits.packet.max-unpacked-size"),
    TOO_MANY_ATTACHMENTS("69", 413, "Gói tin có quá nhiều tệp đính kèm",
            "more attachments than gateway.limits.packet.max-attachments"),
    UNKNOWN_LINK("70", 404, "Không có liên kết trục này", "no such link to another axis"),
    LINK_UNREACHABLE("71", 502, "Không kết nối được trục liên kết, hoặc trục đó báo lỗi",
            "the linked axis cannot be reached, or answered with an error"),
    ROUTING_LOOP("72", 400, "Gói tin đến qua liên kết không có đơn vị nhận nào ở đây (không chuyển vòng lại)",
            "a packet from a link has no recipient here (never sent back where it came from)"),
    AGENCY_IS_LOCAL("73", 409, "Đơn vị có hệ thống đăng ký tại cổng này, không đi qua liên kết",
            "the agency is local here, not behind a link"),
    LINK_ALREADY_EXISTS("74", 409, "Đã có liên kết trục này", "the link already exists"),
    RECIPIENT_RETIRED("75", 400, "Mã định danh của đơn vị nhận đã thôi sử dụng, hãy gửi tới mã mới",
            "recipient code retired; send to its successor"),
    SENDER_RETIRED("76", 403, "Mã định danh của đơn vị gửi đã thôi sử dụng, hãy gửi bằng mã mới",
            "sender code retired; send with its successor"),
    CLASSIFIED_DOCUMENT("77", 400, "Văn bản có dấu chỉ độ mật (Mật, Tối mật, Tuyệt mật): trục liên thông chỉ nhận "
            + "văn bản không mật, văn bản mật phải gửi qua hệ thống dành riêng theo quy định bảo vệ bí mật nhà nước",
            "classified document (Mật, Tối mật, Tuyệt mật) refused: only non-classified documents cross the axis"),
    RETIREMENT_REFUSED("78", 409, "Không thể cho mã này thôi sử dụng với mã kế thừa đã chọn",
            "the code cannot be retired with this successor"),
    PACKET_UNAVAILABLE("80", 503, "Gói tin tạm thời không đọc được từ kho lưu trữ, vui lòng thử lại sau",
            "packet not readable from the payload store (is the shared store mounted on this node?)");

    private final String code;
    private final int httpStatus;
    private final String vietnamese;
    private final String english;

    GatewayError(String code, int httpStatus, String vietnamese, String english) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The ErrorCode on the wire. */
    public String code() {
        return code;
    }

    /** The HTTP status of plain REST answers (the VDXP-compatible API answers 200 with JSON, as the SDK expects). */
    public int httpStatus() {
        return httpStatus;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
