package dev.autogen.hazard;

import static dev.autogen.hazard.HazardKind.BLOCKS_WRITES;
import static dev.autogen.hazard.HazardKind.NOT_TRANSACTIONAL;
import static dev.autogen.hazard.HazardKind.SCANS_TABLE;
import static dev.autogen.hazard.HazardKind.TABLE_REWRITE;

import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.sql.mariadb.MariadbAlterAlgorithm;
import java.util.List;
import java.util.Set;

/**
 * The MariaDB part of {@link Hazards}: the cost of an operation on an existing table follows from how InnoDB carries
 * it out ({@link MariadbAlterAlgorithm}), and every statement commits on its own. The latter is informational: no
 * migration on MariaDB can avoid it, so it must not fail {@code lint} for every MariaDB revision (docs/hazards.md).
 */
final class MariadbHazards {
    private MariadbHazards() {
    }

    /**
     * What InnoDB does to an existing table on MariaDB ({@link MariadbAlterAlgorithm}), and that the statement commits
     * on its own (informational: no migration on MariaDB can avoid it).
     */
    static void add(List<Hazard> h, Operation operation, Set<String> newTables) {
        var work = MariadbAlterAlgorithm.of(operation).filter(w -> !newTables.contains(w.table()));
        if (work.isEmpty() && !(operation instanceof ExecuteSql || operation instanceof ExecuteDialectSql)) {
            return;
        }
        String table = work.map(MariadbAlterAlgorithm.Work::table).orElse(null);
        switch (work.map(MariadbAlterAlgorithm.Work::algorithm).orElse(MariadbAlterAlgorithm.INSTANT)) {
            case INSTANT -> { }
            case INPLACE -> h.add(new Hazard(SCANS_TABLE, table, "reads every row of " + table + " to build the"
                    + " index (ALGORITHM=INPLACE: reads and writes go on)"));
            case INPLACE_REBUILD -> h.add(new Hazard(TABLE_REWRITE, table, "rebuilds " + table + " in place, every row"
                    + " rewritten (ALGORITHM=INPLACE: reads and writes go on)"));
            case COPY -> {
                h.add(new Hazard(TABLE_REWRITE, table, "copies every row of " + table + " into a new table"
                        + " (ALGORITHM=COPY)"));
                h.add(new Hazard(BLOCKS_WRITES, table, "writes to " + table + " wait while it is copied (LOCK=SHARED)",
                        "on a large table: expand/contract (a new column or table, backfill, switch the code, drop the old"
                                + " one) or an online schema change tool"));
            }
        }
        h.add(new Hazard(NOT_TRANSACTIONAL, table, "MariaDB commits this statement on its own: a failure later in the"
                + " revision leaves it applied (the statement journal lets upgrade resume and downgrade revert)",
                null, true));
    }
}
