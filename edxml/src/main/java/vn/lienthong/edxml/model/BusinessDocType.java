package vn.lienthong.edxml.model;

import java.util.Optional;

/** BussinessDocType values of QCVN 102:2016. */
public enum BusinessDocType {
    NEW("0", "Văn bản điện tử mới"),
    REVOCATION("1", "Thu hồi văn bản điện tử"),
    UPDATE("2", "Cập nhật văn bản điện tử"),
    REPLACEMENT("3", "Văn bản thay thế");

    private final String code;
    private final String reason;

    BusinessDocType(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    /** The reason text the official SDK writes for this kind. */
    public String defaultReason() {
        return reason;
    }

    public static Optional<BusinessDocType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        for (BusinessDocType value : values()) {
            if (value.code.equals(trimmed)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
