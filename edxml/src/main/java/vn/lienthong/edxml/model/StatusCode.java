package vn.lienthong.edxml.model;

import java.util.Optional;

/**
 * The nine business status codes of the national axis. 13 is the original sender's take-back request; the
 * others are the receiver's answers (15 and 16 answer an update or a take-back).
 */
public enum StatusCode {
    ARRIVED("01", Issuer.RECEIVER, "Đã đến"),
    REJECTED("02", Issuer.RECEIVER, "Từ chối tiếp nhận"),
    ACCEPTED("03", Issuer.RECEIVER, "Đã tiếp nhận"),
    ASSIGNED("04", Issuer.RECEIVER, "Phân công xử lý"),
    PROCESSING("05", Issuer.RECEIVER, "Đang xử lý"),
    FINISHED("06", Issuer.RECEIVER, "Hoàn thành"),
    TAKE_BACK_REQUESTED("13", Issuer.SENDER, "Yêu cầu lấy lại văn bản"),
    CHANGE_ACCEPTED("15", Issuer.RECEIVER, "Đồng ý yêu cầu cập nhật, lấy lại"),
    CHANGE_REJECTED("16", Issuer.RECEIVER, "Từ chối yêu cầu cập nhật, lấy lại");

    /** Which party of the original document may send a code. */
    public enum Issuer { SENDER, RECEIVER }

    private final String code;
    private final Issuer issuer;
    private final String label;

    StatusCode(String code, Issuer issuer, String label) {
        this.code = code;
        this.issuer = issuer;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public Issuer issuer() {
        return issuer;
    }

    /** The Vietnamese name of the status. */
    public String label() {
        return label;
    }

    public static Optional<StatusCode> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        for (StatusCode value : values()) {
            if (value.code.equals(trimmed)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
