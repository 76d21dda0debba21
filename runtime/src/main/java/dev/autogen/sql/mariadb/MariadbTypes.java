package dev.autogen.sql.mariadb;

import dev.autogen.schema.ColumnType;

/**
 * How MariaDB declares each logical type: the names Hibernate's own MariaDB dialect uses (so its validation accepts
 * the columns), in the form {@code information_schema.columns.column_type} prints them once the catalog reader has
 * dropped integer display widths. MariaDB keeps no time zone: a timestamp with time zone is {@code timestamp(p)} (kept
 * in UTC), one without {@code datetime(p)}, as Hibernate maps them. JSON is MariaDB's {@code json}, an alias of
 * {@code longtext} with a {@code json_valid} check that the catalog reader folds back into {@code json}. Arrays have
 * no MariaDB type; Hibernate stores them as JSON, and so does autogen.
 */
public final class MariadbTypes {
    /** The largest length, in bytes, of {@code tinytext}/{@code tinyblob}, of {@code text}/{@code blob}, of {@code medium…}. */
    public static final long TINY_LOB = 255;
    public static final long LOB = 65_535;
    public static final long MEDIUM_LOB = 16_777_215;

    private MariadbTypes() {
    }

    public static String sql(ColumnType type) {
        return switch (type) {
            case ColumnType.Varchar v -> "varchar(" + v.length() + ")";
            case ColumnType.Char c -> "char(" + c.length() + ")";
            case ColumnType.Text t -> "longtext";
            case ColumnType.TinyInt t -> "tinyint";
            case ColumnType.SmallInt s -> "smallint";
            case ColumnType.IntegerType i -> "int";
            case ColumnType.BigInt b -> "bigint";
            case ColumnType.Real r -> "float";
            case ColumnType.DoublePrecision d -> "double";
            case ColumnType.Numeric n when n.precision() == null -> "decimal(65,30)";
            case ColumnType.Numeric n -> "decimal(" + n.precision() + "," + (n.scale() == null ? 0 : n.scale()) + ")";
            case ColumnType.BooleanType b -> "bit(1)";
            case ColumnType.Date d -> "date";
            case ColumnType.Time t -> "time" + precision(t.precision());
            case ColumnType.Timestamp t -> (t.withTimeZone() ? "timestamp" : "datetime") + precision(t.precision());
            case ColumnType.Uuid u -> "uuid";
            case ColumnType.Json j -> "json";
            case ColumnType.Binary b -> "longblob";
            case ColumnType.LargeObject l -> largeObject(l);
            case ColumnType.Array a -> "json";
            case ColumnType.Native n -> n.sql();
        };
    }

    /**
     * MariaDB's native enum type over {@code values}, in the order given, spelled as
     * {@code information_schema.columns.column_type} prints it ({@code enum('FREE','PRO')}, no spaces), so that a
     * column created from it reads back equal. The values are literals written by {@link dev.autogen.sql.SqlText}.
     */
    public static String enumSql(java.util.List<String> values) {
        return "enum(" + String.join(",", values.stream().map(MariadbTableDdl::literal).toList()) + ")";
    }

    /**
     * The values of a native enum spelled as {@link #enumSql} spells it (each still quoted), or empty for any other
     * type. Values are split at {@code ','}, which a value holding a quote and a comma would confuse; enum values
     * from Java constants cannot.
     */
    public static java.util.Optional<java.util.List<String>> enumValues(ColumnType type) {
        if (!(type instanceof ColumnType.Native(String sql)) || !sql.startsWith("enum(") || !sql.endsWith(")")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.List.of(sql.substring(5, sql.length() - 1).split("(?<='),(?=')")));
    }

    /**
     * The smallest text or blob type that holds the declared length, with Hibernate's MariaDB dialect's limits (its
     * {@code CapacityDependentDdlType}s for {@code CLOB} and {@code BLOB}); no length is Hibernate's default LOB length
     * on MariaDB, {@code Integer.MAX_VALUE}, hence {@code long…}.
     */
    private static String largeObject(ColumnType.LargeObject lob) {
        long length = lob.length() == null ? Long.MAX_VALUE : lob.length();
        String size = length <= TINY_LOB ? "tiny" : length <= LOB ? "" : length <= MEDIUM_LOB ? "medium" : "long";
        return size + (lob.character() ? "text" : "blob");
    }

    /** MariaDB's precision is 0 to 6; a missing one is Hibernate's default for these types, 6. */
    private static String precision(Integer precision) {
        return "(" + (precision == null ? 6 : Math.min(precision, 6)) + ")";
    }
}
