package dev.autogen.op;

import dev.autogen.schema.ForeignKey;
import java.util.Objects;

public record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {
    public AddForeignKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(foreignKey, "foreignKey");
    }

    @Override
    public Operation reverse() {
        return new DropForeignKey(table, foreignKey.name(), foreignKey);
    }
}
