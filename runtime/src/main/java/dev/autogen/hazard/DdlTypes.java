package dev.autogen.hazard;

import dev.autogen.schema.ColumnType;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;

/** A column type as the dialect spells it, for hazard sentences (what the reviewer sees in {@code show --sql}). */
final class DdlTypes {
    private DdlTypes() {
    }

    static String text(ColumnType type, Dialect dialect) {
        return DdlRenderer.forDialect(dialect).typeSql(type);
    }
}
