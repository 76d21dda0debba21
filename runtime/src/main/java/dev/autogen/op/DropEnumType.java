package dev.autogen.op;

import dev.autogen.schema.EnumType;
import java.util.Objects;

/** Drops a PostgreSQL named enum type; {@code previous} (its values) makes it reversible. */
public record DropEnumType(String name, EnumType previous) implements Operation {
    public DropEnumType {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of enum type " + name + " does not record its values");
        }
        return new CreateEnumType(previous);
    }
}
