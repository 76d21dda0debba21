package dev.autogen.migrate;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.Hazards;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbOnlineDdl;
import dev.autogen.sql.postgres.PostgresOnlineDdl;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which operations of one revision run in their online form ({@link dev.autogen.sql.postgres.PostgresOnlineDdl}), in
 * which direction, and with which retry settings. Empty for a revision that runs as one transaction.
 *
 * @param direction  {@code upgrade} or {@code downgrade} (the progress rows of the two directions are apart)
 * @param operations the indexes of the operations to run online
 * @param settings   lock retries and backoff
 * @param statementPerTransaction every statement a step of its own ({@link ServerProfile#statementPerTransaction}),
 *                   online operations or not
 */
record OnlinePlan(String direction, SortedSet<Integer> operations, OnlineSettings settings,
        boolean statementPerTransaction) {
    static final OnlinePlan NONE = new OnlinePlan("", new TreeSet<>(), OnlineSettings.DEFAULT);

    OnlinePlan(String direction, SortedSet<Integer> operations, OnlineSettings settings) {
        this(direction, operations, settings, false);
    }

    OnlinePlan {
        operations = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(operations));
    }

    /**
     * The operations of {@code changes} that run online: on PostgreSQL those marked {@code .online()} and, with
     * {@link OnlineSettings#everywhere()}, every other one that has an online form and whose plain form blocks the
     * application ({@link Hazards}: not on a table the revision created, which is empty and unused, so its plain form
     * is as safe and stays in one transaction). Only
     * operations with an online form count, so a revision whose marks are all on other operations runs as one
     * transaction. None on SQLite, whose online mark is a no-op. On MariaDB the marked operations (every one with an
     * online form with {@link OnlineSettings#everywhere()}) run with {@code ALGORITHM=INPLACE, LOCK=NONE}
     * ({@link MariadbOnlineDdl}; the journaled runner refuses a marked one that MariaDB would copy).
     */
    static OnlinePlan of(SchemaChanges changes, String direction, Dialect dialect, OnlineSettings settings) {
        if (dialect == Dialect.SQLITE) {
            return NONE;
        }
        if (dialect == Dialect.MARIADB) {
            SortedSet<Integer> online = new TreeSet<>(changes.onlineOperations());
            for (int i = 0; settings.everywhere() && i < changes.operations().size(); i++) {
                if (MariadbOnlineDdl.supports(changes.operations().get(i))) {
                    online.add(i);
                }
            }
            return new OnlinePlan(direction, online, settings);
        }
        List<Operation> operations = changes.operations();
        List<List<Hazard>> hazards = settings.everywhere() ? Hazards.of(operations, dialect) : List.of();
        SortedSet<Integer> online = new TreeSet<>();
        for (int i = 0; i < operations.size(); i++) {
            boolean wanted = changes.isOnline(i) || (settings.everywhere() && hazards.get(i).stream()
                    .anyMatch(h -> h.kind() == HazardKind.BLOCKS_WRITES || h.kind() == HazardKind.BLOCKS_READS));
            if (wanted && PostgresOnlineDdl.supports(operations.get(i))) {
                online.add(i);
            }
        }
        return new OnlinePlan(direction, online, settings);
    }

    /**
     * The plan of the operations {@code [from, from + size)} renumbered from 0: a revision split at its backfills
     * ({@link SplitRevision}) runs each part with the marks that fall in it.
     */
    OnlinePlan slice(int from, int size) {
        SortedSet<Integer> inside = new TreeSet<>();
        for (int index : operations.subSet(from, from + size)) {
            inside.add(index - from);
        }
        return new OnlinePlan(direction, inside, settings, statementPerTransaction);
    }

    /** The same plan with every statement in a transaction of its own (CockroachDB, YugabyteDB). */
    OnlinePlan everyStatementAlone() {
        return new OnlinePlan(direction, operations, settings, true);
    }

    /** No operation runs in its online form. */
    boolean isEmpty() {
        return operations.isEmpty();
    }

    /** Whether the revision runs as steps ({@link OnlineRevisionSteps}) rather than as one transaction. */
    boolean stepwise() {
        return !operations.isEmpty() || statementPerTransaction;
    }
}
