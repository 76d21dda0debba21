package dev.autogen.dsl;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as a migration writes it, in the order a reviewer reads a {@code CREATE TABLE}: columns, keys, checks,
 * foreign keys, then indexes.
 */
public final class TableSpec {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    TableSpec(String name) {
        this.name = name;
    }

    public TableSpec column(ColumnSpec column) {
        columns.add(column.toColumn());
        return this;
    }

    /** The primary key; {@code name} may be null to let the database name it. */
    public TableSpec primaryKey(String constraintName, String... keyColumns) {
        primaryKey = new PrimaryKey(constraintName, List.of(keyColumns));
        return this;
    }

    public TableSpec unique(String constraintName, String... uniqueColumns) {
        uniques.add(new UniqueConstraint(constraintName, List.of(uniqueColumns)));
        return this;
    }

    public TableSpec foreignKey(ForeignKeySpec foreignKey) {
        foreignKeys.add(foreignKey.toForeignKey());
        return this;
    }

    public TableSpec check(String constraintName, String expression) {
        checks.add(new CheckConstraint(constraintName, expression));
        return this;
    }

    public TableSpec index(IndexSpec index) {
        indexes.add(index.toIndex());
        return this;
    }

    public TableSpec comment(String text) {
        comment = text;
        return this;
    }

    public Table toTable() {
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment);
    }
}
