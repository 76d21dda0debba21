package dev.autogen.op;

import dev.autogen.schema.ForeignKey;
import java.util.Objects;

public record DropForeignKey(String table, String name, ForeignKey previous) implements Operation {
    public DropForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of foreign key " + name + " does not record its definition");
        }
        return new AddForeignKey(table, previous);
    }
}
