package dev.autogen.migrate;

import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies and reverts revisions against one database, one transaction per revision, and keeps
 * {@code autogen_version} (the current heads) and {@code autogen_history} (the audit trail) in step with them. The
 * command line and applications that migrate at start-up both call this class.
 *
 * <p>On PostgreSQL a session advisory lock serialises concurrent runners for the whole upgrade or downgrade, and is
 * always released in {@code finally}.
 */
public final class Migrator {
    /** The advisory-lock key: "autogen" in ASCII. */
    static final long LOCK_KEY = 0x6175746f67656eL;

    private final ConnectionFactory connections;
    private final Dialect dialect;
    private final RevisionGraph graph;
    private final LiveSchema liveSchema;
    private final Consumer<String> listener;
    private final String appliedBy;
    private final Clock clock;
    private final VersionStore store;

    /**
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the migrations do not form a valid graph
     */
    public Migrator(ConnectionFactory connections, Dialect dialect, List<LoadedMigration> migrations) {
        this(connections, dialect, new RevisionGraph(migrations), LiveSchema.forDialect(dialect), line -> { },
                System.getProperty("user.name", "unknown"), Clock.systemUTC());
    }

    private Migrator(ConnectionFactory connections, Dialect dialect, RevisionGraph graph, LiveSchema liveSchema,
            Consumer<String> listener, String appliedBy, Clock clock) {
        this.connections = connections;
        this.dialect = dialect;
        this.graph = graph;
        this.liveSchema = liveSchema;
        this.listener = listener;
        this.appliedBy = appliedBy;
        this.clock = clock;
        this.store = new VersionStore(dialect);
    }

