package dev.autogen.generator.diff;

import dev.autogen.op.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The plan under construction: operations collected per {@link Phase}, then laid out phase by phase.
 *
 * <p>Within a phase, operations are ordered by the name of the table (or sequence) they touch, keeping the order in
 * which they were added for the same table; the two table phases keep their dependency order instead.
 */
final class Plan {

    /**
     * The phases, in execution order. Each one only needs what earlier phases left in place: foreign keys go first
     * so that nothing they point at is held; constraints and indexes before the columns they cover; columns and tables
     * are dropped before anything is created; sequences are created before the tables and columns whose defaults may
     * use them (a changed sequence is dropped and created there, in that order) and dropped at the very end; new
     * columns exist before columns are altered, and both before keys, indexes and foreign keys are added. Row-level
     * security policies are dropped first and created last, so every column they use is there.
     *
     * <p>The order mirrors itself, so the reversed plan is ordered correctly too: what a phase adds, its mirror drops.
     */
    enum Phase {
        DROP_POLICIES,
        DROP_FOREIGN_KEYS,
        DROP_CONSTRAINTS_AND_INDEXES,
        DROP_COLUMNS,
        DROP_TABLES(false),
        CREATE_ENUM_TYPES,
        CREATE_SEQUENCES,
        CREATE_TABLES(false),
        ADD_COLUMNS,
        ALTER_COLUMNS,
        ADD_CONSTRAINTS,
        CREATE_INDEXES,
        ADD_FOREIGN_KEYS,
        CREATE_POLICIES,
        DROP_SEQUENCES,
        DROP_ENUM_TYPES;

        private final boolean sortedByName;

        Phase() {
            this(true);
        }

        Phase(boolean sortedByName) {
            this.sortedByName = sortedByName;
        }
    }

    private record Entry(String sortName, Operation operation) {
    }

    private final Map<Phase, List<Entry>> entries = new EnumMap<>(Phase.class);

    /** Adds {@code operation} to {@code phase}; {@code sortName} is the table or sequence it touches. */
    void add(Phase phase, String sortName, Operation operation) {
        entries.computeIfAbsent(phase, p -> new ArrayList<>()).add(new Entry(sortName, operation));
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<Entry> list = new ArrayList<>(entries.getOrDefault(phase, List.of()));
            if (phase.sortedByName) {
                list.sort(Comparator.comparing(Entry::sortName)); // stable: per-table order is kept
            }
            list.forEach(e -> out.add(e.operation()));
        }
        return List.copyOf(out);
    }
}
