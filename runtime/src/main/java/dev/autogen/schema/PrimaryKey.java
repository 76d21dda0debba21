package dev.autogen.schema;

import java.util.List;
import java.util.Objects;

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

    /**
     * What the record's generated {@code equals} does (every component, {@link Objects#equals}), written out: the
     * generated one goes through method handles, which a C1-only JVM runs slowly, and a no-op diff compares every
     * table of the schema.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PrimaryKey other
                && Objects.equals(name, other.name)
                && Objects.equals(columns, other.columns);
    }

    /** The generated {@code hashCode}'s value (31 times the sum so far plus each component's hash, in order). */
    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(columns);
        return h;
    }
}
