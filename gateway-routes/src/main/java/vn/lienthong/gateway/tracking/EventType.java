package vn.lienthong.gateway.tracking;

/** The kinds of state change the tracking store records, with the words the console shows. */
public enum EventType {
    ACCEPTED("Đã tiếp nhận gói tin", true),
    DUPLICATE("Gói tin gửi lại, đã có"),
    LINKED("Liên kết với văn bản gốc"),
    QUEUED("Đã đưa vào hàng đợi"),
    AVAILABLE("Sẵn sàng trong hộp thư đến"),
    PUSH_FAILED("Chuyển không thành công, sẽ thử lại"),
    DELIVERED("Đã chuyển đến đơn vị nhận", true),
    PROCESSING("Đơn vị nhận đang xử lý", true),
    REJECTED("Đơn vị nhận báo lỗi khi nhận", true),
    FAILED("Chuyển thất bại sau nhiều lần thử"),
    RESENT("Gửi lại theo yêu cầu của quản trị viên"),
    HELD("Tạm giữ: đơn vị nhận đang tạm dừng nhận"),
    RELEASED("Tiếp tục chuyển sau khi đơn vị được mở lại"),
    STATUS("Nhận trạng thái xử lý"),
    REDIRECTED("Mã đơn vị nhận đã thôi sử dụng: chuyển cho đơn vị kế thừa"),
    REFUSED_CLASSIFIED("Từ chối văn bản mật (không lưu nội dung)"),
    PURGED("Đã xóa gói tin sau thời hạn lưu trữ (giữ thông tin và chứng cứ)"),
    FORWARDED("Đã chuyển sang trục liên kết"),

    /** An operator's change through the operator API (actor: the operator's login; detail: method and path). */
    OPERATOR_ACTION("Thao tác của quản trị viên");

    private final String label;
    private final boolean evidence;

    EventType(String label) {
        this(label, false);
    }

    EventType(String label, boolean evidence) {
        this.label = label;
        this.evidence = evidence;
    }

    /**
     * Whether the gateway issues signed evidence for it: ACCEPTED (one record per recipient, and STATUS when
     * the packet is a status), DELIVERED, PROCESSING and REJECTED (the recipient's acknowledgements, processing
     * or fail: ACKNOWLEDGED).
     */
    public boolean owesEvidence() {
        return evidence;
    }

    public String label() {
        return label;
    }
}
