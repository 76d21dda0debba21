package dev.autogen.dsl;

import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.ReferentialAction;
import java.util.List;

/**
 * A foreign key as a migration writes it:
 * {@code foreignKey("fk_users_org", "organization_id").references("organizations", "id").onDelete(CASCADE)}.
 */
public final class ForeignKeySpec {
    private final String name;
    private final List<String> columns;
    private final String referencedTable;
    private final List<String> referencedColumns;
    private final ReferentialAction onDelete;

    private ForeignKeySpec(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                           ReferentialAction onDelete) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.referencedTable = referencedTable;
        this.referencedColumns = referencedColumns == null ? null : List.copyOf(referencedColumns);
        this.onDelete = onDelete;
    }

    static ForeignKeySpec of(String name, String... columns) {
        return new ForeignKeySpec(name, List.of(columns), null, null, ReferentialAction.NO_ACTION);
    }

    public ForeignKeySpec references(String table, String... columns) {
        return new ForeignKeySpec(name, this.columns, table, List.of(columns), onDelete);
    }

    public ForeignKeySpec onDelete(ReferentialAction action) {
        return new ForeignKeySpec(name, columns, referencedTable, referencedColumns, action);
    }

    public ForeignKey toForeignKey() {
        if (referencedTable == null) {
            throw new IllegalStateException("foreign key " + name + " needs .references(table, columns...)");
        }
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete);
    }
}
