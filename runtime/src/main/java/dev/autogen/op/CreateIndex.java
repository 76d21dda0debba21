package dev.autogen.op;

import dev.autogen.schema.Index;
import java.util.Objects;

public record CreateIndex(String table, Index index) implements Operation {
    public CreateIndex {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public Operation reverse() {
        return new DropIndex(table, index.name(), index);
    }
}
