package vn.lienthong.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The operator API's times (ISO-8601 UTC) shown in Vietnam time, and search bounds read from the user. */
final class Times {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(VIETNAM);

    private Times() {
    }

    /** "2026-11-21T10:15:00Z" as "2026-11-21 17:15:00" (Vietnam time); anything else as it came. */
    static String show(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "";
        }
        try {
            return SHOWN.format(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * A search bound as the API takes it (an ISO instant). Accepted: an instant with its offset
     * ({@code 2026-11-21T03:00:00Z}), a Vietnam local time ({@code 2026-11-21T10:00} or {@code 2026-11-21 10:00}),
     * or a day ({@code 2026-11-21}): from its start, or, as an upper bound, to its end.
     */
    static String bound(String value, boolean upper) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant().toString();
        } catch (DateTimeParseException ignored) {
            // not an instant with an offset
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(VIETNAM).toInstant().toString();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            LocalDate day = LocalDate.parse(text);
            Instant start = (upper ? day.plusDays(1) : day).atStartOfDay(VIETNAM).toInstant();
            return (upper ? start.minusMillis(1) : start).toString();
        } catch (DateTimeParseException e) {
            throw new CliException(LienthongCli.EXIT_USAGE, "Thời gian không hợp lệ (bad time) '" + value
                    + "': dùng (use) 2026-11-21, 2026-11-21T10:00 (giờ Việt Nam) hoặc (or) 2026-11-21T03:00:00Z");
        }
    }
}
