package dev.autogen.op;

import dev.autogen.schema.PrimaryKey;
import java.util.Objects;

public record AddPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {
    public AddPrimaryKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(primaryKey, "primaryKey");
    }

    @Override
    public Operation reverse() {
        return new DropPrimaryKey(table, primaryKey);
    }
}
