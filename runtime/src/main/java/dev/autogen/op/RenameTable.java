package dev.autogen.op;

import java.util.Objects;

public record RenameTable(String from, String to) implements Operation {
    public RenameTable {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Operation reverse() {
        return new RenameTable(to, from);
    }
}
