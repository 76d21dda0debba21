package dev.autogen.op;

import java.util.Objects;

/**
 * Raw SQL written by hand in a migration (a data fix, something autogen does not model). Opaque to the interpreter,
 * and irreversible unless {@code reverseSql} is given.
 *
 * @param sql        the statement
 * @param reverseSql the statement that undoes it, or null
 */
public record ExecuteSql(String sql, String reverseSql) implements Operation {
    public ExecuteSql {
        Objects.requireNonNull(sql, "sql");
    }

    @Override
    public Operation reverse() {
        if (reverseSql == null) {
            throw new IrreversibleOperationException("raw SQL has no reverse: " + sql);
        }
        return new ExecuteSql(reverseSql, sql);
    }
}
