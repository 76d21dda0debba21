package dev.autogen.sql.mariadb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session settings every autogen connection to MariaDB runs with. {@code ANSI_QUOTES}: the version tables'
 * statements, check expressions and raw SQL written for PostgreSQL quote identifiers with double quotes, which
 * MariaDB otherwise reads as strings (a check on {@code "age"} would compare a string and pass silently). No
 * {@code NO_BACKSLASH_ESCAPES}: {@link dev.autogen.sql.SqlText} writes MariaDB literals with backslash escapes. The
 * time zone is UTC, so {@code timestamp} columns read and write instants unchanged.
 */
public final class MariadbSession {
    private MariadbSession() {
    }

    public static void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set session sql_mode = trim(both ',' from replace(concat(',', @@sql_mode, ',ANSI_QUOTES,'),"
                    + " ',NO_BACKSLASH_ESCAPES,', ','))");
            st.execute("set session time_zone = '+00:00'");
        }
    }
}
