package vn.lienthong.trust.classification;

import java.util.Optional;

/**
 * The three marks of a state secret's degree (độ mật) that NĐ 30/2020 Phụ lục I (box 10a) stamps near the top of
 * a document's first page. A document that carries one never crosses the gateway.
 */
public enum ClassificationMark {
    TUYET_MAT("TUYỆT MẬT"),
    TOI_MAT("TỐI MẬT"),
    MAT("MẬT");

    private final String text;

    ClassificationMark(String text) {
        this.text = text;
    }

    /** The mark as stamped: capitals, Vietnamese (NFC). */
    public String text() {
        return text;
    }

    /** The mark whose text is exactly {@code segment} (capitals, NFC, single spaces), if any. */
    public static Optional<ClassificationMark> exactly(String segment) {
        for (ClassificationMark mark : values()) {
            if (mark.text.equals(segment)) {
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }
}
