package dev.autogen.sql.postgres;

import dev.autogen.schema.ColumnType;

/**
 * How PostgreSQL spells each logical type, in the form {@code format_type()} prints it, so that a type rendered for a
 * migration and a type read back from {@code pg_catalog} compare equal as strings.
 */
public final class PostgresTypes {
    private PostgresTypes() {
    }

    public static String sql(ColumnType type) {
        return switch (type) {
            case ColumnType.Varchar v -> "character varying(" + v.length() + ")";
            case ColumnType.Char c -> "character(" + c.length() + ")";
            case ColumnType.Text t -> "text";
            case ColumnType.TinyInt t -> "smallint";
            case ColumnType.SmallInt s -> "smallint";
            case ColumnType.IntegerType i -> "integer";
            case ColumnType.BigInt b -> "bigint";
            case ColumnType.Real r -> "real";
            case ColumnType.DoublePrecision d -> "double precision";
            case ColumnType.Numeric n when n.precision() == null -> "numeric";
            case ColumnType.Numeric n -> "numeric(" + n.precision() + "," + (n.scale() == null ? 0 : n.scale()) + ")";
            case ColumnType.BooleanType b -> "boolean";
            case ColumnType.Date d -> "date";
            case ColumnType.Time t -> "time" + precision(t.precision()) + zone(t.withTimeZone());
            case ColumnType.Timestamp t -> "timestamp" + precision(t.precision()) + zone(t.withTimeZone());
            case ColumnType.Uuid u -> "uuid";
            case ColumnType.Json j -> j.binary() ? "jsonb" : "json";
            case ColumnType.Binary b -> "bytea";
            case ColumnType.LargeObject l -> "oid";
            case ColumnType.Array a -> sql(a.element()) + "[]";
            case ColumnType.Native n -> n.sql();
        };
    }

    private static String precision(Integer precision) {
        return precision == null ? "" : "(" + precision + ")";
    }

    private static String zone(boolean withTimeZone) {
        return withTimeZone ? " with time zone" : " without time zone";
    }
}
