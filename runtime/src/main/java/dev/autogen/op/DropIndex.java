package dev.autogen.op;

import dev.autogen.schema.Index;
import java.util.Objects;

public record DropIndex(String table, String name, Index previous) implements Operation {
    public DropIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of index " + name + " does not record its definition");
        }
        return new CreateIndex(table, previous);
    }
}
