package dev.autogen.op;

import dev.autogen.schema.Table;
import java.util.Objects;

/** Creates a table with its columns, keys, checks, foreign keys and indexes. */
public record CreateTable(Table table) implements Operation {
    public CreateTable {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Operation reverse() {
        return new DropTable(table.name(), table);
    }
}
