package vn.lienthong.edxml.model;

import java.util.List;

/**
 * Priority (0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ), phạm vi lưu hành, ký hiệu người
 * soạn thảo, số bản, số trang, Direction and phụ lục. Values are kept as written; {@link #priorityLevel()} reads one.
 *
 * <p>{@code classification} is this project's extension (edXML has no field for độ mật): the element
 * {@code Classification} in the namespace {@link vn.lienthong.edxml.Edxml#LIENTHONG_NAMESPACE}, inside
 * {@code OtherInfo}, which a sending system may set to {@code KHÔNG MẬT} or to the mark of a classified document
 * ({@code MẬT}, {@code TỐI MẬT}, {@code TUYỆT MẬT}); null when absent.
 */
public record OtherInfo(String priority, String sphereOfPromulgation, String typerNotation,
                        String promulgationAmount, String pageAmount, String direction, List<String> appendixes,
                        String classification) {

    public OtherInfo {
        appendixes = appendixes == null ? null : List.copyOf(appendixes);
    }

    public OtherInfo(String priority, String sphereOfPromulgation, String typerNotation, String promulgationAmount,
                     String pageAmount, String direction, List<String> appendixes) {
        this(priority, sphereOfPromulgation, typerNotation, promulgationAmount, pageAmount, direction, appendixes, null);
    }

    /** The priority as a number, 0 when absent or unreadable (validation reports the latter). */
    public int priorityLevel() {
        if (priority == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(priority.trim());
            return value >= 0 && value <= 4 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
