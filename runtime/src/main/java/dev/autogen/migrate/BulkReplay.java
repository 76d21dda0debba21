package dev.autogen.migrate;

import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreateTable;
import dev.autogen.op.Operation;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.Index;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fast path of {@link SchemaInterpreter#applyAll} for the operations an initial migration is made of
 * ({@link CreateTable}, {@link CreateIndex}): they are applied to a mutable map of tables, and the {@link Schema} value
 * is built once at the end of the run of them. Applied one by one, each operation builds a new {@code Schema} of every
 * table (copied, sorted, checked for duplicates), and checks a new index name against every index: quadratic, 20 s for
 * the 13 000 operations of a 5 500-table initial migration (bench/RESULTS.md), where this takes well under a second.
 *
 * <p>Only operations that fit are applied here; anything else (another operation, and every operation that would fail)
 * is left to {@link SchemaInterpreter#apply}, so results and error messages are those of the one-by-one replay.
 */
final class BulkReplay {
    private final TreeMap<String, Table> tables = new TreeMap<>();
    /** Every index name of every table (PostgreSQL index names are unique in a schema). */
    private final Set<String> indexNames = new HashSet<>();
    private final List<Sequence> sequences;
    private final List<EnumType> enumTypes;

    BulkReplay(Schema schema) {
        for (Table table : schema.tables()) {
            tables.put(table.name(), table);
            table.indexes().forEach(index -> indexNames.add(index.name()));
        }
        sequences = schema.sequences();
        enumTypes = schema.enumTypes();
    }

    /** Whether {@link #apply} may take {@code operation}. */
    static boolean handles(Operation operation) {
        return operation instanceof CreateTable || operation instanceof CreateIndex;
    }

    /** Applies {@code operation} and returns true, or returns false (changing nothing) when it does not fit. */
    boolean apply(Operation operation) {
        if (operation instanceof CreateTable create) {
            Table table = create.table();
            if (tables.containsKey(table.name())) {
                return false;
            }
            tables.put(table.name(), table);
            table.indexes().forEach(index -> indexNames.add(index.name()));
            return true;
        }
        if (operation instanceof CreateIndex create) {
            Index index = create.index();
            Table table = tables.get(create.table());
            if (table == null || indexNames.contains(index.name())
                    || !index.columnNames().stream().allMatch(column -> table.column(column).isPresent())) {
                return false;
            }
            tables.put(table.name(), SchemaInterpreter.withIndex(table, index));
            indexNames.add(index.name());
            return true;
        }
        return false;
    }

    Schema schema() {
        return new Schema(new ArrayList<>(tables.values()), sequences, enumTypes);
    }
}
