package dev.autogen.migrate;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.MigrationStatus;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies and reverts revisions against one database, one transaction per revision (on PostgreSQL committed
 * asynchronously and made durable once at the end of the run, see {@link AsynchronousCommits}), and keeps
 * {@code autogen_version} (the current heads) and {@code autogen_history} (the audit trail) in step with them. The
 * command line and applications that migrate at start-up both call this class.
 *
 * <p>Runners started together (several instances of an application, two CI jobs) are serialised by
 * {@link MigrationLock}: a session advisory lock on PostgreSQL, held for the whole run and always released in
 * {@code finally}; the database's write lock ({@code BEGIN IMMEDIATE}) per revision on SQLite. Each revision is applied
 * exactly once; the runners that waited find it applied and go on with what is left, usually nothing.
 *
 * <p>MariaDB commits each DDL statement on its own, so a revision there runs statement by statement under a journal
 * ({@link JournaledRevision}): a failure leaves exactly the recorded statements applied, {@code upgrade} resumes
 * after them and {@code downgrade} reverts them.
 */
public final class Migrator {
    /** The advisory-lock key: "autogen" in ASCII. */
    static final long LOCK_KEY = MigrationLock.PostgresAdvisoryLock.KEY;

    private final ConnectionFactory connections;
    private final Dialect dialect;
    private final RevisionGraph graph;
    private final LiveSchema liveSchema;
    private final Consumer<String> listener;
    private final String appliedBy;
    private final Clock clock;
    private final VersionStore store;
    private final MigrationTimeouts timeouts;
    /** How concurrent runners are kept apart on PostgreSQL ({@link MigrationLockKind}). */
    private final MigrationLockKind lockKind;
    /** The PostgreSQL schema this migrator works in (its {@code search_path}), or null for the connection's own. */
    private final String schema;
    /** Whether upgrade and downgrade run although applied revisions were edited ({@link #ignoringEditedRevisions}). */
    private final boolean ignoreEdited;
    /** How operations marked online run on PostgreSQL ({@link #withOnline}). */
    private final OnlineSettings online;
    /** The server behind the PostgreSQL protocol ({@link #withProfile}). */
    private final ServerProfile profile;
    /** Whether the caller saw both version tables in the schema ({@link #expectingVersionTables}). */
    private final boolean versionTablesSeen;

    /**
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the migrations do not form a valid graph
     */
    public Migrator(ConnectionFactory connections, Dialect dialect, List<LoadedMigration> migrations) {
        this(connections, dialect, new RevisionGraph(migrations), LiveSchema.forDialect(dialect), line -> { },
                System.getProperty("user.name", "unknown"), Clock.systemUTC(), MigrationTimeouts.DEFAULT,
                MigrationLockKind.ADVISORY, null, false, OnlineSettings.DEFAULT, ServerProfile.POSTGRESQL, false);
    }

    private Migrator(ConnectionFactory connections, Dialect dialect, RevisionGraph graph, LiveSchema liveSchema,
            Consumer<String> listener, String appliedBy, Clock clock, MigrationTimeouts timeouts,
            MigrationLockKind lockKind, String schema, boolean ignoreEdited, OnlineSettings online,
            ServerProfile profile, boolean versionTablesSeen) {
        this.connections = connections;
        this.dialect = dialect;
        this.graph = graph;
        this.liveSchema = liveSchema;
        this.listener = listener;
        this.appliedBy = appliedBy;
        this.clock = clock;
        this.store = new VersionStore(dialect);
        this.timeouts = timeouts;
        this.lockKind = lockKind;
        this.schema = schema;
        this.ignoreEdited = ignoreEdited;
        this.online = online;
        this.profile = profile;
        this.versionTablesSeen = versionTablesSeen;
    }

