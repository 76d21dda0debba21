package dev.autogen.generator.catalog;

import dev.autogen.schema.ColumnType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code format_type(atttypid, atttypmod)} output back into a logical {@link ColumnType}. The contract is a
 * round trip through {@link dev.autogen.sql.postgres.PostgresTypes#sql}: for every logical type {@code V},
 * {@code sql(parse(sql(V)))} equals {@code sql(V)}, with two deliberate exceptions that follow PostgreSQL's own
 * semantics: a {@code time}/{@code timestamp} without a precision has PostgreSQL's default precision 6 (so it compares
 * equal to Hibernate's {@code timestamp(6)}), and {@code oid} reads as a binary {@code LargeObject} because the catalog
 * cannot tell a {@code @Lob} blob from a clob ({@code PostgresTypes} prints {@code oid} for both, so the differ sees no
 * difference). {@code smallint} reads as {@link ColumnType.SmallInt} (a {@code TinyInt} prints the same).
 */
final class PostgresTypeParser {
    private static final int DEFAULT_TIME_PRECISION = 6;
    private static final Pattern LENGTH = Pattern.compile("(character varying|character)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern TEMPORAL = Pattern.compile("(timestamp|time)(?:\\((\\d+)\\))? (with|without) time zone");

    private PostgresTypeParser() {
    }

    static ColumnType parse(String formatted) {
        String text = formatted.strip();
        if (text.endsWith("[]")) {
            return new ColumnType.Array(parse(text.substring(0, text.length() - 2)));
        }
        Matcher length = LENGTH.matcher(text);
        if (length.matches()) {
            int n = Integer.parseInt(length.group(2));
            return length.group(1).equals("character") ? new ColumnType.Char(n) : new ColumnType.Varchar(n);
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.matches()) {
            return new ColumnType.Numeric(Integer.valueOf(numeric.group(1)), Integer.valueOf(numeric.group(2)));
        }
        Matcher temporal = TEMPORAL.matcher(text);
        if (temporal.matches()) {
            int precision = temporal.group(2) == null ? DEFAULT_TIME_PRECISION : Integer.parseInt(temporal.group(2));
            boolean zone = temporal.group(3).equals("with");
            return temporal.group(1).equals("time") ? new ColumnType.Time(precision, zone)
                    : new ColumnType.Timestamp(precision, zone);
        }
        return switch (text) {
            case "text" -> new ColumnType.Text();
            case "smallint" -> new ColumnType.SmallInt();
            case "integer" -> new ColumnType.IntegerType();
            case "bigint" -> new ColumnType.BigInt();
            case "real" -> new ColumnType.Real();
            case "double precision" -> new ColumnType.DoublePrecision();
            case "numeric" -> new ColumnType.Numeric(null, null);
            case "boolean" -> new ColumnType.BooleanType();
            case "date" -> new ColumnType.Date();
            case "uuid" -> new ColumnType.Uuid();
            case "json" -> new ColumnType.Json(false);
            case "jsonb" -> new ColumnType.Json(true);
            case "bytea" -> new ColumnType.Binary();
            case "oid" -> new ColumnType.LargeObject(false);
            default -> new ColumnType.Native(text);
        };
    }
}
