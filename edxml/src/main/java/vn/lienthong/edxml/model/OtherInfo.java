package vn.lienthong.edxml.model;

import java.util.List;

/**
 * Priority (0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ), phạm vi lưu hành, ký hiệu người
 * soạn thảo, số bản, số trang, Direction and phụ lục. Values are kept as written; {@link #priorityLevel()} reads one.
 */
public record OtherInfo(String priority, String sphereOfPromulgation, String typerNotation,
                        String promulgationAmount, String pageAmount, String direction, List<String> appendixes) {

    public OtherInfo {
        appendixes = appendixes == null ? null : List.copyOf(appendixes);
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
