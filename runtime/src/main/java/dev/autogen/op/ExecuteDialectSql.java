package dev.autogen.op;

import dev.autogen.sql.Dialect;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Raw SQL with one spelling per dialect ({@code schema.execute(sql().postgres("...").sqlite("..."))}), for a data
 * fix whose SQL differs between databases. Every dialect the migration runs on must have an entry; an empty string
 * means "nothing to do on this dialect" on purpose. Opaque to the interpreter, like {@link ExecuteSql}.
 *
 * @param sql        the statement per dialect (kept in dialect order, so {@code toString()} and the checksum are stable)
 * @param reverseSql the statements that undo it, per dialect, or null when irreversible
 */
public record ExecuteDialectSql(Map<Dialect, String> sql, Map<Dialect, String> reverseSql) implements Operation {
    public ExecuteDialectSql {
        sql = ordered(Objects.requireNonNull(sql, "sql"));
        reverseSql = reverseSql == null ? null : ordered(reverseSql);
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("execute(sql()) needs SQL for at least one dialect: "
                    + "sql().postgres(\"...\").sqlite(\"...\")");
        }
    }

    /**
     * The statement for {@code dialect}; empty when it was given as an empty string (nothing to run there).
     *
     * @throws IllegalStateException naming the missing variant when the migration gave none for {@code dialect}
     */
    public Optional<String> sqlFor(Dialect dialect) {
        String text = sql.get(dialect);
        if (text == null) {
            throw new IllegalStateException("execute(sql()...) has no SQL for " + dialect.displayName() + " ("
                    + sql.values().iterator().next().strip() + "): add ." + dslMethod(dialect)
                    + "(\"...\"), or ." + dslMethod(dialect) + "(\"\") when nothing is needed there");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    @Override
    public Operation reverse() {
        if (reverseSql == null) {
            throw new IrreversibleOperationException("raw SQL has no reverse: " + sql);
        }
        return new ExecuteDialectSql(reverseSql, sql);
    }

    /** The DSL method that gives {@code dialect}'s variant. */
    public static String dslMethod(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "postgres";
            case SQLITE -> "sqlite";
            case MARIADB -> "mariadb";
        };
    }

    private static Map<Dialect, String> ordered(Map<Dialect, String> variants) {
        var copy = new EnumMap<Dialect, String>(Dialect.class);
        variants.forEach((dialect, text) -> copy.put(Objects.requireNonNull(dialect, "dialect"),
                Objects.requireNonNull(text, "sql")));
        return Collections.unmodifiableMap(copy);
    }
}
