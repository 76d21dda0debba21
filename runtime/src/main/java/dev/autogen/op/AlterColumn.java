package dev.autogen.op;

import dev.autogen.schema.Column;
import java.util.Objects;

/**
 * Changes a column's type, nullability, default or identity in place (the name stays: see {@link RenameColumn}).
 * Carries both definitions so that it reverses by swapping them.
 */
public record AlterColumn(String table, String name, Column from, Column to) implements Operation {
    public AlterColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Operation reverse() {
        return new AlterColumn(table, name, to, from);
    }
}
