package dev.autogen.op;

import dev.autogen.schema.UniqueConstraint;
import java.util.Objects;

public record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
    public AddUniqueConstraint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public Operation reverse() {
        return new DropUniqueConstraint(table, constraint.name(), constraint);
    }
}
