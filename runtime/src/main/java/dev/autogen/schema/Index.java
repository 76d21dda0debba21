package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

/**
 * A (possibly unique) index. Matched by table, key parts and uniqueness, not by name.
 */
public record Index(String name, List<IndexColumn> columns, boolean unique) {
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::name).toList();
    }

    public Index withName(String newName) {
        return new Index(newName, columns, unique);
    }
}
