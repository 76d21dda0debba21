package dev.autogen.hazard;

import dev.autogen.schema.ColumnType;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.mariadb.MariadbTypes;

/**
 * What a column type change does to existing values and storage: whether some values may no longer fit (narrowing),
 * and whether PostgreSQL rewrites the table for it. Kept apart from {@link Hazards}' switch so that the rules of type
 * compatibility have one home.
 */
public final class ColumnTypeChanges {
    private ColumnTypeChanges() {
    }

    /** True when the dialect spells both types the same (no type change at all on that database). */
    public static boolean sameSpelling(ColumnType from, ColumnType to, Dialect dialect) {
        DdlRenderer renderer = DdlRenderer.forDialect(dialect);
        return renderer.typeSql(from).equalsIgnoreCase(renderer.typeSql(to));
    }

    /**
     * True when PostgreSQL rewrites the table for this change. Its documentation names the changes that do not:
     * raising or removing a {@code varchar} length limit (and {@code varchar} to {@code text}), and raising a
     * {@code numeric}'s precision at the same scale; every other change of spelling rewrites.
     */
    public static boolean rewritesOnPostgres(ColumnType from, ColumnType to) {
        if (sameSpelling(from, to, Dialect.POSTGRESQL)) {
            return false;
        }
        return switch (to) {
            case ColumnType.Text t when from instanceof ColumnType.Varchar -> false;
            case ColumnType.Varchar v when from instanceof ColumnType.Varchar f -> v.length() < f.length();
            case ColumnType.Numeric n when from instanceof ColumnType.Numeric f -> f.precision() == null
                    || n.precision() != null && n.precision() < f.precision()
                    || !java.util.Objects.equals(n.scale(), f.scale());
            default -> true;
        };
    }

    /** A change after which some existing values may not fit. */
    public static boolean narrows(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return false;
        }
        return switch (to) {
            case ColumnType.Varchar v when from instanceof ColumnType.Varchar f -> v.length() < f.length();
            case ColumnType.Varchar v when from instanceof ColumnType.Char f -> v.length() < f.length();
            case ColumnType.Char c when from instanceof ColumnType.Char f -> c.length() < f.length();
            case ColumnType.Numeric n when from instanceof ColumnType.Numeric f -> narrowerNumeric(f, n);
            case ColumnType.Text t -> false;
            // a shorter declared length is a smaller type on MariaDB (tinytext holds 255 bytes)
            case ColumnType.LargeObject l when from instanceof ColumnType.LargeObject f
                    && f.character() == l.character() -> l.length() != null
                    && (f.length() == null || l.length() < f.length());
            case ColumnType.BigInt b -> !(from instanceof ColumnType.IntegerType || from instanceof ColumnType.SmallInt
                    || from instanceof ColumnType.TinyInt);
            case ColumnType.IntegerType i -> !(from instanceof ColumnType.SmallInt || from instanceof ColumnType.TinyInt);
            case ColumnType.SmallInt s -> !(from instanceof ColumnType.TinyInt);
            case ColumnType.DoublePrecision d -> !(from instanceof ColumnType.Real || from instanceof ColumnType.IntegerType
                    || from instanceof ColumnType.SmallInt || from instanceof ColumnType.TinyInt);
            // a change of kind may not fit: flag it rather than miss it
            case ColumnType.Varchar v -> true;
            case ColumnType.Char c -> true;
            case ColumnType.Numeric n -> true;
            case ColumnType.TinyInt t -> true;
            case ColumnType.Real r -> true;
            case ColumnType.BooleanType b -> true;
            case ColumnType.Date d -> true;
            case ColumnType.Time t -> true;
            case ColumnType.Timestamp t -> true;
            case ColumnType.Uuid u -> true;
            case ColumnType.Json j -> true;
            case ColumnType.Binary b -> true;
            case ColumnType.LargeObject l -> true;
            case ColumnType.Array a -> true;
            // a native enum(...) (MariaDB) keeps its rows' values when it keeps every value, wherever new ones go
            case ColumnType.Native n -> !keepsEveryEnumValue(from, n);
        };
    }

    private static boolean keepsEveryEnumValue(ColumnType from, ColumnType to) {
        var before = MariadbTypes.enumValues(from);
        var after = MariadbTypes.enumValues(to);
        return before.isPresent() && after.isPresent() && after.get().containsAll(before.get());
    }

    private static boolean narrowerNumeric(ColumnType.Numeric from, ColumnType.Numeric to) {
        if (to.precision() == null) {
            return false;
        }
        if (from.precision() == null) {
            return true;
        }
        int fromScale = from.scale() == null ? 0 : from.scale();
        int toScale = to.scale() == null ? 0 : to.scale();
        return toScale < fromScale || (to.precision() - toScale) < (from.precision() - fromScale);
    }
}
