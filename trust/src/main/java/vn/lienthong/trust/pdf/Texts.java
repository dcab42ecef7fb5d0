package vn.lienthong.trust.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting shared by the messages: times as a Vietnamese reader expects them, and as ISO 8601. */
final class Texts {

    /** NĐ 30/2020: times are shown in Vietnam's time zone. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("HH:mm:ss 'ngày' dd/MM/yyyy")
            .withZone(VIETNAM);
    private static final DateTimeFormatter EN = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(VIETNAM);

    private Texts() {
    }

    static String vi(Instant instant) {
        return instant == null ? "(không rõ)" : VI.format(instant);
    }

    static String en(Instant instant) {
        return instant == null ? "(unknown)" : EN.format(instant);
    }
}
