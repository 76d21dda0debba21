package dev.autogen.sql.sqlite;

import java.util.List;
import java.util.Objects;

/**
 * A constraint as written in a {@code CREATE TABLE} statement. SQLite's pragmas report keys, uniques and foreign keys
 * but neither their names nor any check constraint, so those come from the statement text.
 *
 * @param name        the name given with {@code CONSTRAINT name}, or null when unnamed
 * @param columns     the constrained columns (one for a column-level constraint; empty for a table-level check)
 * @param expression  the check's boolean expression without the {@code CHECK (...)} wrapper; null for other kinds
 * @param columnLevel whether it was written inside a column definition
 */
public record SqliteCreateTableConstraint(Kind kind, String name, List<String> columns, String expression,
                                          boolean columnLevel) {

    /** The kinds of constraint a {@code CREATE TABLE} can declare. */
    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK }

    public SqliteCreateTableConstraint {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
    }
}
