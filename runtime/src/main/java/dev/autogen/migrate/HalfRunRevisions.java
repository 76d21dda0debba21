package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.HistoryEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the MariaDB {@link StatementJournal} says, before a run, of revisions that stopped half-way (usually none):
 * an {@code upgrade} resumes a half-run upgrade on its path and refuses any other; a {@code downgrade} first reverts
 * what ran of a half-run upgrade ({@link JournaledRevision#revert}), resumes a half-run downgrade on its path, and
 * refuses any other. Refusals come before anything runs and say what to do.
 */
final class HalfRunRevisions {
    private HalfRunRevisions() {
    }

    /** Refuses an upgrade that would leave a half-run revision as it is. */
    static void beforeUpgrade(Connection c, List<LoadedMigration> path) throws SQLException {
        for (var entry : halfRun(c).entrySet()) {
            String revision = entry.getKey().getFirst();
            String direction = entry.getKey().getLast();
            int ran = entry.getValue().size();
            if (direction.equals(HistoryEntry.DOWNGRADE)) {
                throw new MigrationException("revision " + revision + " stopped half-way while being reverted"
                        + " (statements 1-" + ran + " of its downgrade ran) — run downgrade again to finish reverting"
                        + " it before upgrading");
            }
            if (path.stream().noneMatch(m -> m.id().equals(revision))) {
                throw new MigrationException("revision " + revision + " stopped half-way (statements 1-" + ran
                        + " of its upgrade ran) and this upgrade does not reach it — upgrade to a target that includes"
                        + " it, or downgrade to revert them");
            }
        }
    }

    /**
     * Reverts what ran of half-run upgrades, before a downgrade along {@code path}.
     *
     * @return the ids of the revisions whose half-run upgrade was reverted
     */
    static List<String> beforeDowngrade(Connection c, RevisionGraph graph, List<LoadedMigration> path,
            Consumer<String> listener) throws SQLException {
        List<String> reverted = new ArrayList<>();
        for (var entry : halfRun(c).entrySet()) {
            String revision = entry.getKey().getFirst();
            String direction = entry.getKey().getLast();
            int ran = entry.getValue().size();
            if (direction.equals(HistoryEntry.DOWNGRADE)) {
                if (path.stream().noneMatch(m -> m.id().equals(revision))) {
                    throw new MigrationException("revision " + revision + " stopped half-way while being reverted"
                            + " (statements 1-" + ran + " of its downgrade ran) and this downgrade does not reach it"
                            + " — downgrade to a target below it to finish reverting it");
                }
                continue;
            }
            if (!graph.contains(revision)) {
                throw new MigrationException("revision " + revision + " stopped half-way (statements 1-" + ran
                        + " of its upgrade ran) but is not among the migrations — restore its migration to revert them,"
                        + " or revert them by hand and delete its rows from " + VersionTables.STATEMENT_JOURNAL);
            }
            new JournaledRevision(listener).revert(c, graph.get(revision), entry.getValue());
            reverted.add(revision);
        }
        return reverted;
    }

    /** The journal's rows by (revision, direction). */
    private static Map<List<String>, List<StatementJournal.Entry>> halfRun(Connection c) throws SQLException {
        Map<List<String>, List<StatementJournal.Entry>> groups = new LinkedHashMap<>();
        for (StatementJournal.Entry e : StatementJournal.all(c)) {
            groups.computeIfAbsent(List.of(e.revision(), e.direction()), k -> new ArrayList<>()).add(e);
        }
        return groups;
    }
}
