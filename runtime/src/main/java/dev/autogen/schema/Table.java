package dev.autogen.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table and everything that hangs on it. Columns keep their declared order (the order a {@code CREATE TABLE}
 * writes them); constraints and indexes are kept sorted by name so that equal tables are equal records.
 *
 * @param primaryKey null when the table has none
 * @param comment    null when the table has none
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                   List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        uniqueConstraints = sorted(uniqueConstraints, Comparator.comparing(UniqueConstraint::name));
        foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
        checks = sorted(checks, Comparator.comparing(CheckConstraint::name));
        indexes = sorted(indexes, Comparator.comparing(Index::name));
        long distinct = columns.stream().map(Column::name).distinct().count();
        if (distinct != columns.size()) {
            throw new IllegalArgumentException("table " + name + " declares a column twice");
        }
    }

    /** A table with only columns; add the rest with the {@code with…} methods. */
    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, foreignKeys, checks, indexes, comment);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniqueConstraints, newForeignKeys, checks, indexes, comment);
    }

    public Table withChecks(List<CheckConstraint> newChecks) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, newChecks, indexes, comment);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, newIndexes, comment);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, newComment);
    }

    /** This table with {@code change} applied to the column named {@code columnName} (which must exist). */
    public Table mapColumn(String columnName, UnaryOperator<Column> change) {
        if (column(columnName).isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList());
    }
}
