package dev.autogen.schema;

import java.util.List;

/**
 * A primary key. Matched by its columns, never by name: Hibernate's boot-model names ({@code customerPK}) are not the
 * catalog's ({@code customer_pkey}).
 *
 * @param name    the constraint name, or null to let the database choose
 * @param columns the key columns in key order
 */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }

    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }
}
