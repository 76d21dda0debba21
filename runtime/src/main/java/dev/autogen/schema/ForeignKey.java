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

    /**
     * What the record's generated {@code equals} does (every component, {@link Objects#equals}), written out: the
     * generated one goes through method handles, which a C1-only JVM runs slowly, and a no-op diff compares every
     * table of the schema.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ForeignKey other
                && Objects.equals(name, other.name)
                && Objects.equals(columns, other.columns)
                && Objects.equals(referencedTable, other.referencedTable)
                && Objects.equals(referencedColumns, other.referencedColumns)
                && Objects.equals(onDelete, other.onDelete);
    }

    /** The generated {@code hashCode}'s value (31 times the sum so far plus each component's hash, in order). */
    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(columns);
        h = 31 * h + Objects.hashCode(referencedTable);
        h = 31 * h + Objects.hashCode(referencedColumns);
        h = 31 * h + Objects.hashCode(onDelete);
        return h;
    }
}
