package dev.autogen.sql;

import java.util.Objects;

/**
 * One SQL statement a renderer produced.
 *
 * @param sql           the statement, without a trailing semicolon
 * @param transactional false for statements that cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY},
 *                      SQLite's {@code PRAGMA foreign_keys}); the migrator runs those in autocommit
 */
public record Statement(String sql, boolean transactional) {
    public Statement {
        Objects.requireNonNull(sql, "sql");
    }

    public static Statement of(String sql) {
        return new Statement(sql, true);
    }
}
