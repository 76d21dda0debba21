package dev.autogen.op;

import java.util.Objects;
import dev.autogen.schema.Table;

/**
 * Drops a table. {@code previous} is the full definition (null in a hand-written drop, which is then irreversible).
 */
public record DropTable(String name, Table previous) implements Operation {
    public DropTable {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of table " + name + " does not record its definition");
        }
        return new CreateTable(previous);
    }
}
