package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the database is, as this run knows it: read from the version table for every revision, or (when
 * {@code keep}: PostgreSQL, whose lock is held for the whole run) read once and then advanced by each committed
 * revision: its rows, the set of applied revisions, and how far along the path the run is. Advancing costs a few
 * set operations ({@link RevisionGraph#rowsAfterApplying}); recomputing from the rows walked every applied
 * revision, which made a chain of 1 000 revisions quadratic (~2 s of CPU).
 */
final class VersionRows {
    private final VersionStore store;
    private final RevisionGraph graph;
    private final boolean keep;
    /** Rows written by this run (so exactly {@code rowsFor(applied)}); null until the first commit. */
    private List<String> known;
    private Set<String> applied;
    private int nextIndex;
    private Runnable pending;

    VersionRows(VersionStore store, RevisionGraph graph, boolean keep) {
        this.store = store;
        this.graph = graph;
        this.keep = keep;
    }

    /** The rows read under the lock before the run (used by the first step when {@code keep}: one read fewer). */
    private List<String> first;

    void readUnderTheLock(List<String> rows) {
        first = keep ? rows : null;
    }

    List<String> read(Connection c) throws SQLException {
        if (first != null) {
            List<String> rows = first;
            first = null;
            return rows;
        }
        return keep && known != null ? known : store.current(c);
    }

    Set<String> applied(List<String> rows) {
        return keep && known != null ? applied : graph.ancestorsOf(rows);
    }

    int start() {
        return keep ? nextIndex : 0;
    }

    /** The rows after {@code m} is applied or reverted. */
    List<String> after(List<String> before, Set<String> appliedBefore, LoadedMigration m, boolean upgrade) {
        if (keep && known != null) {
            if (upgrade) {
                return graph.rowsAfterApplying(before, appliedBefore, m.id());
            }
            Set<String> appliedAfter = new HashSet<>(appliedBefore);
            appliedAfter.remove(m.id());
            return graph.rowsAfterReverting(before, appliedAfter, m.id());
        }
        return upgrade ? graph.headsAfterUpgrade(before, m.id()) : graph.headsAfterDowngrade(before, m.id());
    }

    /** What the revision at {@code index} of the path writes; it becomes known once it has committed. */
    void writing(List<String> after, Set<String> appliedBefore, LoadedMigration m, boolean upgrade, int index) {
        pending = () -> {
            known = after;
            applied = applied == appliedBefore ? applied : new HashSet<>(appliedBefore);
            if (upgrade) {
                applied.add(m.id());
            } else {
                applied.remove(m.id());
            }
            nextIndex = index + 1;
        };
    }

    void committed() {
        if (keep) {
            pending.run();
        }
        pending = null;
    }
}
