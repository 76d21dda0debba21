package dev.autogen.op;

import dev.autogen.schema.PrimaryKey;
import java.util.Objects;

public record DropPrimaryKey(String table, PrimaryKey previous) implements Operation {
    public DropPrimaryKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(previous, "previous");
    }

    @Override
    public Operation reverse() {
        return new AddPrimaryKey(table, previous);
    }
}
