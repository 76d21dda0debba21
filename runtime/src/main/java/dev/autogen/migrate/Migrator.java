package dev.autogen.migrate;

import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationStatus;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>This class says what each command does; how a run holds its session and lock ({@link MigrationSessions}), runs
 * a path of revisions ({@link RevisionPathRunner}) and edits the version tables without a migration
 * ({@link VersionTableEdits}) live in package-private collaborators, each small enough to read whole.
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
    /** The fleet's tenant ledger the schema's versions are kept in ({@link #withLedger}), or null. */
    private final TenantLedger ledger;
    private final MigrationSessions sessions;
    private final VersionTableEdits edits;
    private final RevisionPathRunner paths;

    /**
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the migrations do not form a valid graph
     */
    public Migrator(ConnectionFactory connections, Dialect dialect, List<LoadedMigration> migrations) {
        this(connections, dialect, new RevisionGraph(migrations), LiveSchema.forDialect(dialect), line -> { },
                System.getProperty("user.name", "unknown"), Clock.systemUTC(), MigrationTimeouts.DEFAULT,
                MigrationLockKind.ADVISORY, null, false, OnlineSettings.DEFAULT, ServerProfile.POSTGRESQL, false, null);
    }

    private Migrator(ConnectionFactory connections, Dialect dialect, RevisionGraph graph, LiveSchema liveSchema,
            Consumer<String> listener, String appliedBy, Clock clock, MigrationTimeouts timeouts,
            MigrationLockKind lockKind, String schema, boolean ignoreEdited, OnlineSettings online,
            ServerProfile profile, boolean versionTablesSeen, TenantLedger ledger) {
        this.connections = connections;
        this.dialect = dialect;
        this.graph = graph;
        this.liveSchema = liveSchema;
        this.listener = listener;
        this.appliedBy = appliedBy;
        this.clock = clock;
        this.ledger = ledger;
        this.store = ledger == null || schema == null ? new VersionStore(dialect)
                : VersionStore.inLedger(ledger, schema);
        this.timeouts = timeouts;
        this.lockKind = lockKind;
        this.schema = schema;
        this.ignoreEdited = ignoreEdited;
        this.online = online;
        this.profile = profile;
        this.versionTablesSeen = versionTablesSeen;
        this.sessions = new MigrationSessions(connections, dialect, store, liveSchema, listener, timeouts, lockKind,
                schema, profile, versionTablesSeen);
        this.edits = new VersionTableEdits(graph, store, clock, appliedBy, listener);
        this.paths = new RevisionPathRunner(graph, store, dialect, listener, clock, appliedBy, online, profile);
    }

    /** Receives one progress line per revision ({@code applying 5d0e1f7a3c21 initial schema … 42 ms}). */
    public Migrator withListener(Consumer<String> listener) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /** How to read the schema inside the running transaction (SQLite's renderer needs it to rebuild tables). */
    public Migrator withLiveSchema(LiveSchema liveSchema) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /** Who the history rows say ran the migration (default: the operating-system user). */
    public Migrator withAppliedBy(String appliedBy) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /** The clock for {@code applied_at}. */
    public Migrator withClock(Clock clock) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /**
     * How long to wait for another runner's lock, and the PostgreSQL session timeouts of statements that run outside a
     * transaction (default {@link MigrationTimeouts#DEFAULT}).
     */
    public Migrator withTimeouts(MigrationTimeouts timeouts) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /** Serialises concurrent runners with {@code kind} on PostgreSQL (default: the advisory lock). */
    public Migrator withLock(MigrationLockKind kind) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, kind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
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
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /**
     * Runs {@link #upgrade} and {@link #downgrade} although applied revisions were edited after they ran (by default
     * they refuse with {@link EditedRevisionsException}): the explicit, one-off way past that refusal
     * ({@code --ignore-edited}); {@link #repair()} is the lasting one.
     */
    public Migrator ignoringEditedRevisions() {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                true, online, profile, versionTablesSeen, ledger);
    }

    /**
     * How operations marked {@code .online()} run on PostgreSQL: lock retries and their backoff, and whether every
     * operation that has an online form runs online, marked or not (default {@link OnlineSettings#DEFAULT}). On MariaDB
     * those operations run with {@code ALGORITHM=INPLACE, LOCK=NONE} (retries do not apply); SQLite ignores it.
     */
    public Migrator withOnline(OnlineSettings settings) {
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, settings, profile, versionTablesSeen, ledger);
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
                profile.defaultLock(), schema, ignoreEdited, online, profile, versionTablesSeen, ledger);
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
                ignoreEdited, online, profile, true, ledger);
    }

    /**
     * Keeps the schema's version rows and history in the fleet's tenant {@code ledger} (one table per server, keyed by
     * tenant schema) rather than in the schema's own {@code autogen_version} and {@code autogen_history}; the lock is
     * still the schema's own. Needs {@link #withSchema} (the tenant); null means the schema's own tables.
     *
     * @throws IllegalArgumentException on SQLite and MariaDB, which have no tenant schemas
     */
    public Migrator withLedger(TenantLedger ledger) {
        if (ledger != null && dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a tenant ledger keeps PostgreSQL tenant schemas' versions; "
                    + dialect.displayName() + " has none: drop ledger=");
        }
        return new Migrator(connections, dialect, graph, liveSchema, listener, appliedBy, clock, timeouts, lockKind, schema,
                ignoreEdited, online, profile, versionTablesSeen, ledger);
    }

    /**
     * The batch that moves several tenant schemas of this migrator's ledger from {@code before} towards
     * {@code target} in one transaction ({@link TenantBatch}), or empty when this migrator keeps no ledger, is not on
     * PostgreSQL with the advisory lock, or the path does not fit in one transaction of plain DDL: then each tenant
     * runs on its own ({@link #withSchema}, {@link #upgrade}).
     */
    public Optional<TenantBatch> tenantBatch(List<String> before, String target, boolean upgrade) {
        if (ledger == null || dialect != Dialect.POSTGRESQL || lockKind != MigrationLockKind.ADVISORY
                || profile != ServerProfile.POSTGRESQL) {
            return Optional.empty();
        }
        return TenantBatch.of(graph, ledger, before, target, upgrade, online, ignoreEdited, clock, appliedBy);
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
        return sessions.reading("cannot read " + VersionTables.VERSION, store::current);
    }

    /**
     * Refuses, as {@code command} would under its lock, when an applied revision was edited (unless
     * {@link #ignoringEditedRevisions}): lets a caller fail before it prints or asks anything about the run.
     *
     * @throws EditedRevisionsException naming the edited revisions
     */
    public void refuseEditedRevisions(String command) {
        sessions.reading("cannot read " + VersionTables.HISTORY, c -> {
            refuseEditedRevisions(c, command);
            return null;
        });
    }

    /** Every revision applied or reverted, oldest first. */
    public List<HistoryEntry> history() {
        return sessions.reading("cannot read " + VersionTables.HISTORY, store::history);
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
        return sessions.lockedPath((c, runner, start) -> {
            // read once (the tables were just created if missing): the check, the path and the first step use it
            RecordedRevisions recorded = start.read();
            refuseEditedRevisions(recorded, "upgrade");
            noteSquashedTarget(target, runner);
            List<String> done = new ArrayList<>();
            List<String> current = recorded.current();
            if (!graph.namesOriginal(target)) {
                // part-way through a squash whose originals are here: through them first, then at the squash
                List<String> unfinished = graph.unfinishedSquashes(current);
                runner.requireOneTransaction(unfinished.isEmpty() && graph.adoptions(current).isEmpty());
                for (String last : unfinished) {
                    done.addAll(paths.run(c, runner, graph.upgradePath(store.current(c), last), true, null));
                }
                current = edits.adoptSquashes(c, unfinished.isEmpty() ? current : store.current(c));
            }
            ContractHold hold = ContractHold.of(graph, graph.upgradePath(current, target), target,
                    contracts == ContractRevisions.APPLY);
            if (dialect == Dialect.MARIADB) {
                HalfRunRevisions.beforeUpgrade(c, hold.run());
            }
            done.addAll(paths.run(c, runner, hold.run(), true, current));
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
        return sessions.lockedPath((c, runner, start) -> {
            RecordedRevisions recorded = start.read();
            refuseEditedRevisions(recorded, "downgrade");
            noteSquashedTarget(target, runner);
            List<String> current = recorded.current();
            if (!graph.namesOriginal(target)) {
                runner.requireOneTransaction(graph.adoptions(current).isEmpty());
                current = edits.adoptSquashes(c, current);
            }
            List<LoadedMigration> path = graph.downgradePath(current, target);
            List<String> reverted = new ArrayList<>(dialect == Dialect.MARIADB
                    ? HalfRunRevisions.beforeDowngrade(c, graph, path, listener) : List.of());
            // a half-run downgrade finished above changed the version rows: read them again
            reverted.addAll(paths.run(c, runner, path, false, reverted.isEmpty() ? current : null));
            return List.copyOf(reverted);
        });
    }

    private void noteSquashedTarget(String target, RevisionRunner runner) {
        String note = graph.targetNote(target);
        runner.requireOneTransaction(note == null); // said once, on the path that then runs
        if (note != null) {
            listener.accept(note);
        }
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
        return sessions.locked((c, runner, start) -> edits.repair(c, start.read()));
    }

    /** Fails before anything runs when an applied revision was edited, unless {@link #ignoringEditedRevisions}. */
    private void refuseEditedRevisions(Connection c, String command) throws SQLException {
        EditedRevisions.refuse(ignoreEdited ? List.of() : EditedRevisions.in(graph, store.current(c), store.history(c)),
                command);
    }

    /** {@link #refuseEditedRevisions(Connection, String)} with the version tables already read under the lock. */
    private void refuseEditedRevisions(RecordedRevisions recorded, String command) {
        EditedRevisions.refuse(ignoreEdited ? List.of() : EditedRevisions.in(graph, recorded), command);
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
        return sessions.locked((c, runner, start) -> edits.stamp(c, start.read().current(), after));
    }

    /**
     * Compares what the database recorded with these migrations: edited applied revisions (checksum changed), a
     * version row that no migration defines. Read-only; an empty database is valid.
     *
     * @param source where the migrations come from, for the messages
     */
    public AppliedRevisions.Report validate(String source) {
        return sessions.reading("cannot read " + VersionTables.HISTORY,
                c -> AppliedRevisions.check(graph, store.current(c), store.history(c), source));
    }

    /**
     * Every revision with what the database recorded of it (applied or pending, when, checksum) and {@link #validate}'s
     * problems, read in one connection: the data of a status listing. Read-only; an empty database has every revision
     * pending.
     *
     * @param source where the migrations come from, for the messages
     */
    public MigrationStatus status(String source) {
        return sessions.reading("cannot read " + VersionTables.HISTORY,
                c -> MigrationStatus.of(graph, store.current(c), store.history(c), source));
    }
}
