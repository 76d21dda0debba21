package dev.autogen.generator.review;

import java.util.List;

/**
 * What an ER diagram shows, whatever draws it (Mermaid text or an ELK-laid-out SVG): tables with their key and
 * nullable columns, foreign keys with their cardinality, tenant-isolated tables, and, in a review, what a revision
 * changed. Built from a {@code Schema} by {@link ErDiagrams}; never a layout.
 */
public record ErDiagram(List<Entity> tables, List<Relation> relations) {

    public ErDiagram {
        tables = List.copyOf(tables);
        relations = List.copyOf(relations);
    }

    /** What a revision did to a table, a column or a foreign key (NONE outside reviews). */
    public enum Change {
        NONE, ADDED, CHANGED, DROPPED;

        /** The word a reader sees next to the thing ({@code ""} for NONE). */
        public String word() {
            return this == NONE ? "" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A table: its columns in table order, whether row-level security isolates its tenants. */
    public record Entity(String name, List<Attribute> columns, boolean tenantIsolated, Change change) {
        public Entity {
            columns = List.copyOf(columns);
        }
    }

    /** A column: its logical type text, whether it is (part of) the primary key, a foreign key or unique. */
    public record Attribute(String name, String type, boolean primaryKey, boolean foreignKey, boolean unique,
                            boolean nullable, Change change) {
    }

    /**
     * A foreign key of {@code child} referencing {@code parent}: {@code optional} when its columns are nullable (a
     * child may have no parent), {@code oneToOne} when they are unique (a parent has at most one child).
     */
    public record Relation(String child, String parent, List<String> columns, boolean optional, boolean oneToOne,
                           Change change) {
        public Relation {
            columns = List.copyOf(columns);
        }
    }
}
