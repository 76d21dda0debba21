package dev.autogen.generator.catalog;

import dev.autogen.schema.ColumnType;
import dev.autogen.sql.mariadb.MariadbTypes;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code information_schema.columns.column_type} back into a logical type: integer display widths
 * ({@code int(11)}) are dropped, {@code bit(1)} is a boolean, {@code datetime(p)} a timestamp and {@code timestamp(p)}
 * one with time zone (as Hibernate's MariaDB dialect maps them), {@code tinytext} to {@code mediumtext} (and the
 * blobs) large objects of the largest length each holds. Anything else (unsigned, {@code enum(...)}) stays as the
 * database spells it ({@link ColumnType.Native}).
 */
final class MariadbTypeParser {
    private static final Pattern TYPE = Pattern.compile("([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?");

    private MariadbTypeParser() {
    }

    static ColumnType parse(String columnType) {
        String spelled = columnType.strip().toLowerCase(Locale.ROOT);
        if (spelled.startsWith("enum(")) {
            // a native enum keeps its values' case: they are the Java constants' names
            return new ColumnType.Native("enum" + columnType.strip().substring("enum".length()));
        }
        Matcher m = TYPE.matcher(spelled);
        if (!m.matches()) {
            return new ColumnType.Native(spelled);
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return switch (m.group(1)) {
            case "varchar" -> first == null ? new ColumnType.Native(spelled) : new ColumnType.Varchar(first);
            case "char" -> first == null ? new ColumnType.Native(spelled) : new ColumnType.Char(first);
            case "longtext" -> new ColumnType.Text();
            case "tinyint" -> new ColumnType.TinyInt();
            case "smallint" -> new ColumnType.SmallInt();
            case "int" -> new ColumnType.IntegerType();
            case "bigint" -> new ColumnType.BigInt();
            case "float" -> new ColumnType.Real();
            case "double" -> new ColumnType.DoublePrecision();
            case "decimal" -> new ColumnType.Numeric(first, second == null ? 0 : second);
            case "bit" -> first != null && first == 1 ? new ColumnType.BooleanType() : new ColumnType.Native(spelled);
            case "date" -> new ColumnType.Date();
            case "time" -> new ColumnType.Time(first == null ? 0 : first, false);
            case "datetime" -> new ColumnType.Timestamp(first == null ? 0 : first, false);
            case "timestamp" -> new ColumnType.Timestamp(first == null ? 0 : first, true);
            case "uuid" -> new ColumnType.Uuid();
            case "longblob" -> new ColumnType.Binary();
            // the largest length each holds: the types Hibernate's MariaDB dialect picks for a @Lob of that length
            case "tinytext" -> new ColumnType.LargeObject(true, MariadbTypes.TINY_LOB);
            case "text" -> first == null ? new ColumnType.LargeObject(true, MariadbTypes.LOB) : new ColumnType.Native(spelled);
            case "mediumtext" -> new ColumnType.LargeObject(true, MariadbTypes.MEDIUM_LOB);
            case "tinyblob" -> new ColumnType.LargeObject(false, MariadbTypes.TINY_LOB);
            case "blob" -> first == null ? new ColumnType.LargeObject(false, MariadbTypes.LOB) : new ColumnType.Native(spelled);
            case "mediumblob" -> new ColumnType.LargeObject(false, MariadbTypes.MEDIUM_LOB);
            default -> new ColumnType.Native(spelled);
        };
    }
}
