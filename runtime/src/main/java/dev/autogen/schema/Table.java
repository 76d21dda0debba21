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
 * @param primaryKey       null when the table has none
 * @param comment          null when the table has none
 * @param rowLevelSecurity whether PostgreSQL row-level security is enabled and forced ({@link RowLevelSecurity#NONE}
 *                         when null is given)
 * @param policies         its row-level security policies, sorted by name
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                   List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment,
                   RowLevelSecurity rowLevelSecurity, List<Policy> policies) {

    /** A table without row-level security or policies. */
    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes, String comment) {
        this(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                RowLevelSecurity.NONE, List.of());
    }

    public Table {
        Objects.requireNonNull(name, "name");
        rowLevelSecurity = rowLevelSecurity == null ? RowLevelSecurity.NONE : rowLevelSecurity;
        policies = sorted(policies == null ? List.of() : policies, Comparator.comparing(Policy::name));
        if (policies.stream().map(Policy::name).distinct().count() != policies.size()) {
            throw new IllegalArgumentException("table " + name + " declares a policy twice");
        }
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
        // a plain loop: the differ asks this for every column of every table, where a stream's set-up dominates
        for (Column column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return new Table(name, columns, newPrimaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, foreignKeys, checks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniqueConstraints, newForeignKeys, checks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withChecks(List<CheckConstraint> newChecks) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, newChecks, indexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, newIndexes, comment,
                rowLevelSecurity, policies);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, newComment,
                rowLevelSecurity, policies);
    }

    public Table withRowLevelSecurity(RowLevelSecurity newState) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                newState, policies);
    }

    public Table withPolicies(List<Policy> newPolicies) {
        return new Table(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, indexes, comment,
                rowLevelSecurity, newPolicies);
    }

    /** This table without row-level security and policies (what a {@code CREATE TABLE} makes). */
    public Table withoutRowLevelSecurity() {
        return withRowLevelSecurity(RowLevelSecurity.NONE).withPolicies(List.of());
    }

    /**
     * The record's usual text, leaving out row-level security while the table has none, so that a table written
     * before row-level security was modelled prints (and so fingerprints, see {@code MigrationChecksum}) as it did.
     */
    @Override
    public String toString() {
        String base = "Table[name=" + name + ", columns=" + columns + ", primaryKey=" + primaryKey
                + ", uniqueConstraints=" + uniqueConstraints + ", foreignKeys=" + foreignKeys + ", checks=" + checks
                + ", indexes=" + indexes + ", comment=" + comment;
        if (rowLevelSecurity.equals(RowLevelSecurity.NONE) && policies.isEmpty()) {
            return base + "]";
        }
        return base + ", rowLevelSecurity=" + rowLevelSecurity + ", policies=" + policies + "]";
    }

    public Optional<Policy> policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    /** This table with {@code change} applied to the column named {@code columnName} (which must exist). */
    public Table mapColumn(String columnName, UnaryOperator<Column> change) {
        if (column(columnName).isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no column " + columnName);
        }
        return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList());
    }
}
