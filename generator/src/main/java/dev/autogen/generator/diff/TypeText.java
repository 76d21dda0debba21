package dev.autogen.generator.diff;

import dev.autogen.schema.ColumnType;

/**
 * The compact spelling of a logical type in {@link OperationText} lines: PostgreSQL's names, shortened
 * ({@code varchar(20)}, {@code char(2)}, {@code timestamptz(6)}, {@code timetz}, {@code double}, {@code bytea}), plus
 * names for the logical types PostgreSQL folds into others ({@code tinyint}, {@code blob}/{@code clob} for large
 * objects). It names the logical type, not a dialect's rendering, so a line says what the entity asked for on every
 * dialect. A native type is written as {@code native(...)} around its verbatim SQL, so it is never mistaken for the
 * logical type of the same name.
 */
public final class TypeText {

    private TypeText() {
    }

    public static String of(ColumnType type) {
        return switch (type) {
            case ColumnType.Varchar v -> "varchar(" + v.length() + ")";
            case ColumnType.Char c -> "char(" + c.length() + ")";
            case ColumnType.Text t -> "text";
            case ColumnType.TinyInt t -> "tinyint";
            case ColumnType.SmallInt s -> "smallint";
            case ColumnType.IntegerType i -> "integer";
            case ColumnType.BigInt b -> "bigint";
            case ColumnType.Real r -> "real";
            case ColumnType.DoublePrecision d -> "double";
            case ColumnType.Numeric n when n.precision() == null -> "numeric";
            case ColumnType.Numeric n -> "numeric(" + n.precision() + "," + (n.scale() == null ? 0 : n.scale()) + ")";
            case ColumnType.BooleanType b -> "boolean";
            case ColumnType.Date d -> "date";
            case ColumnType.Time t -> (t.withTimeZone() ? "timetz" : "time") + precision(t.precision());
            case ColumnType.Timestamp t -> (t.withTimeZone() ? "timestamptz" : "timestamp") + precision(t.precision());
            case ColumnType.Uuid u -> "uuid";
            case ColumnType.Json j -> j.binary() ? "jsonb" : "json";
            case ColumnType.Binary b -> "bytea";
            case ColumnType.LargeObject l -> (l.character() ? "clob" : "blob")
                    + (l.length() == null ? "" : "(" + l.length() + ")");
            case ColumnType.Array a -> of(a.element()) + "[]";
            case ColumnType.Native n -> "native(" + n.sql().strip().replaceAll("\\s+", " ") + ")";
        };
    }

    private static String precision(Integer precision) {
        return precision == null ? "" : "(" + precision + ")";
    }
}
