package dev.autogen.dsl;

import dev.autogen.schema.ColumnType;

/**
 * The static vocabulary generated migrations import ({@code import static dev.autogen.dsl.Dsl.*}): column types,
 * columns, tables, foreign keys and indexes. Every factory builds the same records the differ produces.
 */
public final class Dsl {
    private Dsl() {
    }

    public static ColumnSpec column(String name, ColumnType type) {
        return ColumnSpec.of(name, type);
    }

    public static TableSpec table(String name) {
        return new TableSpec(name);
    }

    public static ForeignKeySpec foreignKey(String name, String... columns) {
        return ForeignKeySpec.of(name, columns);
    }

    public static IndexSpec index(String name, String... columns) {
        return IndexSpec.of(name, columns);
    }

    /** Per-dialect raw SQL for {@code schema.execute(sql().postgres("...").sqlite("..."))}. */
    public static DialectSql sql() {
        return new DialectSql();
    }

    public static ColumnType varchar(int length) {
        return new ColumnType.Varchar(length);
    }

    public static ColumnType character(int length) {
        return new ColumnType.Char(length);
    }

    public static ColumnType text() {
        return new ColumnType.Text();
    }

    public static ColumnType tinyint() {
        return new ColumnType.TinyInt();
    }

    public static ColumnType smallint() {
        return new ColumnType.SmallInt();
    }

    public static ColumnType integer() {
        return new ColumnType.IntegerType();
    }

    public static ColumnType bigint() {
        return new ColumnType.BigInt();
    }

    public static ColumnType real() {
        return new ColumnType.Real();
    }

    public static ColumnType doublePrecision() {
        return new ColumnType.DoublePrecision();
    }

    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType.Numeric(precision, scale);
    }

    /** Unconstrained {@code numeric}. */
    public static ColumnType numeric() {
        return new ColumnType.Numeric(null, null);
    }

    /** {@code numeric(p)}: a precision without a scale (the database's default scale, 0). */
    public static ColumnType numeric(int precision) {
        return new ColumnType.Numeric(precision, null);
    }

    public static ColumnType bool() {
        return new ColumnType.BooleanType();
    }

    public static ColumnType date() {
        return new ColumnType.Date();
    }

    /** {@code time} at the database's default precision. */
    public static ColumnType time() {
        return new ColumnType.Time(null, false);
    }

    public static ColumnType time(int precision) {
        return new ColumnType.Time(precision, false);
    }

    /** {@code time with time zone} at the database's default precision. */
    public static ColumnType timeTz() {
        return new ColumnType.Time(null, true);
    }

    public static ColumnType timeTz(int precision) {
        return new ColumnType.Time(precision, true);
    }

    /** {@code timestamp} at the database's default precision. */
    public static ColumnType timestamp() {
        return new ColumnType.Timestamp(null, false);
    }

    public static ColumnType timestamp(int precision) {
        return new ColumnType.Timestamp(precision, false);
    }

    /** {@code timestamp with time zone} at the database's default precision. */
    public static ColumnType timestampTz() {
        return new ColumnType.Timestamp(null, true);
    }

    public static ColumnType timestampTz(int precision) {
        return new ColumnType.Timestamp(precision, true);
    }

    public static ColumnType uuid() {
        return new ColumnType.Uuid();
    }

    public static ColumnType json() {
        return new ColumnType.Json(false);
    }

    public static ColumnType jsonb() {
        return new ColumnType.Json(true);
    }

    public static ColumnType binary() {
        return new ColumnType.Binary();
    }

    /** {@code @Lob byte[]}: {@code oid} on PostgreSQL, {@code blob} on SQLite. */
    public static ColumnType blob() {
        return new ColumnType.LargeObject(false);
    }

    /** {@code @Lob byte[]} of a declared length: the length picks the type on MariaDB ({@code tinyblob} to 255). */
    public static ColumnType blob(long length) {
        return new ColumnType.LargeObject(false, length);
    }

    /** {@code @Lob String}: {@code oid} on PostgreSQL, {@code clob} on SQLite. */
    public static ColumnType clob() {
        return new ColumnType.LargeObject(true);
    }

    /** {@code @Lob String} of a declared length: the length picks the type on MariaDB ({@code tinytext} to 255). */
    public static ColumnType clob(long length) {
        return new ColumnType.LargeObject(true, length);
    }

    public static ColumnType array(ColumnType element) {
        return new ColumnType.Array(element);
    }

    /** A type written verbatim on every database. */
    public static ColumnType nativeType(String sql) {
        return new ColumnType.Native(sql);
    }
}
