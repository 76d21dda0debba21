package dev.autogen.sql.sqlite;

import dev.autogen.schema.ColumnType;

/**
 * How SQLite declares each logical type: the names Hibernate's community SQLite dialect uses, so that Hibernate's
 * own validation recognises the columns. SQLite keeps no time zone, timestamp precision, UUID or JSON type; those
 * collapse to {@code timestamp}, {@code blob} and {@code clob}, and the differ compares types in this collapsed form.
 */
public final class SqliteTypes {
    private SqliteTypes() {
    }

    public static String sql(ColumnType type) {
        return switch (type) {
            case ColumnType.Varchar v -> "varchar(" + v.length() + ")";
            case ColumnType.Char c -> "char(" + c.length() + ")";
            case ColumnType.Text t -> "text";
            case ColumnType.TinyInt t -> "tinyint";
            case ColumnType.SmallInt s -> "smallint";
            case ColumnType.IntegerType i -> "integer";
            case ColumnType.BigInt b -> "bigint";
            case ColumnType.Real r -> "float";
            case ColumnType.DoublePrecision d -> "float";
            case ColumnType.Numeric n when n.precision() == null -> "numeric";
            case ColumnType.Numeric n -> "numeric(" + n.precision() + "," + (n.scale() == null ? 0 : n.scale()) + ")";
            case ColumnType.BooleanType b -> "boolean";
            case ColumnType.Date d -> "date";
            case ColumnType.Time t -> t.precision() == null ? "time" : "time(" + t.precision() + ")";
            case ColumnType.Timestamp t -> "timestamp";
            case ColumnType.Uuid u -> "blob";
            case ColumnType.Json j -> "clob";
            case ColumnType.Binary b -> "blob";
            case ColumnType.LargeObject l -> l.character() ? "clob" : "blob";
            case ColumnType.Array a -> "blob";
            case ColumnType.Native n -> n.sql();
        };
    }
}
