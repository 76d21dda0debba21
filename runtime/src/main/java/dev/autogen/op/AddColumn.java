package dev.autogen.op;

import dev.autogen.schema.Column;
import java.util.Objects;

public record AddColumn(String table, Column column) implements Operation {
    public AddColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public Operation reverse() {
        return new DropColumn(table, column.name(), column);
    }
}
