package dev.autogen.migrate;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a path of revisions (an upgrade's or a downgrade's) one revision at a time through a {@link RevisionRunner},
 * choosing each next revision from the version rows under the lock, and reports each one to the listener.
 */
final class RevisionPathRunner {
    private final RevisionGraph graph;
    private final VersionStore store;
    private final Dialect dialect;
    private final Consumer<String> listener;
    private final Clock clock;
    private final String appliedBy;
    /** How operations marked online run on PostgreSQL ({@link Migrator#withOnline}). */
    private final OnlineSettings online;
    /** The server behind the PostgreSQL protocol ({@link Migrator#withProfile}). */
    private final ServerProfile profile;

    RevisionPathRunner(RevisionGraph graph, VersionStore store, Dialect dialect, Consumer<String> listener,
            Clock clock, String appliedBy, OnlineSettings online, ServerProfile profile) {
        this.graph = graph;
        this.store = store;
        this.dialect = dialect;
        this.listener = listener;
        this.clock = clock;
        this.appliedBy = appliedBy;
        this.online = online;
        this.profile = profile;
    }

    /**
     * Runs {@code path} one revision at a time. Which revision comes next is decided from the version table read
     * under the lock (on SQLite inside the revision's own {@code BEGIN IMMEDIATE}), so a revision that another runner
     * applied (or reverted) while this one waited is skipped. On PostgreSQL the advisory lock is held for the whole
     * run, so no other runner can move the version rows between two revisions: they are read once, and afterwards
     * taken from what this run's last committed revision wrote (two round trips fewer per revision); the first step
     * takes {@code current}, read under the lock just before.
     *
     * @param current the version rows read under the lock just before, or null to read them
     * @return the ids run, in order
     */
    List<String> run(Connection c, RevisionRunner runner, List<LoadedMigration> path, boolean upgrade,
            List<String> current) {
        runner.requireOneTransaction(path.size() <= 1);
        List<String> done = new ArrayList<>();
        VersionRows rows = new VersionRows(store, graph, dialect == Dialect.POSTGRESQL);
        rows.readUnderTheLock(current);
        while (true) {
            var result = runner.runNext(c, conn -> nextStep(conn, path, upgrade, rows));
            if (result.isEmpty()) {
                return List.copyOf(done);
            }
            rows.committed();
            LoadedMigration m = result.get().revision();
            done.add(m.id());
            listener.accept((upgrade ? "applying " : "reverting ") + m.id()
                    + (m.message().isBlank() ? "" : " " + m.message()) + " … " + result.get().durationMs() + " ms");
        }
    }

    private RevisionRunner.Step nextStep(Connection c, List<LoadedMigration> path, boolean upgrade, VersionRows rows)
            throws SQLException {
        List<String> before = rows.read(c);
        Set<String> applied = rows.applied(before);
        for (int i = rows.start(); i < path.size(); i++) {
            LoadedMigration m = path.get(i);
            if (applied.contains(m.id()) != upgrade) {
                List<String> after = rows.after(before, applied, m, upgrade);
                SchemaChanges changes = upgrade ? m.upgradeChanges() : downgradeChanges(m);
                List<Operation> operations = changes.operations();
                String direction = upgrade ? HistoryEntry.UPGRADE : HistoryEntry.DOWNGRADE;
                String checksum = MigrationChecksum.of(m);
                if (dialect == Dialect.SQLITE && !changes.onlineOperations().isEmpty()) {
                    listener.accept("note: " + RevisionRunner.label(m) + ": " + dialect.displayName() + " has no online"
                            + " form; its .online() marks change nothing and it runs as one transaction");
                }
                int index = i;
                return new RevisionRunner.Step(m, operations, new RevisionBookkeeping(store, dialect, before, after,
                        m.id(), direction, checksum, clock, appliedBy,
                        () -> rows.writing(after, applied, m, upgrade, index)),
                        profile.statementPerTransaction()
                                ? OnlinePlan.of(changes, direction, dialect, online).everyStatementAlone()
                                : OnlinePlan.of(changes, direction, dialect, online),
                        () -> dialect == Dialect.MARIADB && MigratedSchema.involvesNamedEnums(operations)
                                ? MigratedSchema.before(graph, m, upgrade) : Schema.EMPTY);
            }
        }
        return null;
    }

    private static SchemaChanges downgradeChanges(LoadedMigration m) {
        try {
            return m.downgradeChanges();
        } catch (RuntimeException e) {
            throw new MigrationException("revision " + RevisionRunner.label(m) + " cannot be downgraded: "
                    + e.getMessage() + " — write its downgrade by hand or stop at a later revision", e);
        }
    }
}