    /** Receives one progress line per revision ({@code applying 5d0e1f7a3c21 initial schema … 42 ms}). */
    public Migrator withListener(Consumer<String> listener) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock);
    }

    /** How to read the schema inside the running transaction (SQLite's renderer needs it to rebuild tables). */
    public Migrator withLiveSchema(LiveSchema liveSchema) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock);
    }

    /** Who the history rows say ran the migration (default: the operating-system user). */
    public Migrator withAppliedBy(String appliedBy) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock);
    }

    /** The clock for {@code applied_at}. */
    public Migrator withClock(Clock clock) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock);
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** The revisions no other follows (usually one). */
    public List<String> heads() {
        return graph.heads();
    }

    /** The revisions the database is at (the rows of {@code autogen_version}); empty when none was applied. */
    public List<String> current() {
        try (Connection c = open()) {
            return store.current(c);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.VERSION, e);
        }
    }

    /** Every revision applied or reverted, oldest first. */
    public List<HistoryEntry> history() {
        try (Connection c = open()) {
            return store.history(c);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    /**
     * Applies the revisions up to {@code target} ({@code head}, {@code heads} (every branch), {@code +N}, a revision id
     * or prefix).
     *
     * @return the ids applied, in order (empty when already there)
     * @throws MigrationException when a revision fails (it is rolled back; the ones before it stay applied)
     */
    public List<String> upgrade(String target) {
        return locked(c -> {
            List<String> heads = store.current(c);
            List<String> done = new ArrayList<>();
            for (LoadedMigration m : graph.upgradePath(heads, target)) {
                List<String> before = heads;
                List<String> after = graph.headsAfterUpgrade(before, m.id());
                List<Operation> operations = m.upgradeOperations();
                run(c, m, "applying", HistoryEntry.UPGRADE, operations, before, after);
                heads = after;
                done.add(m.id());
            }
            return List.copyOf(done);
        });
    }

    /**
     * Reverts revisions, newest first, until {@code target} ({@code -N}, {@code base}, a revision id or prefix) is
     * the current revision.
     *
     * @return the ids reverted, in order (empty when already there)
     * @throws MigrationException when a revision fails or cannot be reverted
     */
    public List<String> downgrade(String target) {
        return locked(c -> {
            List<String> heads = store.current(c);
            List<String> done = new ArrayList<>();
            for (LoadedMigration m : graph.downgradePath(heads, target)) {
                List<String> before = heads;
                List<String> after = graph.headsAfterDowngrade(before, m.id());
                List<Operation> operations;
                try {
                    operations = m.downgradeOperations();
                } catch (RuntimeException e) {
                    throw new MigrationException("revision " + RevisionRunner.label(m) + " cannot be downgraded: "
                            + e.getMessage() + " — write its downgrade by hand or stop at a later revision", e);
                }
                run(c, m, "reverting", HistoryEntry.DOWNGRADE, operations, before, after);
                heads = after;
                done.add(m.id());
            }
            return List.copyOf(done);
        });
    }

    /**
     * Sets the version table to {@code target} ({@code head}, {@code heads}, {@code base}, a revision id or prefix)
     * without running any migration: for adopting a database whose schema is already there, or for repairing a
     * version table. Writes one {@code stamp} history row per version row (with the revision's checksum), or one for
     * {@code base}.
     *
     * @return the version rows afterwards
     */
    public List<String> stamp(String target) {
        List<String> after = graph.rowsAfterStamp(target);
        return locked(c -> {
            List<String> before = store.current(c);
            c.setAutoCommit(false);
            try {
                store.moveHeads(c, before, after);
                Instant now = clock.instant();
                if (after.isEmpty()) {
                    store.record(c, "base", HistoryEntry.STAMP, "", now, appliedBy, 0);
                }
                for (String id : after) {
                    store.record(c, id, HistoryEntry.STAMP, MigrationChecksum.of(graph.get(id)), now, appliedBy, 0);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            listener.accept("stamping " + (after.isEmpty() ? "base" : String.join(", ", after)) + " (was "
                    + (before.isEmpty() ? "base" : String.join(", ", before)) + ")");
            return after;
        });
    }

    /**
     * Compares what the database recorded with these migrations: edited applied revisions (checksum changed), a
     * version row that no migration defines. Read-only; an empty database is valid.
     *
     * @param source where the migrations come from, for the messages
     */
    public AppliedRevisions.Report validate(String source) {
        try (Connection c = open()) {
            return AppliedRevisions.check(graph, store.current(c), store.history(c), source);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    private void run(Connection c, LoadedMigration m, String verb, String direction, List<Operation> operations,
            List<String> before, List<String> after) {
        String checksum = MigrationChecksum.of(m);
        long ms = new RevisionRunner(dialect, liveSchema).run(c, m, operations, (conn, durationMs) -> {
            store.moveHeads(conn, before, after);
            store.record(conn, m.id(), direction, checksum, clock.instant(), appliedBy, durationMs);
        });
        listener.accept(verb + " " + m.id() + (m.message().isBlank() ? "" : " " + m.message()) + " … " + ms + " ms");
    }

    @FunctionalInterface
    private interface Work {
        List<String> run(Connection c) throws SQLException;
    }

    /** Opens a connection, takes the advisory lock (PostgreSQL), makes sure the version tables exist, runs work. */
    private List<String> locked(Work work) {
        try (Connection c = open()) {
            c.setAutoCommit(true);
            lock(c, "pg_advisory_lock");
            RuntimeException failure = null;
            try {
                store.createIfMissing(c);
                return work.run(c);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                unlock(c, failure);
            }
        } catch (SQLException e) {
            throw databaseFailure("database error", e);
        }
    }

    private void lock(Connection c, String function) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("select " + function + "(?)")) {
            st.setLong(1, LOCK_KEY);
            st.execute();
        }
    }

    /** Releases the advisory lock; a failure to do so never hides the failure that ended the run. */
    private void unlock(Connection c, RuntimeException failure) throws SQLException {
        try {
            lock(c, "pg_advisory_unlock");
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private Connection open() {
        try {
            return connections.open();
        } catch (SQLException e) {
            throw databaseFailure("cannot connect to the database", e);
        }
    }

    private static MigrationException databaseFailure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
        return new MigrationException(what + ": " + message, e);
    }
}
