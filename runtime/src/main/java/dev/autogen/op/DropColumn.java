package dev.autogen.op;

import dev.autogen.schema.Column;
import java.util.Objects;

/** Drops a column; {@code previous} is its definition (null in a hand-written drop: irreversible). */
public record DropColumn(String table, String name, Column previous) implements Operation {
    public DropColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of column " + table + "." + name + " does not record its definition");
        }
        return new AddColumn(table, previous);
    }
}
