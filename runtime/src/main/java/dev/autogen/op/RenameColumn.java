package dev.autogen.op;

import java.util.Objects;

public record RenameColumn(String table, String from, String to) implements Operation {
    public RenameColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Operation reverse() {
        return new RenameColumn(table, to, from);
    }
}