    /** Receives one progress line per revision ({@code applying 5d0e1f7a3c21 initial schema … 42 ms}). */
    public Migrator withListener(Consumer<String> listener) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /** How to read the schema inside the running transaction (SQLite's renderer needs it to rebuild tables). */
    public Migrator withLiveSchema(LiveSchema liveSchema) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /** Who the history rows say ran the migration (default: the operating-system user). */
    public Migrator withAppliedBy(String appliedBy) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /** The clock for {@code applied_at}. */
    public Migrator withClock(Clock clock) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /**
     * How long to wait for another runner's lock, and the PostgreSQL session timeouts of statements that run outside a
     * transaction (default {@link MigrationTimeouts#DEFAULT}).
     */
    public Migrator withTimeouts(MigrationTimeouts timeouts) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /** Serialises concurrent runners with {@code kind} on PostgreSQL (default: the advisory lock). */
    public Migrator withLock(MigrationLockKind kind) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, kind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /**
     * Works in one PostgreSQL schema: each connection's {@code search_path} is set to exactly {@code schema} for the
     * run (and restored afterwards), so the version tables and everything the migrations create live in that schema,
     * and the migration lock is that schema's own ({@link MigrationLock}): runs in different schemas proceed in
     * parallel, one schema is never migrated twice at once. A schema that does not exist is an error. Null means the
     * connection's own search path.
     *
     * @throws IllegalArgumentException on SQLite, which has no schemas
     */
    public Migrator withSchema(String schema) {
        if (schema != null && dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException(dialect + " has no schemas: a migrator can work in a schema only on"
                    + " PostgreSQL");
        }
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen);
    }

    /**
     * Runs {@link #upgrade} and {@link #downgrade} although applied revisions were edited after they ran (by default
     * they refuse with {@link EditedRevisionsException}): the explicit, one-off way past that refusal
     * ({@code --ignore-edited}); {@link #repair()} is the lasting one.
     */
    public Migrator ignoringEditedRevisions() {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                true, online, profile, versionTablesSeen);
    }

    /**
     * How operations marked {@code .online()} run on PostgreSQL: lock retries and their backoff, and whether every
     * operation that has an online form runs online, marked or not (default {@link OnlineSettings#DEFAULT}). On MariaDB
     * those operations run with {@code ALGORITHM=INPLACE, LOCK=NONE} (retries do not apply); SQLite ignores it.
     */
    public Migrator withOnline(OnlineSettings settings) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, settings, profile, versionTablesSeen);
    }

    /**
     * Talks to {@code profile}'s server ({@link ServerProfile}): under CockroachDB's and YugabyteDB's every statement of
     * a revision commits alone and the version row is written after them; the lock becomes the profile's default
     * ({@link ServerProfile#defaultLock}) until {@link #withLock} chooses another.
     *
     * @throws IllegalArgumentException for a profile other than PostgreSQL's on SQLite or MariaDB
     */
    public Migrator withProfile(ServerProfile profile) {
        if (profile != ServerProfile.POSTGRESQL && dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("--profile " + profile + " is for servers that speak PostgreSQL's"
                    + " protocol, not " + dialect.displayName() + ": drop it");
        }
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts,
                profile.defaultLock(), schema, ignoreEdited, online, profile, versionTablesSeen);
    }

    /**
     * Tells the migrator that both version tables exist in its schema (a rollout's summary query saw them), so that on
     * PostgreSQL with the advisory lock the run's set-up does not send the {@code do} block that creates them when
     * missing: the server compiles that block on every run, a cost a fleet of thousands of schemas pays per schema.
     * Safe if they are gone after all: the set-up's read of them then fails, is undone, and the ordinary path creates
     * them ({@link PostgresRunSession}).
     */
    public Migrator expectingVersionTables() {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, true);
    }

    /** The schema set by {@link #withSchema}, or null. */
    public String schema() {
        return schema;
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
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            return store.current(c);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.VERSION, e);
        }
    }

    /**
     * Refuses, as {@code command} would under its lock, when an applied revision was edited (unless
     * {@link #ignoringEditedRevisions}): lets a caller fail before it prints or asks anything about the run.
     *
     * @throws EditedRevisionsException naming the edited revisions
     */
    public void refuseEditedRevisions(String command) {
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            refuseEditedRevisions(c, command);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    /** Every revision applied or reverted, oldest first. */
    public List<HistoryEntry> history() {
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            return store.history(c);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    /**
     * Applies the revisions up to {@code target} ({@code head}, {@code heads} (every branch), {@code +N}, a revision id
     * or prefix). Runners started together each apply what is left when they get the lock, so every revision is applied
     * once.
     *
     * For {@code head} and {@code heads} it stops before the first contract revision and reports that it waits
     * ({@link ContractRevisions#WAIT}, see {@link #upgrade(String, ContractRevisions)}).
     *
     * @return the ids this call applied, in order (empty when already there, or when another runner applied them)
     * @throws MigrationException when a revision fails (it is rolled back; the ones before it stay applied)
     */
    public List<String> upgrade(String target) {
        return upgrade(target, ContractRevisions.WAIT);
    }

    /**
     * {@link #upgrade(String)}, saying whether contract revisions ({@link Revision#contract()}) on the way to
     * {@code head} or {@code heads} are applied ({@code --contract}) or left waiting, each waiting one reported to the
     * listener in one line. An explicit target (an id, a prefix, {@code +N}) applies the revisions it names either way.
     */
    public List<String> upgrade(String target, ContractRevisions contracts) {
        return locked((c, runner, start) -> {
            // read once (the tables were just created if missing): the check, the path and the first step use it
            RecordedRevisions recorded = start.read();
            refuseEditedRevisions(recorded, "upgrade");
            noteSquashedTarget(target);
            List<String> done = new ArrayList<>();
            List<String> current = recorded.current();
            if (!graph.namesOriginal(target)) {
                // part-way through a squash whose originals are here: through them first, then at the squash
                List<String> unfinished = graph.unfinishedSquashes(current);
                for (String last : unfinished) {
                    done.addAll(runAll(c, runner, graph.upgradePath(store.current(c), last), true, null));
                }
                current = adoptSquashes(c, unfinished.isEmpty() ? current : store.current(c));
            }
            ContractHold hold = ContractHold.of(graph, graph.upgradePath(current, target), target,
                    contracts == ContractRevisions.APPLY);
            if (dialect == Dialect.MARIADB) {
                HalfRunRevisions.beforeUpgrade(c, hold.run());
            }
            done.addAll(runAll(c, runner, hold.run(), true, current));
            hold.waiting().forEach(m -> listener.accept(ContractHold.waitingLine(m)));
            return List.copyOf(done);
        });
    }

    /**
     * Reverts revisions, newest first, until {@code target} ({@code -N}, {@code base}, a revision id or prefix) is
     * the current revision. On MariaDB a revision whose upgrade stopped half-way (above the current one) is reverted
     * first, exactly the statements of it that ran ({@link HalfRunRevisions}).
     *
     * @return the ids reverted, in order (empty when already there)
     * @throws MigrationException when a revision fails or cannot be reverted
     */
    public List<String> downgrade(String target) {
        return locked((c, runner, start) -> {
            RecordedRevisions recorded = start.read();
            refuseEditedRevisions(recorded, "downgrade");
            noteSquashedTarget(target);
            List<String> current = recorded.current();
            if (!graph.namesOriginal(target)) {
                current = adoptSquashes(c, current);
            }
            List<LoadedMigration> path = graph.downgradePath(current, target);
            List<String> reverted = new ArrayList<>(dialect == Dialect.MARIADB
                    ? HalfRunRevisions.beforeDowngrade(c, graph, path, listener) : List.of());
            // a half-run downgrade finished above changed the version rows: read them again
            reverted.addAll(runAll(c, runner, path, false, reverted.isEmpty() ? current : null));
            return List.copyOf(reverted);
        });
    }

    private void noteSquashedTarget(String target) {
        String note = graph.targetNote(target);
        if (note != null) {
            listener.accept(note);
        }
    }

    /**
     * Records a database whose version row is the last revision a squash replaces at the squash itself: the row
     * moves and a {@code squash} history row with the squash's checksum is written, in one transaction, so that from
     * now on the database reads as the squash whether or not the originals are still in the code. Returns the rows
     * afterwards ({@code before} when nothing was adopted).
     */
    private List<String> adoptSquashes(Connection c, List<String> before) throws SQLException {
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

    /**
     * Records the checksum the migrations have now for every applied revision whose recorded one differs (an edit
     * made on purpose, e.g. a comment in an operation or a fixed downgrade, after review), as one {@code repair} row
     * per revision in the history, as Flyway's {@code repair} does; nothing else changes. Afterwards {@code validate},
     * {@code upgrade} and {@code downgrade} accept those revisions.
     *
     * @return the repaired revisions, in revision order (empty when nothing was edited)
     */
    public List<String> repair() {
        return locked((c, runner, start) -> {
            RecordedRevisions recorded = start.read();
            List<String> edited = edited(recorded.current(), recorded.history()).stream().map(IntegrityProblem::revision).toList();
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
        });
    }

    /** The applied revisions whose recorded checksum differs from the migrations' (read under the lock). */
    private List<IntegrityProblem> edited(Connection c) throws SQLException {
        return edited(store.current(c), store.history(c));
    }

    private List<IntegrityProblem> edited(List<String> current, List<HistoryEntry> history) {
        return AppliedRevisions.check(graph, current, history, "the migrations").problems().stream()
                .filter(p -> p.kind() == IntegrityProblem.Kind.EDITED).toList();
    }

    /** Fails before anything runs when an applied revision was edited, unless {@link #ignoringEditedRevisions}. */
    private void refuseEditedRevisions(Connection c, String command) throws SQLException {
        refuse(ignoreEdited ? List.of() : edited(c), command);
    }

    /** {@link #refuseEditedRevisions(Connection, String)} with the version tables already read under the lock. */
    private void refuseEditedRevisions(RecordedRevisions recorded, String command) {
        refuse(ignoreEdited ? List.of() : edited(recorded.current(), recorded.history()), command);
    }

    private static void refuse(List<IntegrityProblem> edited, String command) {
        if (!edited.isEmpty()) {
            throw EditedRevisionsException.refusing(command, edited);
        }
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
        return locked((c, runner, start) -> {
            List<String> before = start.read().current();
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
        });
    }

    /**
     * Compares what the database recorded with these migrations: edited applied revisions (checksum changed), a
     * version row that no migration defines. Read-only; an empty database is valid.
     *
     * @param source where the migrations come from, for the messages
     */
    public AppliedRevisions.Report validate(String source) {
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            return AppliedRevisions.check(graph, store.current(c), store.history(c), source);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    /**
     * Every revision with what the database recorded of it (applied or pending, when, checksum) and {@link #validate}'s
     * problems, read in one connection: the data of a status listing. Read-only; an empty database has every revision
     * pending.
     *
     * @param source where the migrations come from, for the messages
     */
    public MigrationStatus status(String source) {
        try (Connection c = open(); SchemaSearchPath path = SchemaSearchPath.enter(c, schema)) {
            return MigrationStatus.of(graph, store.current(c), store.history(c), source);
        } catch (SQLException e) {
            throw databaseFailure("cannot read " + VersionTables.HISTORY, e);
        }
    }

    /**
     * Runs {@code path} one revision at a time. Which revision comes next is decided from the version table read
     * under the lock (on SQLite inside the revision's own {@code BEGIN IMMEDIATE}), so a revision that another runner
     * applied (or reverted) while this one waited is skipped. On PostgreSQL the advisory lock is held for the whole
     * run, so no other runner can move the version rows between two revisions: they are read once, and afterwards
     * taken from what this run's last committed revision wrote (two round trips fewer per revision); the first step
     * takes {@code current}, read under the lock just before.
     */
    private List<String> runAll(Connection c, RevisionRunner runner, List<LoadedMigration> path, boolean upgrade,
            List<String> current) {
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

    @FunctionalInterface
    private interface Work {
        List<String> run(Connection c, RevisionRunner runner, RecordedAtStart start) throws SQLException;
    }

    /** The version tables as the run found them under the lock: already read, or read when asked. */
    @FunctionalInterface
    private interface RecordedAtStart {
        RecordedRevisions read() throws SQLException;
    }

    /**
     * Opens a connection, takes the migration lock ({@link MigrationLock}), makes sure the version tables exist, runs
     * the work, and releases the lock in {@code finally} (a failure to release never hides the failure of the work).
     */
    private List<String> locked(Work work) {
        if (dialect == Dialect.POSTGRESQL && lockKind == MigrationLockKind.ADVISORY
                && profile == ServerProfile.POSTGRESQL) {
            List<String> done = lockedInOneRoundTrip(work);
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
        if (commits == null) {
            return;
        }
        try {
            commits.end(c);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static void release(MigrationLock lock, Connection c, RuntimeException failure) throws SQLException {
        try {
            lock.release(c);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
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
