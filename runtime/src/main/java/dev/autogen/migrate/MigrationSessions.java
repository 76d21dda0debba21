package dev.autogen.migrate;

import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a {@link Migrator} reaches its database: a connection in its schema for a read ({@link #reading}), or a whole run
 * under the migration lock ({@link #locked}) that always ends, durable and unlocked, in {@code finally}. Kept apart
 * from the migrator so that what a command does is not mixed with how its session is set up and torn down.
 */
final class MigrationSessions {
    private final ConnectionFactory connections;
    private final Dialect dialect;
    private final VersionStore store;
    private final LiveSchema liveSchema;
    private final Consumer<String> listener;
    private final MigrationTimeouts timeouts;
    /** How concurrent runners are kept apart on PostgreSQL ({@link MigrationLockKind}). */
    private final MigrationLockKind lockKind;
    /** The PostgreSQL schema to work in (its {@code search_path}), or null for the connection's own. */
    private final String schema;
    /** The server behind the PostgreSQL protocol ({@link Migrator#withProfile}). */
    private final ServerProfile profile;
    /** Whether the caller saw both version tables in the schema ({@link Migrator#expectingVersionTables}). */
    private final boolean versionTablesSeen;

    MigrationSessions(ConnectionFactory connections, Dialect dialect, VersionStore store, LiveSchema liveSchema,
            Consumer<String> listener, MigrationTimeouts timeouts, MigrationLockKind lockKind, String schema,
            ServerProfile profile, boolean versionTablesSeen) {
        this.connections = connections;
        this.dialect = dialect;
        this.store = store;
        this.liveSchema = liveSchema;
        this.listener = listener;
        this.timeouts = timeouts;
        this.lockKind = lockKind;
        this.schema = schema;
        this.versionTablesSeen = versionTablesSeen;
        this.profile = profile;
    }

    /** A read of the version tables, without the lock. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /** What a run does once it holds the lock and the version tables exist. */
    @FunctionalInterface
    interface Work {
        List<String> run(Connection c, RevisionRunner runner, RecordedAtStart start) throws SQLException;
    }

    /** The version tables as the run found them under the lock: already read, or read when asked. */
    @FunctionalInterface
    interface RecordedAtStart {
        RecordedRevisions read() throws SQLException;
    }

    /**
     * Runs {@code read} on a new connection in the schema, closed afterwards; a database error becomes a
     * {@link MigrationException} that begins with {@code what} (e.g. "cannot read autogen_history").
     */
    <T> T reading(String what, Read<T> read) {
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            return read.run(c);
        } catch (SQLException e) {
            throw databaseFailure(what, e);
        }
    }

    /**
     * Opens a connection, takes the migration lock ({@link MigrationLock}), makes sure the version tables exist, runs
     * the work, and releases the lock in {@code finally} (a failure to release never hides the failure of the work).
     */
    List<String> locked(Work work) {
        return locked(work, false);
    }

    /**
     * {@link #locked} for a path of revisions (an upgrade or a downgrade), which on PostgreSQL with the advisory lock,
     * where the caller saw both version tables ({@link Migrator#expectingVersionTables}), is first tried in one
     * transaction ({@link PostgresTransactionRun}): the work's {@link RevisionRunner} then refuses, before anything
     * is written, whatever would not fit in it, and the work runs again on the session lock.
     */
    List<String> lockedPath(Work work) {
        return locked(work, versionTablesSeen);
    }

    private List<String> locked(Work work, boolean inOneTransaction) {
        if (store.ledger() != null && !versionTablesSeen) {
            ensureLedger();
        }
        if (dialect == Dialect.POSTGRESQL && lockKind == MigrationLockKind.ADVISORY
                && profile == ServerProfile.POSTGRESQL) {
            List<String> done = inOneTransaction ? lockedInOneTransaction(work) : null;
            if (done != null) {
                return done;
            }
            done = lockedInOneRoundTrip(work);
            if (done != null) {
                return done;
            }
        }
        MigrationLock lock = MigrationLock.of(lockKind, dialect, timeouts, listener, connections);
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            c.setAutoCommit(true);
            lock.acquire(c);
            RuntimeException failure = null;
            AsynchronousCommits commits = null;
            try {
                if (dialect == Dialect.POSTGRESQL && store.ledger() == null) {
                    refuseLedgerTenant(c);
                }
                // synchronous_commit is PostgreSQL's own setting: other servers keep theirs
                if (dialect == Dialect.POSTGRESQL && profile == ServerProfile.POSTGRESQL) {
                    commits = AsynchronousCommits.beginAfter(c, store.createTableSql()); // one round trip for both
                } else {
                    store.createIfMissing(c);
                }
                if (dialect == Dialect.MARIADB) {
                    StatementJournal.createIfMissing(c);
                }
                return work.run(c, new RevisionRunner(dialect, liveSchema, timeouts, listener),
                        () -> RecordedRevisions.readExisting(store, c));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                endAsynchronousCommits(commits, c, failure);
                release(lock, c, failure);
            }
        } catch (SQLException e) {
            MigrationException busy = dialect == Dialect.SQLITE
                    ? MigrationLock.SqliteWriteLock.waitedTooLong(e, timeouts) : null;
            throw busy != null ? busy : databaseFailure("database error", e);
        }
    }

    /**
     * {@link #locked} on PostgreSQL with the advisory lock, in one transaction ({@link PostgresTransactionRun}): set
     * up, locked and read in one round trip, the revision's batch commits; null, with nothing written, when the lock
     * or the set-up could not be had, or when the work needs more than one transaction ({@link
     * LongerThanOneTransaction}): the caller then takes the session lock.
     */
    private List<String> lockedInOneTransaction(Work work) {
        try (Connection c = open()) {
            RecordedRevisions recorded = PostgresTransactionRun.start(c, schema, store);
            if (recorded == null) {
                return null;
            }
            Exception failure = null;
            try {
                return work.run(c, new RevisionRunner(dialect, liveSchema, timeouts, listener, true), () -> recorded);
            } catch (LongerThanOneTransaction e) {
                return null;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                endKeepingFailure(() -> PostgresTransactionRun.end(c), failure);
            }
        } catch (SQLException e) {
            throw databaseFailure("database error", e);
        }
    }

    /**
     * {@link #locked} on PostgreSQL with the advisory lock, its session set up, locked and read in one round trip and
     * released in one ({@link PostgresRunSession}); null, with nothing done, when that could not be had (the lock is
     * busy, the schema is missing, ...): the caller then takes the ordinary path, which waits and reports.
     */
    private List<String> lockedInOneRoundTrip(Work work) {
        try (Connection c = open()) {
            c.setAutoCommit(true);
            PostgresRunSession session = PostgresRunSession.start(c, schema, store, versionTablesSeen);
            if (session == null) {
                return null;
            }
            Exception failure = null;
            try {
                return work.run(c, new RevisionRunner(dialect, liveSchema, timeouts, listener), session::recorded);
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                session.end(c, failure);
            }
        } catch (SQLException e) {
            throw databaseFailure("database error", e);
        }
    }

    /** Makes the run durable ({@link AsynchronousCommits}); a failure to do so never hides the failure of the work. */
    private static void endAsynchronousCommits(AsynchronousCommits commits, Connection c, RuntimeException failure)
            throws SQLException {
        if (commits != null) {
            endKeepingFailure(() -> commits.end(c), failure);
        }
    }

    private static void release(MigrationLock lock, Connection c, RuntimeException failure) throws SQLException {
        endKeepingFailure(() -> lock.release(c), failure);
    }

    @FunctionalInterface
    private interface SessionEnd {
        void run() throws SQLException;
    }

    /** Runs {@code end}; when the work already failed, a failure of {@code end} is added to it rather than hiding it. */
    private static void endKeepingFailure(SessionEnd end, Exception failure) throws SQLException {
        try {
            end.run();
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /**
     * Creates the fleet's tenant ledger when missing, under its own lock ({@link TenantLedger#ensure}): the run's own
     * set-up only creates tables under the schema's lock, which runners of other tenants do not share.
     */
    private void ensureLedger() {
        try (Connection c = open()) {
            c.setAutoCommit(true);
            store.ledger().ensure(c);
        } catch (SQLException e) {
            throw databaseFailure("cannot create the tenant ledger in schema " + store.ledger().schema(), e);
        }
    }

    /**
     * Refuses to run in a schema whose versions a tenant ledger keeps ({@link TenantLedger#holdingCurrentSchema}):
     * without the ledger this run would find no version rows, create the schema's own tables and start from base. On
     * the fast paths the block that creates the tables checks the same ({@link PostgresRunSession}) and fails, which
     * sends the run here.
     */
    private void refuseLedgerTenant(Connection c) throws SQLException {
        String ledger = TenantLedger.holdingCurrentSchema(c);
        if (ledger != null) {
            throw new MigrationException("schema " + (schema == null ? "" : schema + " ") + "keeps its versions in the"
                    + " tenant ledger in schema " + ledger + " — nothing was run; migrate it through --targets with"
                    + " ledger=" + ledger + " on its line (from Java: Migrator.withLedger)");
        }
    }

    private Connection open() {
        try {
            Connection c = connections.open();
            if (dialect == Dialect.MARIADB) {
                MariadbSession.prepare(c);
            }
            return c;
        } catch (SQLException e) {
            throw databaseFailure("cannot connect to the database", e);
        }
    }

    private static MigrationException databaseFailure(String what, SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
        return new MigrationException(what + ": " + message, e);
    }
}
