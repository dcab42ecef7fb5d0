package vn.lienthong.gateway.database;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;

/** A real H2 file database for the database tests: {@code base} (H2 adds {@code .mv.db}) with these settings. */
final class H2File {

    private H2File() {
    }

    /** @param settings H2 URL settings after the path, each with its leading {@code ;} (or empty) */
    static JdbcDataSource at(Path base, String settings) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + base.toAbsolutePath() + settings);
        h2.setUser("sa");
        return h2;
    }
}
