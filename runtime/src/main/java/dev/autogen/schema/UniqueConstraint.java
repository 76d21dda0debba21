package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint. Matched by its column list, not by name (Hibernate hashes unnamed ones).
 */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique constraint " + name + " needs at least one column");
        }
    }
}
