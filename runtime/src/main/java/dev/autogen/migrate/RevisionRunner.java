package dev.autogen.migrate;

import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.sqlite.SqliteRebuildDependents;
import dev.autogen.sql.sqlite.SqliteRebuildGroups;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one revision at a time: asks the caller which revision comes next once it holds the database's write lock,
 * renders each operation against the schema just before it, executes the statements, lets the caller write its
 * bookkeeping (version row, history row) in the same transaction, and commits; on any failure it rolls back and says
 * which revision and statement failed and what the database said.
 *
 * <p>PostgreSQL: the caller holds the advisory lock ({@link MigrationLock}); a revision runs in one transaction. A
 * revision whose statements all cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}) runs them in autocommit
 * ({@link AutocommitStatements}) and records itself in a short transaction afterwards; a revision that mixes both kinds
 * is refused before anything runs, because it could be neither atomic nor safely run again.
 *
 * <p>SQLite: each revision is one {@code BEGIN IMMEDIATE} transaction, which takes the database's write lock before
 * the next revision is chosen (that is the lock between runners). Foreign-key enforcement is turned off around it (a
 * table rebuild drops and renames tables that others reference; the pragma is a no-op inside a transaction, so it is
 * set before), restored afterwards, and every foreign key is checked with {@code PRAGMA foreign_key_check} before the
 * commit. A table rebuild is completed with the triggers and unmodelled indexes it drops
 * ({@link SqliteRebuildDependents}).
 *
 * <p>A {@link RunCallback} (a migration's Java step) runs on the same connection, inside the revision's transaction,
 * through {@link CallbackConnection}, which refuses to commit or end it.
 *
 * <p>Cost (issue #6): on PostgreSQL a revision of schema operations is one round trip: its DDL, the bookkeeping
 * statement (values inline, {@link Bookkeeping#inlineSql}) and {@code commit} in one JDBC batch. After a failing
 * statement PostgreSQL ignores the rest of the batch, the {@code commit} included, and the revision is rolled back.
 * {@code psql -1} running the same DDL has neither bookkeeping nor commits between revisions; they are what
 * atomicity per revision costs (bench/RESULTS.md).
 */
final class RevisionRunner {
    /** Writes the version and history rows inside the revision's transaction, given its duration. */
    @FunctionalInterface
    interface Bookkeeping {
        void write(Connection c, long durationMs) throws SQLException;

        /**
         * The same write as one statement with its values inline, which a PostgreSQL revision sends in its DDL batch
         * (one round trip fewer); null when there is none, and then {@link #write} runs. Once that batch has run,
         * {@link #written} is called instead of {@link #write}.
         */
        default String inlineSql() {
            return null;
        }

        /** After {@link #inlineSql} ran in the revision's batch. */
        default void written() {
        }

        /** Which way the revision runs ({@code upgrade} or {@code downgrade}): MariaDB's journal keys its rows by it. */
        default String direction() {
            return HistoryEntry.UPGRADE;
        }
    }

    /**
     * The revision to run next, with its operations, its bookkeeping, which operations run online, and the schema
     * the migrations imply before it ({@code schemaBefore}, computed only when asked: MariaDB asks for it when the
     * revision involves PostgreSQL named enums, whose values its native {@code enum(...)} columns spell out).
     */
    record Step(LoadedMigration revision, List<Operation> operations, Bookkeeping bookkeeping, OnlinePlan online,
            Supplier<Schema> schemaBefore) {
        Step(LoadedMigration revision, List<Operation> operations, Bookkeeping bookkeeping, OnlinePlan online) {
            this(revision, operations, bookkeeping, online, () -> Schema.EMPTY);
        }

        Step(LoadedMigration revision, List<Operation> operations, Bookkeeping bookkeeping) {
            this(revision, operations, bookkeeping, OnlinePlan.NONE);
        }
    }

    /** Chooses the next step from the version table it reads under the lock; null when nothing is left to do. */
    @FunctionalInterface
    interface Planner {
        Step next(Connection c) throws SQLException;
    }

    /** A revision that ran, and how long its statements took. */
    record Result(LoadedMigration revision, long durationMs) {
    }

    private final Dialect dialect;
    private final DdlRenderer renderer;
    private final LiveSchema liveSchema;
    private final MigrationTimeouts timeouts;
    private final Consumer<String> listener;
    /** Whether the run's lock ends with its first commit ({@link PostgresTransactionRun}). */
    private final boolean oneTransaction;

    RevisionRunner(Dialect dialect, LiveSchema liveSchema, MigrationTimeouts timeouts, Consumer<String> listener) {
        this(dialect, liveSchema, timeouts, listener, false);
    }

    /**
     * @param oneTransaction the run holds its lock for one transaction only ({@link PostgresTransactionRun}): a
     *     revision that would not run whole inside the transaction already open is refused, before anything of it
     *     runs, with {@link LongerThanOneTransaction}
     */
    RevisionRunner(Dialect dialect, LiveSchema liveSchema, MigrationTimeouts timeouts, Consumer<String> listener,
            boolean oneTransaction) {
        this.dialect = dialect;
        this.renderer = DdlRenderer.forDialect(dialect);
        this.liveSchema = liveSchema;
        this.timeouts = timeouts;
        this.listener = listener;
        this.oneTransaction = oneTransaction;
    }

    /**
     * In a run held in one transaction, throws {@link LongerThanOneTransaction} unless {@code fits}: callers say so
     * before they write anything (more than one revision to run, squash bookkeeping of its own).
     */
    void requireOneTransaction(boolean fits) {
        if (oneTransaction && !fits) {
            throw new LongerThanOneTransaction();
        }
    }

    /**
     * Runs the step the planner chooses; empty when it chose none. A revision that holds a backfill runs in parts
     * ({@link SplitRevision}); its first, whole-revision attempt stops at the planner without running anything.
     */
    Optional<Result> runNext(Connection c, Planner planner) {
        Step[] split = new Step[1];
        Optional<Result> result = runOne(c, conn -> {
            Step step = planner.next(conn);
            if (step != null && SplitRevision.applies(step.operations())) {
                split[0] = step;
                return null;
            }
            return step;
        });
        if (split[0] == null) {
            return result;
        }
        requireOneTransaction(false); // batches commit one by one
        return new SplitRevision(this, dialect, listener).run(c, split[0], planner);
    }

    /** Runs the step the planner chooses as one unit (one transaction, or autocommit); empty when it chose none. */
    Optional<Result> runOne(Connection c, Planner planner) {
        return switch (dialect) {
            case POSTGRESQL -> runPostgres(c, planner);
            case SQLITE -> runSqlite(c, planner);
            case MARIADB -> runMariadb(c, planner);
        };
    }

    /**
     * MariaDB commits each DDL statement on its own: a revision runs statement by statement under its journal
     * ({@link JournaledRevision}), so a failure says exactly what ran and a rerun resumes after it.
     */
    private Optional<Result> runMariadb(Connection c, Planner planner) {
        Step step = plan(c, planner);
        if (step == null) {
            return Optional.empty();
        }
        if (TenantStepRunner.holdsAny(step.operations())) {
            return Optional.of(tenantSteps(c, step));
        }
        try {
            return Optional.of(new JournaledRevision(listener).run(c, step));
        } catch (SQLException e) {
            throw failure(step.revision(), null, e, " — the statements recorded in "
                    + VersionTables.STATEMENT_JOURNAL + " stayed applied; run it again to resume after them");
        }
    }

    /** The planner's next step, read under the lock; null when it chose none. */
    private static Step plan(Connection c, Planner planner) {
        try {
            return planner.next(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read " + VersionTables.VERSION + ": " + oneLine(message(e)), e);
        }
    }

    private Optional<Result> runPostgres(Connection c, Planner planner) {
        Step step = plan(c, planner);
        if (step == null) {
            return Optional.empty();
        }
        boolean tenantSteps = TenantStepRunner.holdsAny(step.operations());
        if (tenantSteps && !step.online().isEmpty()) {
            throw new MigrationException("revision " + label(step.revision()) + " has both tenant steps and operations"
                    + " marked online — nothing of it was applied; move the online operations into a revision of their"
                    + " own");
        }
        requireOneTransaction(!tenantSteps && !step.online().stepwise());
        if (tenantSteps) {
            return Optional.of(tenantSteps(c, step));
        }
        if (step.online().stepwise()) {
            return Optional.of(new OnlineRevisionSteps(timeouts, listener).run(c, step));
        }
        List<Unit> units = new ArrayList<>();
        for (Operation operation : step.operations()) {
            if (operation instanceof RunCallback callback) {
                units.add(new CallbackUnit(callback));
                continue;
            }
            boolean batchable = !(operation instanceof ExecuteSql || operation instanceof ExecuteDialectSql);
            try {
                renderer.render(operation, Schema.EMPTY).forEach(s -> units.add(new SqlUnit(s, batchable)));
            } catch (RuntimeException e) {
                throw failure(step.revision(), operation.toString(), e, NOTHING_APPLIED);
            }
        }
        List<String> outside = units.stream().filter(u -> u instanceof SqlUnit sql && !sql.statement().transactional())
                .map(u -> oneLine(((SqlUnit) u).statement().sql())).toList();
        // raw SQL and Java steps may commit, which would end a transaction-scoped lock before the bookkeeping
        requireOneTransaction(units.stream().allMatch(u -> u instanceof SqlUnit sql && sql.batchable()
                && sql.statement().transactional()));
        if (outside.isEmpty()) {
            return Optional.of(inTransaction(c, step, units));
        }
        List<dev.autogen.sql.Statement> statements = units.stream()
                .map(u -> u instanceof SqlUnit sql ? sql.statement() : null).toList();
        if (outside.size() < units.size() || statements.contains(null)) {
            throw new MigrationException("revision " + label(step.revision()) + " mixes statements PostgreSQL cannot"
                    + " run inside a transaction (" + String.join("; ", outside) + ") with statements that must run"
                    + " inside one — nothing of it was applied; move the former into a revision of their own");
        }
        return Optional.of(inAutocommit(c, step, statements));
    }

    private Result inTransaction(Connection c, Step step, List<Unit> units) {
        String current = null;
        try {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            List<String> batch = new ArrayList<>();
            for (Unit unit : units) {
                if (unit instanceof SqlUnit sql && sql.batchable()) {
                    batch.add(sql.statement().sql());
                    continue;
                }
                StatementBatch.execute(c, batch);
                batch.clear();
                switch (unit) {
                    case SqlUnit sql -> {
                        current = sql.statement().sql();
                        execute(c, current);
                    }
                    case CallbackUnit callback -> {
                        current = callback.operation().toString();
                        runCallback(c, callback.operation());
                    }
                }
            }
            String inline = step.bookkeeping().inlineSql();
            if (inline != null) {
                batch.add(inline);
                batch.add("commit"); // in the same round trip; c.commit() below then finds no transaction to end
            }
            StatementBatch.execute(c, batch);
            current = null;
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            if (inline == null) {
                step.bookkeeping().write(c, durationMs);
            } else {
                step.bookkeeping().written();
            }
            c.commit();
            return new Result(step.revision(), durationMs);
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            String failed = e instanceof StatementBatch.StatementFailure f ? f.statement() : current;
            throw failure(step.revision(), failed, e, NOTHING_APPLIED);
        } finally {
            autocommit(c);
        }
    }

    /** A revision of tenant steps: a transaction per tenant ({@link TenantStepRunner}), then the bookkeeping. */
    private Result tenantSteps(Connection c, Step step) {
        try {
            long started = System.nanoTime();
            new TenantStepRunner(listener).run(c, step.revision(), step.operations());
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            c.setAutoCommit(false);
            TenantStepRunner.forget(c, step.revision().id());
            step.bookkeeping().write(c, durationMs);
            c.commit();
            return new Result(step.revision(), durationMs);
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw failure(step.revision(), null, e, " — the tenants done so far are recorded; run it again");
        } finally {
            autocommit(c);
        }
    }

    private Result inAutocommit(Connection c, Step step, List<dev.autogen.sql.Statement> statements) {
        var autocommit = new AutocommitStatements(timeouts, listener);
        String current = null;
        try {
            long started = System.nanoTime();
            autocommit.begin(c);
            try {
                for (var statement : statements) {
                    current = statement.sql();
                    autocommit.execute(c, current);
                }
                current = null;
            } finally {
                autocommit.end(c);
            }
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            c.setAutoCommit(false);
            step.bookkeeping().write(c, durationMs);
            c.commit();
            return new Result(step.revision(), durationMs);
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            autocommit(c);
            throw failure(step.revision(), current, e, autocommit.aftermath(c, current));
        } finally {
            autocommit(c);
        }
    }

    private Optional<Result> runSqlite(Connection c, Planner planner) {
        LoadedMigration revision = null;
        String current = null;
        boolean open = false;
        boolean foreignKeys = true;
        try {
            foreignKeys = queryInt(c, "PRAGMA foreign_keys") != 0;
            execute(c, "PRAGMA foreign_keys=OFF");
            current = "BEGIN IMMEDIATE";
            execute(c, current);
            open = true;
            current = null;
            Step step = planner.next(c);
            if (step == null) {
                open = false;
                execute(c, "ROLLBACK");
                return Optional.empty();
            }
            revision = step.revision();
            long started = System.nanoTime();
            boolean rowSecurityNoted = false;
            // consecutive changes that each rebuild one table rebuild it once (every row copied once)
            for (List<Operation> group : SqliteRebuildGroups.of(step.operations())) {
                Operation operation = group.getFirst();
                current = group.size() == 1 ? operation.toString() : group.toString();
                if (operation instanceof RunCallback callback) {
                    runCallback(c, callback);
                    continue;
                }
                if (operation instanceof ForEachTenant tenantStep) {
                    runOnceOnSqlite(c, revision, tenantStep);
                    continue;
                }
                if (isRowSecurity(operation) && !rowSecurityNoted) {
                    rowSecurityNoted = true;
                    listener.accept("note: " + label(revision) + ": SQLite has no row-level security;"
                            + " its row-level security operations are skipped");
                }
                Schema before = liveSchema.read(c);
                for (Operation each : group) {
                    ColumnReferences.requireExisting(each, before); // a group keeps its table's columns
                }
                List<dev.autogen.sql.Statement> statements = SqliteRebuildDependents.complete(c, group.size() == 1
                        ? renderer.render(operation, before) : SqliteRebuildGroups.render(group, before), before);
                for (var statement : statements) {
                    current = statement.sql();
                    execute(c, current);
                }
            }
            current = null;
            checkForeignKeys(c, revision);
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            step.bookkeeping().write(c, durationMs);
            current = "COMMIT";
            execute(c, current);
            open = false;
            return Optional.of(new Result(revision, durationMs));
        } catch (SQLException | RuntimeException e) {
            if (open) {
                sqliteRollback(c, e);
            }
            if (revision != null || e instanceof MigrationException) {
                throw failure(revision, current, e, NOTHING_APPLIED);
            }
            if (e instanceof SQLException sql && MigrationLock.SqliteWriteLock.waitedTooLong(sql, timeouts) != null) {
                throw MigrationLock.SqliteWriteLock.waitedTooLong(sql, timeouts);
            }
            if (e instanceof RuntimeException r) {
                throw r; // the planner's own error (a bad target, an unknown revision)
            }
            throw new MigrationException("database error: " + oneLine(message(e)), e);
        } finally {
            try {
                execute(c, "PRAGMA foreign_keys=" + (foreignKeys ? "ON" : "OFF"));
            } catch (SQLException e) {
                // the connection is broken; the caller closes it and the next run starts from a fresh one
            }
        }
    }

    /** Whether {@code operation} is about row-level security, which SQLite does not have. */
    static boolean isRowSecurity(Operation operation) {
        return operation instanceof dev.autogen.op.SetRowLevelSecurity || operation instanceof dev.autogen.op.CreatePolicy
                || operation instanceof dev.autogen.op.DropPolicy;
    }

    /** SQLite has no row-level security: the tenant step runs once, without a tenant, in the revision's transaction. */
    private void runOnceOnSqlite(Connection c, LoadedMigration revision, ForEachTenant tenantStep) throws SQLException {
        var step = tenantStep.step();
        listener.accept("note: " + label(revision) + ": SQLite has no row-level security; tenant step \""
                + step.description() + "\" runs once, for every tenant's rows");
        if (step.sql() != null) {
            execute(c, step.sql());
        } else {
            step.callback().run(CallbackConnection.guard(c, step.description()), null);
        }
    }

    static void runCallback(Connection c, RunCallback callback) throws SQLException {
        callback.callback().run(CallbackConnection.guard(c, callback.description()));
    }

    /** What a PostgreSQL revision runs, in order: rendered statements and Java callbacks. */
    private sealed interface Unit permits SqlUnit, CallbackUnit {
    }

    /**
     * A rendered statement; {@code batchable} when it comes from a schema operation (DDL, which returns no rows), not
     * from a migration's raw SQL (which may be a query, or several statements in one string).
     */
    private record SqlUnit(dev.autogen.sql.Statement statement, boolean batchable) implements Unit {
    }

    private record CallbackUnit(RunCallback operation) implements Unit {
    }

    private void checkForeignKeys(Connection c, LoadedMigration revision) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && violations.size() < 5) {
                violations.add(rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
            }
        }
        if (!violations.isEmpty()) {
            throw new MigrationException("revision " + label(revision) + " leaves rows whose foreign keys point"
                    + " nowhere (" + String.join(", ", violations)
                    + ") — nothing of it was applied; fix the data or the migration and run it again");
        }
    }

    private static final String NOTHING_APPLIED = " — nothing of it was applied; fix the migration and run it again";

    private static MigrationException failure(LoadedMigration revision, String statement, Exception e, String kept) {
        if (e instanceof MigrationException m) {
            return m;
        }
        String where = statement == null ? "" : " at statement: " + oneLine(statement) + ";";
        String what = e instanceof SQLException ? " database says: " : " error: ";
        return new MigrationException(
                "revision " + label(revision) + " failed" + where + what + oneLine(message(e)) + kept, e);
    }

    static String label(LoadedMigration revision) {
        return revision.message().isBlank() ? revision.id() : revision.id() + " (" + revision.message() + ")";
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void rollback(Connection c, Exception failure) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** SQLite may have rolled back on its own (some errors end the transaction); then there is nothing to do. */
    private static void sqliteRollback(Connection c, Exception failure) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                failure.addSuppressed(e);
            }
        }
    }

    static void autocommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken; the caller closes it and the next run starts from a fresh one
        }
    }
}
