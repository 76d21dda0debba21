package dev.autogen.migrate;

import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.Statement;
import dev.autogen.sql.postgres.PostgresOnlineDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a PostgreSQL revision that has operations marked online ({@link OnlinePlan}) as a sequence of steps, each its
 * own transaction (or autocommit, for {@code CREATE INDEX CONCURRENTLY}): every online step of
 * {@link PostgresOnlineDdl} alone, the plain operations between them together. Each step runs under the
 * {@code lock_timeout} and {@code statement_timeout} of {@link MigrationTimeouts}; a step whose lock timed out
 * (SQLSTATE 55P03) is rolled back and tried again after a doubling wait ({@link OnlineSettings}), so it never makes the
 * application queue behind it for longer than one timeout.
 *
 * <p>Such a revision is not atomic. Each finished step is recorded in {@link OnlineProgress} in its own transaction, so
 * a run that fails or is killed leaves the steps before applied and recorded, and the next run continues with the step
 * that did not finish ({@link AutocommitStatements} drops the INVALID index an interrupted concurrent build leaves and
 * builds it again). The revision's version and history rows are written, and its progress rows removed, in one last
 * transaction.
 */
final class OnlineRevisionSteps {
    /** PostgreSQL's lock_not_available: the statement waited longer than {@code lock_timeout}. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /** One step: statements in one transaction, one statement in autocommit, or a Java callback. */
    private record Unit(List<String> sql, boolean transactional, RunCallback callback) {
        String describe() {
            return callback != null ? callback.description() : String.join("; ", sql);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private final MigrationTimeouts timeouts;
    private final Consumer<String> listener;

    OnlineRevisionSteps(MigrationTimeouts timeouts, Consumer<String> listener) {
        this.timeouts = timeouts;
        this.listener = listener;
    }

    /** The steps of {@code operations} when those at {@code online} run in their online form. */
    static List<List<Statement>> plan(List<Operation> operations, Set<Integer> online) {
        List<List<Statement>> steps = new ArrayList<>();
        for (Unit unit : units(operations, online, false)) {
            steps.add(unit.sql().stream().map(s -> new Statement(s, unit.transactional())).toList());
        }
        return steps;
    }

    RevisionRunner.Result run(Connection c, RevisionRunner.Step step) {
        LoadedMigration revision = step.revision();
        OnlinePlan plan = step.online();
        List<Unit> units;
        try {
            units = units(step.operations(), plan.operations(), plan.statementPerTransaction());
        } catch (RuntimeException e) {
            throw new MigrationException("revision " + RevisionRunner.label(revision) + " cannot be rendered: "
                    + RevisionRunner.oneLine(String.valueOf(e.getMessage())) + " — nothing of it was applied", e);
        }
        long started = System.nanoTime();
        int number = 0;
        Unit current = null;
        try {
            OnlineProgress.createIfMissing(c);
            Set<Integer> done = OnlineProgress.done(c, revision.id(), plan.direction());
            for (Unit unit : units) {
                number++;
                current = unit;
                if (done.contains(number)) {
                    listener.accept("step " + number + " of " + units.size() + " of " + revision.id()
                            + " was done by an earlier run: skipped " + RevisionRunner.oneLine(unit.describe()));
                    continue;
                }
                runWithRetries(c, revision, plan, number, units.size(), unit);
            }
            current = null;
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            c.setAutoCommit(false);
            step.bookkeeping().write(c, durationMs);
            OnlineProgress.clear(c, revision.id(), plan.direction());
            c.commit();
            return new RevisionRunner.Result(revision, durationMs);
        } catch (SQLException | RuntimeException e) {
            RevisionRunner.rollback(c, e);
            if (e instanceof MigrationException m) {
                throw m;
            }
            String where = current == null ? "" : " at step " + number + " of " + units.size() + " ("
                    + RevisionRunner.oneLine(current.describe()) + ")";
            throw new MigrationException("revision " + RevisionRunner.label(revision) + " failed" + where
                    + "; database says: " + RevisionRunner.oneLine(String.valueOf(e.getMessage()))
                    + " — it runs " + (plan.isEmpty() ? "one statement per transaction (--profile)" : "online")
                    + ", one step at a time, so the steps before this one stayed applied; run the upgrade again once"
                    + " the cause is fixed: it continues with this step", e);
        } finally {
            RevisionRunner.autocommit(c);
        }
    }

    private void runWithRetries(Connection c, LoadedMigration revision, OnlinePlan plan, int number, int total,
            Unit unit) throws SQLException {
        Duration wait = plan.settings().retryBackoff();
        int retries = plan.settings().lockRetries();
        for (int attempt = 0; ; attempt++) {
            try {
                runOnce(c, revision, plan, number, unit);
                return;
            } catch (SQLException e) {
                RevisionRunner.rollback(c, e);
                RevisionRunner.autocommit(c);
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw e;
                }
                String what = "step " + number + " of " + total + " of revision " + RevisionRunner.label(revision)
                        + " (" + RevisionRunner.oneLine(unit.describe()) + ")";
                if (attempt >= retries) {
                    throw new MigrationException(what + " could not get its lock within the lock timeout of "
                            + MigrationTimeouts.describe(timeouts.lockTimeout()) + " in " + (attempt + 1) + " tries:"
                            + " another transaction holds a conflicting lock — the steps before it stayed applied; run"
                            + " the upgrade again when that transaction has ended, or raise --lock-retries or"
                            + " --lock-timeout: it continues with this step", e);
                }
                listener.accept(what + " waited longer than " + MigrationTimeouts.describe(timeouts.lockTimeout())
                        + " for its lock: retry " + (attempt + 1) + " of " + retries + " in "
                        + MigrationTimeouts.describe(wait));
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private void runOnce(Connection c, LoadedMigration revision, OnlinePlan plan, int number, Unit unit)
            throws SQLException {
        if (!unit.transactional()) {
            var autocommit = new AutocommitStatements(timeouts, listener);
            autocommit.begin(c);
            try {
                autocommit.execute(c, unit.sql().getFirst());
            } finally {
                autocommit.end(c);
            }
            OnlineProgress.record(c, revision.id(), plan.direction(), number, unit.describe());
            return;
        }
        c.setAutoCommit(false);
        RevisionRunner.execute(c, "set local lock_timeout = '"
                + MigrationTimeouts.setting(timeouts.lockTimeout()) + "'");
        RevisionRunner.execute(c, "set local statement_timeout = '"
                + MigrationTimeouts.setting(timeouts.statementTimeout()) + "'");
        if (unit.callback() != null) {
            RevisionRunner.runCallback(c, unit.callback());
        }
        for (String sql : unit.sql()) {
            RevisionRunner.execute(c, sql);
        }
        OnlineProgress.record(c, revision.id(), plan.direction(), number, unit.describe());
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * Online operations one step per statement; plain ones grouped into one transaction between them, or each alone
     * when {@code alone} ({@link ServerProfile#statementPerTransaction}).
     */
    private static List<Unit> units(List<Operation> operations, Set<Integer> online, boolean alone) {
        DdlRenderer renderer = DdlRenderer.forDialect(Dialect.POSTGRESQL);
        List<Unit> units = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            var steps = online.contains(i) ? PostgresOnlineDdl.steps(operation) : Optional.<List<Statement>>empty();
            if (steps.isEmpty() && operation instanceof RunCallback callback) {
                flush(units, plain);
                units.add(new Unit(List.of(), true, callback));
                continue;
            }
            List<Statement> statements = steps.orElseGet(() -> renderer.render(operation, Schema.EMPTY));
            for (Statement statement : statements) {
                if (steps.isEmpty() && statement.transactional() && !alone) {
                    plain.add(statement.sql());
                    continue;
                }
                flush(units, plain);
                units.add(new Unit(List.of(statement.sql()), statement.transactional(), null));
            }
        }
        flush(units, plain);
        return List.copyOf(units);
    }

    private static void flush(List<Unit> units, List<String> plain) {
        if (!plain.isEmpty()) {
            units.add(new Unit(List.copyOf(plain), true, null));
            plain.clear();
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting to retry a step of an online revision", e);
        }
    }
}
