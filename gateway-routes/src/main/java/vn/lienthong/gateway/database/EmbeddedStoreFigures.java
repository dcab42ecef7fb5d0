package vn.lienthong.gateway.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * What H2 says of its file (its {@code info.*} settings): how large the file is, how much of it is live, how often
 * a page was found in its cache. H2 writes each checkpoint as a new chunk at the end of the file and reuses a
 * chunk's space only once every page in it is dead; a busy gateway can so grow its file far beyond what it keeps,
 * and a database larger than the page cache reads (and decodes) its pages again and again. These figures are
 * how an operator of the embedded default sees either.
 */
final class EmbeddedStoreFigures {

    private final DataSource database;

    EmbeddedStoreFigures(DataSource database) {
        this.database = database;
    }

    /** The database file's size in bytes. */
    double fileBytes() {
        return number("info.FILE_SIZE");
    }

    /** Bytes written to the file since the database was opened: per document, what a document costs the disk. */
    double writtenBytes() {
        return number("info.FILE_WRITE_BYTES");
    }

    /** The share of the file's chunks that is live data, 0 to 1. */
    double liveShare() {
        return number("info.CHUNKS_FILL_RATE") / 100;
    }

    /** The share of page reads the cache answered, 0 to 1. */
    double cacheHitShare() {
        return number("info.CACHE_HIT_RATIO") / 100;
    }

    /** The page cache's size in bytes. */
    double cacheBytes() {
        return number("info.CACHE_MAX_SIZE") * 1024 * 1024;
    }

    /** The named figure, or NaN (a gap in the graph) when the database cannot say. */
    private double number(String name) {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Double.parseDouble(row.getString(1).replace("%", "").trim()) : Double.NaN;
            }
        } catch (SQLException | NumberFormatException e) {
            return Double.NaN;
        }
    }
}
