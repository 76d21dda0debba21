package dev.autogen.generator.project;

import dev.autogen.op.Operation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a plan changes, so that what a migration says about tables (the tenant-column hints) is about the tables
 * that migration touches, not every table of the model again in every revision. The tables of {@link TouchedColumns},
 * which knows what each operation changes.
 */
final class TouchedTables {
    private TouchedTables() {
    }

    static Set<String> of(List<Operation> plan) {
        Set<String> tables = new TreeSet<>();
        for (TouchedColumns.Touch touch : TouchedColumns.of(plan)) {
            touch.table().ifPresent(tables::add);
        }
        return tables;
    }
}
