package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The changes to the version tables that run no migration: {@code stamp}, {@code repair} and a squash's adoption. Each
 * moves the version rows or records checksums together with its history rows in one transaction, so the tables never
 * say one thing in {@code autogen_version} and another in {@code autogen_history}. Called under the migration lock.
 */
final class VersionTableEdits {
    private final RevisionGraph graph;
    private final VersionStore store;
    private final Clock clock;
    private final String appliedBy;
    private final Consumer<String> listener;

    VersionTableEdits(RevisionGraph graph, VersionStore store, Clock clock, String appliedBy,
            Consumer<String> listener) {
        this.graph = graph;
        this.store = store;
        this.clock = clock;
        this.appliedBy = appliedBy;
        this.listener = listener;
    }

    /**
     * Moves the version rows from {@code before} to {@code after} and writes one {@code stamp} history row per row
     * afterwards (with the revision's checksum), or one for {@code base}.
     *
     * @return {@code after}
     */
    List<String> stamp(Connection c, List<String> before, List<String> after) throws SQLException {
        inTransaction(c, () -> {
            store.moveHeads(c, before, after);
            Instant now = clock.instant();
            if (after.isEmpty()) {
                store.record(c, "base", HistoryEntry.STAMP, "", now, appliedBy, 0);
            }
            for (String id : after) {
                store.record(c, id, HistoryEntry.STAMP, MigrationChecksum.of(graph.get(id)), now, appliedBy, 0);
            }
        });
        listener.accept("stamping " + (after.isEmpty() ? "base" : String.join(", ", after)) + " (was "
                + (before.isEmpty() ? "base" : String.join(", ", before)) + ")");
        return after;
    }

    /**
     * Records the checksum the migrations have now for every applied revision whose recorded one differs, as one
     * {@code repair} history row per revision; nothing else changes.
     *
     * @return the repaired revisions, in revision order (empty when nothing was edited)
     */
    List<String> repair(Connection c, RecordedRevisions recorded) throws SQLException {
        List<String> edited = EditedRevisions.in(graph, recorded).stream().map(IntegrityProblem::revision).toList();
        if (edited.isEmpty()) {
            return List.of();
        }
        inTransaction(c, () -> {
            Instant now = clock.instant();
            for (String id : edited) {
                store.record(c, id, HistoryEntry.REPAIR, MigrationChecksum.of(graph.get(id)), now, appliedBy, 0);
            }
        });
        for (String id : edited) {
            listener.accept("repairing " + id + ": recorded its current checksum");
        }
        return edited;
    }

    /**
     * Records a database whose version row is the last revision a squash replaces at the squash itself: the row
     * moves and a {@code squash} history row with the squash's checksum is written, in one transaction, so that from
     * now on the database reads as the squash whether or not the originals are still in the code. Returns the rows
     * afterwards ({@code before} when nothing was adopted).
     */
    List<String> adoptSquashes(Connection c, List<String> before) throws SQLException {
        var adoptions = graph.adoptions(before);
        if (adoptions.isEmpty()) {
            return before;
        }
        List<String> after = before.stream().map(row -> adoptions.getOrDefault(row, row)).sorted().toList();
        inTransaction(c, () -> {
            store.moveHeads(c, before, after);
            Instant now = clock.instant();
            for (String squash : adoptions.values()) {
                store.record(c, squash, HistoryEntry.SQUASH, MigrationChecksum.of(graph.get(squash)), now, appliedBy,
                        0);
            }
        });
        adoptions.forEach((row, squash) -> listener.accept("squash " + squash + " stands for "
                + String.join(", ", graph.replaced(squash)) + ": the database at " + row + " is recorded at "
                + squash));
        return after;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction on {@code c}: committed whole or rolled back, autocommit restored. */
    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
