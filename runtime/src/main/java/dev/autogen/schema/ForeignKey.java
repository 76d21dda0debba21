package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key. Matched by (columns, referenced table, referenced columns); a changed {@code onDelete} is a change.
 *
 * @param referencedColumns never empty: a key that targets a primary key names its columns explicitly
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete) {
    public ForeignKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(referencedTable, "referencedTable");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + name + " needs as many referenced columns as columns");
        }
    }
}
