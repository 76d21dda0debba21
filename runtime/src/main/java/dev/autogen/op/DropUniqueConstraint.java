package dev.autogen.op;

import dev.autogen.schema.UniqueConstraint;
import java.util.Objects;

public record DropUniqueConstraint(String table, String name, UniqueConstraint previous) implements Operation {
    public DropUniqueConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of unique constraint " + name + " does not record its definition");
        }
        return new AddUniqueConstraint(table, previous);
    }
}
