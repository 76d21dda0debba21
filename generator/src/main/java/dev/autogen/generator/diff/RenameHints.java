package dev.autogen.generator.diff;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the entities say was renamed ({@code @RenamedFrom}): for a table or column by its new name, the names it had
 * before, in the order to try them. Entities only describe the schema as it should be now, so without these hints a
 * renamed table or column looks exactly like a drop plus an add, and the plan would lose its data.
 *
 * @param tables  new table name → previous names
 * @param columns (table, new column name) → previous column names; the table is the new table name
 */
public record RenameHints(Map<String, List<String>> tables, Map<TableColumn, List<String>> columns) {

    /** No renames. */
    public static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

    /** A column of a table, both by their names in the entities (the target schema). */
    public record TableColumn(String table, String column) {
        static final Comparator<TableColumn> ORDER =
                Comparator.comparing(TableColumn::table).thenComparing(TableColumn::column);

        public TableColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    public RenameHints {
        TreeMap<String, List<String>> sortedTables = new TreeMap<>();
        tables.forEach((name, previous) -> sortedTables.put(name, List.copyOf(previous)));
        TreeMap<TableColumn, List<String>> sortedColumns = new TreeMap<>(TableColumn.ORDER);
        columns.forEach((column, previous) -> sortedColumns.put(column, List.copyOf(previous)));
        tables = Collections.unmodifiableSortedMap(sortedTables);
        columns = Collections.unmodifiableSortedMap(sortedColumns);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }
}
