package dev.autogen.op;

import dev.autogen.schema.CheckConstraint;
import java.util.Objects;

public record AddCheckConstraint(String table, CheckConstraint constraint) implements Operation {
    public AddCheckConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public Operation reverse() {
        return new DropCheckConstraint(table, constraint.name(), constraint);
    }
}
