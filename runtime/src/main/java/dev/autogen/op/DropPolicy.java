package dev.autogen.op;

import dev.autogen.schema.Policy;
import java.util.Objects;

/**
 * Drops a row-level security policy (PostgreSQL; nothing on SQLite). {@code previous} is its definition (null in a
 * hand-written drop, which is then irreversible).
 */
public record DropPolicy(String table, String name, Policy previous) implements Operation {
    public DropPolicy {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of policy " + name + " does not record its definition");
        }
        return new CreatePolicy(table, previous);
    }
}
