package dev.autogen.generator.jpa;

import dev.autogen.schema.ColumnType;
import java.util.Locale;
import org.hibernate.type.SqlTypes;

/**
 * Turns what Hibernate knows about a column (its {@link SqlTypes} code, the DDL type it would write, its declared
 * fractional-second precision) into a logical {@link ColumnType}.
 *
 * <p>{@link HibernateModelReader} always feeds this from a PostgreSQL boot model, whatever the target database:
 * PostgreSQL's types are the richest and map one to one onto the logical types, while the SQLite dialect has
 * already collapsed them (a {@code UUID} is code {@code BLOB}/{@code blob}, JSON is {@code LONG32VARCHAR}/{@code clob},
 * every timestamp is {@code timestamp} with no precision or zone). Reading types from the PostgreSQL model makes
 * the same entity give the same logical schema for both databases, so one migration serves both.
 */
final class LogicalTypes {

    /** Hibernate's default fractional-second precision for timestamps. */
    static final int DEFAULT_TIMESTAMP_PRECISION = 6;

    private LogicalTypes() {
    }

    /**
     * @param code              the column's {@link SqlTypes} code
     * @param sqlType           the DDL type Hibernate writes ({@code varchar(40)}, {@code timestamp(6) with time zone})
     * @param temporalPrecision the declared fractional-second precision, or null
     * @param declaredLength    the declared length ({@code Column.getLength()}: 255 under a bare {@code @Column}, null
     *                          with none), kept only for large objects, whose type on MariaDB depends on it
     */
    static ColumnType of(int code, String sqlType, Integer temporalPrecision, Long declaredLength) {
        String sql = sqlType.strip().toLowerCase(Locale.ROOT);
        return switch (code) {
            // the length comes from the DDL type: Column.getLength() says 255 for a Java char mapped to char(1)
            case SqlTypes.CHAR, SqlTypes.NCHAR, SqlTypes.VARCHAR, SqlTypes.NVARCHAR -> DeclaredTypes.parse(sqlType);
            case SqlTypes.LONGVARCHAR, SqlTypes.LONGNVARCHAR, SqlTypes.LONG32VARCHAR, SqlTypes.LONG32NVARCHAR ->
                    sql.startsWith("varchar") ? DeclaredTypes.parse(sqlType) : new ColumnType.Text();
            case SqlTypes.CLOB, SqlTypes.NCLOB, SqlTypes.MATERIALIZED_CLOB, SqlTypes.MATERIALIZED_NCLOB ->
                    sql.equals("text") ? new ColumnType.Text() : new ColumnType.LargeObject(true, declaredLength);
            case SqlTypes.BLOB, SqlTypes.MATERIALIZED_BLOB ->
                    sql.equals("bytea") ? new ColumnType.Binary() : new ColumnType.LargeObject(false, declaredLength);
            case SqlTypes.BINARY, SqlTypes.VARBINARY, SqlTypes.LONGVARBINARY, SqlTypes.LONG32VARBINARY ->
                    new ColumnType.Binary();
            // a PostgreSQL named enum: Hibernate writes the enum class's simple name unquoted, PostgreSQL folds it
            case SqlTypes.NAMED_ENUM -> new ColumnType.Native(sql);
            case SqlTypes.TINYINT -> new ColumnType.TinyInt();
            case SqlTypes.SMALLINT -> new ColumnType.SmallInt();
            case SqlTypes.INTEGER -> new ColumnType.IntegerType();
            case SqlTypes.BIGINT -> new ColumnType.BigInt();
            case SqlTypes.REAL -> new ColumnType.Real();
            case SqlTypes.FLOAT, SqlTypes.DOUBLE -> floating(sql);
            case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> DeclaredTypes.parse(sqlType);
            case SqlTypes.BOOLEAN, SqlTypes.BIT -> new ColumnType.BooleanType();
            case SqlTypes.DATE -> new ColumnType.Date();
            case SqlTypes.TIME, SqlTypes.TIME_WITH_TIMEZONE, SqlTypes.TIME_UTC -> new ColumnType.Time(
                    precision(sql, temporalPrecision, null), sql.contains("with time zone") || sql.startsWith("timetz"));
            case SqlTypes.TIMESTAMP, SqlTypes.TIMESTAMP_UTC, SqlTypes.TIMESTAMP_WITH_TIMEZONE -> new ColumnType.Timestamp(
                    precision(sql, temporalPrecision, DEFAULT_TIMESTAMP_PRECISION),
                    code != SqlTypes.TIMESTAMP || sql.contains("with time zone"));
            case SqlTypes.UUID -> sql.equals("uuid") ? new ColumnType.Uuid() : DeclaredTypes.parse(sqlType);
            case SqlTypes.JSON, SqlTypes.JSON_ARRAY -> sql.equals("json") || sql.equals("jsonb")
                    ? new ColumnType.Json(sql.equals("jsonb"))
                    : DeclaredTypes.parse(sqlType);
            case SqlTypes.ARRAY -> array(sqlType);
            default -> DeclaredTypes.parse(sqlType);
        };
    }

    private static ColumnType floating(String sql) {
        ColumnType parsed = DeclaredTypes.parse(sql);
        return parsed instanceof ColumnType.Real ? parsed : new ColumnType.DoublePrecision();
    }

    private static Integer precision(String sql, Integer declared, Integer fallback) {
        if (declared != null) {
            return declared;
        }
        ColumnType parsed = DeclaredTypes.parse(sql);
        Integer fromSql = null;
        if (parsed instanceof ColumnType.Timestamp t) {
            fromSql = t.precision();
        } else if (parsed instanceof ColumnType.Time t) {
            fromSql = t.precision();
        }
        return fromSql != null ? fromSql : fallback;
    }

    /** PostgreSQL writes arrays as {@code integer array} or {@code varchar(255) array}. */
    private static ColumnType array(String sqlType) {
        String sql = sqlType.strip();
        String lower = sql.toLowerCase(Locale.ROOT);
        String element = lower.endsWith(" array") ? sql.substring(0, sql.length() - " array".length())
                : lower.endsWith("[]") ? sql.substring(0, sql.length() - 2) : null;
        if (element == null) {
            return new ColumnType.Native(sql);
        }
        ColumnType parsed = DeclaredTypes.parse(element);
        return parsed instanceof ColumnType.Native ? new ColumnType.Native(sql) : new ColumnType.Array(parsed);
    }
}
