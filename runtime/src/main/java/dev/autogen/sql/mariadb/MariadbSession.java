package dev.autogen.sql.mariadb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

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

    /** The settings, as statements: run on every connection, and written at the top of offline scripts. */
    public static final List<String> SETTINGS = List.of(
            "set session sql_mode = trim(both ',' from replace(concat(',', @@sql_mode, ',ANSI_QUOTES,'),"
                    + " ',NO_BACKSLASH_ESCAPES,', ','))",
            "set session time_zone = '+00:00'");

    /**
     * Checks the server ({@link MariadbServer}: MariaDB 10.11+, never MySQL) and applies {@link #SETTINGS}.
     *
     * @throws SQLException naming the problem when the server is not one autogen runs on
     */
    public static void prepare(Connection c) throws SQLException {
        // the version the server sent in its handshake: no round trip
        Optional<String> refusal = MariadbServer.refusal(c.getMetaData().getDatabaseProductVersion());
        if (refusal.isPresent()) {
            throw new SQLException(refusal.get());
        }
        try (Statement st = c.createStatement()) {
            for (String setting : SETTINGS) {
                st.execute(setting);
            }
        }
    }
}
