package dev.autogen.generator.jpa;

import dev.autogen.schema.ColumnType;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a type as written in DDL ({@code varchar(40)}, {@code numeric(10,2)}, {@code timestamp(3) with time zone},
 * {@code text}) into a logical {@link ColumnType}: used for an explicit {@code columnDefinition} and for the
 * PostgreSQL type strings Hibernate prints. What is not recognised stays {@link ColumnType.Native}, verbatim.
 */
final class DeclaredTypes {

    private static final Pattern SIZED = Pattern.compile(
            "([a-z][a-z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\))?\\s*((?:with|without) time zone)?");

    /**
     * Each spelling parsed once per process: a model of thousands of entities declares a few dozen distinct types,
     * and the pattern ran for every column of a cold check (ColumnType values are immutable records).
     */
    private static final Map<String, ColumnType> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 4_096;

    private DeclaredTypes() {
    }

    static ColumnType parse(String declared) {
        ColumnType known = PARSED.get(declared);
        if (known != null) {
            return known;
        }
        ColumnType parsed = parseAnew(declared);
        if (PARSED.size() < MAX_REMEMBERED) {
            PARSED.put(declared, parsed);
        }
        return parsed;
    }

    private static ColumnType parseAnew(String declared) {
        String sql = declared.strip();
        Matcher m = SIZED.matcher(sql.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return new ColumnType.Native(sql);
        }
        String base = m.group(1).strip();
        Integer size = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer scale = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean withZone = "with time zone".equals(m.group(4));
        boolean zoneless = m.group(4) == null;
        ColumnType type = switch (base) {
            case "varchar", "character varying", "nvarchar" -> size == null ? null : new ColumnType.Varchar(size);
            case "char", "character", "nchar", "bpchar" -> new ColumnType.Char(size == null ? 1 : size);
            case "text", "clob" -> scalar(size, new ColumnType.Text());
            case "tinyint" -> scalar(size, new ColumnType.TinyInt());
            case "smallint", "int2" -> scalar(size, new ColumnType.SmallInt());
            case "integer", "int", "int4" -> scalar(size, new ColumnType.IntegerType());
            case "bigint", "int8" -> scalar(size, new ColumnType.BigInt());
            case "real", "float4" -> scalar(size, new ColumnType.Real());
            case "double precision", "float8", "double" -> scalar(size, new ColumnType.DoublePrecision());
            case "float" -> size != null && size <= 24 ? new ColumnType.Real() : new ColumnType.DoublePrecision();
            case "numeric", "decimal" -> new ColumnType.Numeric(size, size == null ? null : scale == null ? 0 : scale);
            case "boolean", "bool" -> scalar(size, new ColumnType.BooleanType());
            case "date" -> scalar(size, new ColumnType.Date());
            case "time" -> new ColumnType.Time(size, withZone);
            case "timetz" -> zoneless ? new ColumnType.Time(size, true) : null;
            case "timestamp" -> new ColumnType.Timestamp(size, withZone);
            case "timestamptz" -> zoneless ? new ColumnType.Timestamp(size, true) : null;
            case "uuid" -> scalar(size, new ColumnType.Uuid());
            case "json" -> scalar(size, new ColumnType.Json(false));
            case "jsonb" -> scalar(size, new ColumnType.Json(true));
            case "bytea", "blob" -> scalar(size, new ColumnType.Binary());
            default -> null;
        };
        boolean zoneAllowed = type instanceof ColumnType.Time || type instanceof ColumnType.Timestamp;
        if (type == null || (!zoneless && !zoneAllowed) || (scale != null && !(type instanceof ColumnType.Numeric))) {
            return new ColumnType.Native(sql);
        }
        return type;
    }

    /** {@code type} when the declaration had no size (a sized {@code integer(10)} is not understood: native). */
    private static ColumnType scalar(Integer size, ColumnType type) {
        return size == null ? type : null;
    }
}
