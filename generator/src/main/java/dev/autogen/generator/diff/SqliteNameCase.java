package dev.autogen.generator.diff;

import dev.autogen.schema.Column;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQLite compares table and column names case-insensitively, quoted or not, but keeps them as they were written: the
 * table Hibernate's own SQLite DDL creates for an entity {@code Animal} is {@code Animal}, while autogen folds unquoted
 * names to lower case (as PostgreSQL does, so that one migration serves both databases). Both name the same table. So
 * that such a database is matched rather than dropped and created again, the target's table and column names are
 * spelled as the database spells them wherever the two differ only in case, before the schemas are compared: the plan
 * then names existing tables and columns exactly as the database has them, which is also what the SQLite rebuild of
 * a table looks them up by. Constraint and index names are left as they are: those are matched by structure.
 */
final class SqliteNameCase {

    private SqliteNameCase() {
    }

    /** {@code schema} with every table and column name that {@code database} spells in another case spelled its way. */
    static Schema spelledAs(Schema schema, Schema database) {
        Map<String, String> tables = spellings(schema.tables().stream().map(Table::name).toList(),
                database.tables().stream().map(Table::name).toList());
        Map<String, Map<String, String>> columnsByTable = new HashMap<>();
        for (Table table : schema.tables()) {
            Map<String, String> columns = database.table(tables.getOrDefault(table.name(), table.name()))
                    .map(twin -> spellings(columnNames(table), columnNames(twin)))
                    .orElse(Map.of());
            columnsByTable.put(fold(table.name()), columns);
        }
        if (tables.isEmpty() && columnsByTable.values().stream().allMatch(Map::isEmpty)) {
            return schema;
        }
        List<Table> aligned = schema.tables().stream().map(table -> aligned(table, tables, columnsByTable)).toList();
        return new Schema(aligned, schema.sequences(), schema.enumTypes());
    }

    private static Table aligned(Table table, Map<String, String> tables,
                                 Map<String, Map<String, String>> columnsByTable) {
        Map<String, String> columns = columnsByTable.getOrDefault(fold(table.name()), Map.of());
        PrimaryKey key = table.primaryKey();
        return table.withName(tables.getOrDefault(table.name(), table.name()))
                .withColumns(table.columns().stream()
                        .map(column -> column.withName(columns.getOrDefault(column.name(), column.name()))).toList())
                .withPrimaryKey(key == null ? null : new PrimaryKey(key.name(), renamed(key.columns(), columns)))
                .withUniqueConstraints(table.uniqueConstraints().stream()
                        .map(unique -> new UniqueConstraint(unique.name(), renamed(unique.columns(), columns))).toList())
                .withForeignKeys(table.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(),
                        renamed(fk.columns(), columns),
                        tables.getOrDefault(fk.referencedTable(), fk.referencedTable()),
                        renamed(fk.referencedColumns(), columnsByTable.getOrDefault(fold(fk.referencedTable()), Map.of())),
                        fk.onDelete())).toList())
                .withIndexes(table.indexes().stream().map(index -> new Index(index.name(), index.columns().stream()
                        .map(part -> part.withName(columns.getOrDefault(part.name(), part.name())))
                        .toList(), index.unique())).toList());
    }

    /** Name to the database's spelling, for the names that differ from a database name only in case. */
    private static Map<String, String> spellings(List<String> names, List<String> database) {
        Set<String> exact = Set.copyOf(database);
        Map<String, String> byFolded = new HashMap<>();
        database.forEach(name -> byFolded.putIfAbsent(fold(name), name));
        Map<String, String> spelled = new HashMap<>();
        for (String name : names) {
            String twin = byFolded.get(fold(name));
            if (!exact.contains(name) && twin != null) {
                spelled.put(name, twin);
            }
        }
        return spelled;
    }

    private static List<String> renamed(List<String> names, Map<String, String> spellings) {
        return names.stream().map(name -> spellings.getOrDefault(name, name)).toList();
    }

    private static List<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
