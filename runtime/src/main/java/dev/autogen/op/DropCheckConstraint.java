package dev.autogen.op;

import dev.autogen.schema.CheckConstraint;
import java.util.Objects;

public record DropCheckConstraint(String table, String name, CheckConstraint previous) implements Operation {
    public DropCheckConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of check constraint " + name + " does not record its definition");
        }
        return new AddCheckConstraint(table, previous);
    }
}
