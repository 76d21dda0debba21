package dev.autogen.generator.diff;

import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which unchanged foreign keys must still be dropped and re-added because the plan changes what they stand on: a
 * database refuses to drop a primary key or unique key that a foreign key references, and to change the type of a
 * column on either side of a foreign key to one the other side no longer matches. Such a key is dropped with the
 * other foreign keys first and added back with them last, around the change.
 */
final class ForeignKeyRebuilds {

    private final Set<List<Object>> droppedKeys = new HashSet<>();
    private final Set<List<String>> retypedColumns = new HashSet<>();

    /**
     * Analyses the tables that exist on both sides ({@code current} and {@code target} keyed by the same names), but
     * those named in {@code unchanged}: a table equal to its target drops no key and retypes no column.
     */
    ForeignKeyRebuilds(Map<String, Table> current, Map<String, Table> target, DefinitionComparison compare,
                       DerivedKeyOrder derivedKeyOrder, Set<String> unchanged) {
        current.forEach((name, from) -> {
            Table to = target.get(name);
            if (to == null || unchanged.contains(name)) {
                return;
            }
            boolean keyAsSet = derivedKeyOrder.isHibernatesChoice(name);
            List<List<Object>> remaining = keys(to, keyAsSet);
            for (List<Object> key : keys(from, keyAsSet)) {
                if (!remaining.remove(key)) {
                    droppedKeys.add(List.of(name, key.get(1)));
                }
            }
            for (Column column : from.columns()) {
                to.column(column.name())
                        .filter(c -> !compare.sameColumnType(column, c))
                        .ifPresent(c -> retypedColumns.add(List.of(name, c.name())));
            }
        });
    }

    /**
     * What a foreign key can reference: the primary key, unique constraints and unique indexes, as (kind, column set,
     * definition) in the form the differ matches them (a key whose order is Hibernate's choice by its set of columns, see
     * {@link DerivedKeyOrder}), so that a key the plan drops and adds back in another form
     * (a primary key becoming a unique constraint) counts as dropped.
     */
    private static List<List<Object>> keys(Table table, boolean keyAsSet) {
        List<List<Object>> keys = new ArrayList<>();
        if (table.primaryKey() != null) {
            Set<String> columns = Set.copyOf(table.primaryKey().columns());
            keys.add(List.of("pk", columns, keyAsSet ? columns : table.primaryKey().columns()));
        }
        // a unique constraint over the key's own columns is no second key (see TableDiffer.beyondTheKey)
        table.uniqueConstraints().stream()
                .filter(u -> table.primaryKey() == null
                        || !Set.copyOf(u.columns()).equals(Set.copyOf(table.primaryKey().columns())))
                .forEach(u -> keys.add(List.of("unique", Set.copyOf(u.columns()), u.columns())));
        table.indexes().stream().filter(Index::unique).forEach(i -> keys.add(
                TableDiffer.isPlainUniqueIndexOn(i, i.columnNames())
                        ? List.of("unique", Set.copyOf(i.columnNames()), i.columnNames())
                        : List.of("index", Set.copyOf(i.columnNames()), i.columns())));
        return keys;
    }

    /** Whether a foreign key of {@code current} (a table on both sides) must be dropped and re-added. */
    boolean anyRequired(String table, Table current) {
        if (droppedKeys.isEmpty() && retypedColumns.isEmpty()) {
            return false; // a no-op plan: nothing to rebuild around (asked for each of thousands of tables)
        }
        for (ForeignKey fk : current.foreignKeys()) {
            if (required(table, fk)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code fk} of {@code table}, unchanged itself, must be dropped and re-added around the plan. */
    boolean required(String table, ForeignKey fk) {
        return droppedKeys.contains(List.of(fk.referencedTable(), Set.copyOf(fk.referencedColumns())))
                || fk.columns().stream().anyMatch(c -> retypedColumns.contains(List.of(table, c)))
                || fk.referencedColumns().stream().anyMatch(c -> retypedColumns.contains(List.of(fk.referencedTable(), c)));
    }
}
