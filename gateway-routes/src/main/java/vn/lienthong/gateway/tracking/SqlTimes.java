package vn.lienthong.gateway.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the gateway's tables hold time: {@code TIMESTAMP WITH TIME ZONE} written in UTC and read back as an
 * {@link Instant}, the same on H2 and PostgreSQL. Every store reads and writes its times through these.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** A column's time; null when the column is. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    /** A column's time by its position; null when the column is. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    /** An instant as the value of a time parameter. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Now, as the value of a time parameter. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
