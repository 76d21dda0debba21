package dev.autogen.dsl;

import dev.autogen.sql.Dialect;
import java.util.EnumMap;
import java.util.Map;

/**
 * One SQL statement spelled per dialect, for {@link SchemaChanges#execute(DialectSql)}:
 * {@code sql().postgres("update users set slug = lower(name)").sqlite("update users set slug = lower(name)")}. Give
 * every dialect the migration runs on; an empty string says "nothing to do there" explicitly.
 */
public final class DialectSql {
    private final Map<Dialect, String> variants = new EnumMap<>(Dialect.class);

    DialectSql() {
    }

    public DialectSql postgres(String sql) {
        return put(Dialect.POSTGRESQL, sql);
    }

    public DialectSql sqlite(String sql) {
        return put(Dialect.SQLITE, sql);
    }

    public DialectSql mariadb(String sql) {
        return put(Dialect.MARIADB, sql);
    }

    /** The same statement on every dialect without its own variant (a later {@code postgres}/{@code sqlite}/{@code mariadb} call still wins). */
    public DialectSql otherwise(String sql) {
        for (Dialect dialect : Dialect.values()) {
            variants.putIfAbsent(dialect, sql);
        }
        return this;
    }

    Map<Dialect, String> variants() {
        return Map.copyOf(variants);
    }

    private DialectSql put(Dialect dialect, String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("SQL for " + dialect.displayName() + " is null: pass \"\" for none");
        }
        variants.put(dialect, sql);
        return this;
    }
}
