package dev.autogen.sql.sqlite;

import dev.autogen.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a declared SQLite column type back into a logical {@link ColumnType}. SQLite keeps the declared text verbatim
 * (PRAGMA upper-cases exact standard names), so parsing is case-insensitive. The contract is a round trip through
 * {@link SqliteTypes#sql}: for every logical type {@code V}, {@code sql(parse(sql(V)))} equals {@code sql(V)}. Where
 * SQLite has collapsed several logical types into one declaration, one representative is chosen: {@code blob} is
 * {@link ColumnType.Binary}, {@code clob} is {@link ColumnType.LargeObject} (character), {@code float} is
 * {@link ColumnType.DoublePrecision}, {@code timestamp} is {@link ColumnType.Timestamp} with no precision and no time
 * zone. A column declared with no type at all has BLOB affinity and is read as {@link ColumnType.Binary}.
 */
public final class SqliteSchemaTypes {
    private static final Pattern NAME_AND_ARGUMENTS =
            Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    private SqliteSchemaTypes() {
    }

    public static ColumnType parse(String declared) {
        String text = declared == null ? "" : declared.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return new ColumnType.Binary();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = NAME_AND_ARGUMENTS.matcher(lower);
        if (!m.matches()) {
            return new ColumnType.Native(lower);
        }
        String name = m.group(1).strip();
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean noArguments = first == null;
        ColumnType type = switch (name) {
            case "varchar", "character varying" -> first != null && second == null ? new ColumnType.Varchar(first) : null;
            case "char", "character" -> first != null && second == null ? new ColumnType.Char(first) : null;
            case "text" -> noArguments ? new ColumnType.Text() : null;
            case "clob" -> noArguments ? new ColumnType.LargeObject(true) : null;
            case "blob" -> noArguments ? new ColumnType.Binary() : null;
            case "tinyint" -> noArguments ? new ColumnType.TinyInt() : null;
            case "smallint" -> noArguments ? new ColumnType.SmallInt() : null;
            case "integer", "int" -> noArguments ? new ColumnType.IntegerType() : null;
            case "bigint" -> noArguments ? new ColumnType.BigInt() : null;
            case "float", "double", "double precision" -> noArguments ? new ColumnType.DoublePrecision() : null;
            case "numeric", "decimal" -> new ColumnType.Numeric(first, first == null ? null : second == null ? 0 : second);
            case "boolean" -> noArguments ? new ColumnType.BooleanType() : null;
            case "date" -> noArguments ? new ColumnType.Date() : null;
            case "time" -> second == null ? new ColumnType.Time(first, false) : null;
            case "timestamp" -> second == null ? new ColumnType.Timestamp(first, false) : null;
            default -> null;
        };
        return type != null ? type : new ColumnType.Native(lower);
    }
}
