package dev.autogen.migrate;

import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbOnlineDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a MariaDB revision one statement at a time, each followed by its row in the {@link StatementJournal}. MariaDB
 * commits every DDL statement on its own, so a revision cannot be one transaction; instead its progress is exact: a
 * failure reports which statements ran (they stay applied) and which failed, a rerun resumes after the last completed
 * one (refused when the text of those changed since), and {@link #revert} undoes only what ran of a revision stopped
 * half-way. The journal rows of a revision are deleted in the transaction that writes its version row.
 *
 * <p>A data statement or a Java step runs in a transaction with its journal row, so it is recorded exactly when it is
 * committed. A DDL statement commits before its row is written: a process killed between the two leaves a statement
 * applied but not recorded, which the rerun then meets as an error (an object that already exists), named in its
 * report.
 */
final class JournaledRevision {
    /**
     * One statement (or Java step) of a revision: its ordinal (from 1), the index of the operation it belongs to, and
     * that operation.
     */
    record Unit(int ordinal, int operation, Operation source, String sql, RunCallback callback) {
        String text() {
            return callback != null ? "run " + callback.description() : sql;
        }
    }

    private final DdlRenderer renderer = DdlRenderer.forDialect(Dialect.MARIADB);
    private final Consumer<String> listener;

    JournaledRevision(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Runs {@code step}, or what is left of it after an earlier run that stopped half-way; then records it. */
    RevisionRunner.Result run(Connection c, RevisionRunner.Step step) throws SQLException {
        LoadedMigration revision = step.revision();
        String direction = step.bookkeeping().direction();
        List<Unit> units = units(revision, step.operations(), step.online().operations(), step.schemaBefore().get());
        List<StatementJournal.Entry> done = StatementJournal.of(c, revision.id(), direction);
        requireUnchanged(revision, direction, done, units);
        if (!done.isEmpty()) {
            listener.accept("resuming " + RevisionRunner.label(revision) + " after statement " + done.size() + " of "
                    + units.size() + " (statements 1-" + done.size() + " ran in an earlier run)");
        }
        long started = System.nanoTime();
        for (Unit unit : units.subList(done.size(), units.size())) {
            try {
                runRecorded(c, revision.id(), direction, unit);
            } catch (SQLException | RuntimeException e) {
                RevisionRunner.rollback(c, e);
                throw failure(revision, direction, units, unit, e);
            } finally {
                RevisionRunner.autocommit(c);
            }
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        try {
            c.setAutoCommit(false);
            StatementJournal.clear(c, revision.id(), direction, 1);
            step.bookkeeping().write(c, durationMs);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            RevisionRunner.rollback(c, e);
            throw e;
        } finally {
            RevisionRunner.autocommit(c);
        }
        return new RevisionRunner.Result(revision, durationMs);
    }

    /**
     * Reverts what ran of {@code revision}'s upgrade, which stopped half-way ({@code done}, from the journal): the
     * reverse of each completed operation, newest first, each followed by the removal of its journal rows. Refused
     * before anything runs when the statements that ran changed since, when an operation ran only in part, or when a
     * completed operation has no reverse.
     */
    void revert(Connection c, LoadedMigration revision, List<StatementJournal.Entry> done) throws SQLException {
        String upgrade = HistoryEntry.UPGRADE;
        List<Unit> units = units(revision, revision.upgradeChanges().operations(), onlineMarks(revision), Schema.EMPTY);
        requireUnchanged(revision, upgrade, done, units);
        Unit last = units.get(done.size() - 1);
        if (done.size() < units.size() && units.get(done.size()).operation() == last.operation()) {
            throw new MigrationException("revision " + RevisionRunner.label(revision) + " stopped inside operation "
                    + (last.operation() + 1) + " (" + revision.upgradeChanges().operations().get(last.operation())
                    + "), whose statements ran only in part — nothing was reverted; revert what ran of it by hand,"
                    + " delete its rows from " + VersionTables.STATEMENT_JOURNAL + ", and run downgrade again");
        }
        List<Operation> operations = revision.upgradeChanges().operations();
        List<Operation> reverses = new ArrayList<>();
        for (int i = last.operation(); i >= 0; i--) {
            try {
                reverses.add(operations.get(i).reverse());
            } catch (RuntimeException e) {
                throw new MigrationException("revision " + RevisionRunner.label(revision) + " stopped half-way and its"
                        + " completed operation " + (i + 1) + " cannot be reverted (" + e.getMessage() + ") — nothing"
                        + " was reverted; revert statements 1-" + done.size() + " by hand, then delete the revision's"
                        + " rows from " + VersionTables.STATEMENT_JOURNAL, e);
            }
        }
        for (int k = 0; k < reverses.size(); k++) {
            int operation = last.operation() - k;
            int firstOrdinal = units.stream().filter(u -> u.operation() == operation).mapToInt(Unit::ordinal).min()
                    .orElse(Integer.MAX_VALUE);
            String current = null;
            try {
                for (Unit unit : units(revision, List.of(reverses.get(k)), Set.of(), Schema.EMPTY)) {
                    current = unit.text();
                    execute(c, unit);
                }
                current = null;
                c.setAutoCommit(false);
                StatementJournal.clear(c, revision.id(), upgrade, firstOrdinal);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                RevisionRunner.rollback(c, e);
                throw new MigrationException("reverting what ran of revision " + RevisionRunner.label(revision)
                        + " failed" + (current == null ? "" : " at: " + StatementJournal.firstLine(current)) + ";"
                        + " database says: " + RevisionRunner.oneLine(String.valueOf(e.getMessage()))
                        + " — its statements still applied are those left in " + VersionTables.STATEMENT_JOURNAL
                        + "; fix the cause and run downgrade again", e);
            } finally {
                RevisionRunner.autocommit(c);
            }
        }
        listener.accept("reverting " + revision.id() + " (stopped half-way): reverted its statements 1-" + done.size());
    }

    /**
     * The statements of {@code operations}, numbered from 1; those of the operations at {@code online} in their online
     * form ({@link MariadbOnlineDdl}), refused before anything runs when MariaDB would copy the table for one.
     */
    private List<Unit> units(LoadedMigration revision, List<Operation> operations, Set<Integer> online,
            Schema schemaBefore) {
        List<Unit> units = new ArrayList<>();
        Schema before = schemaBefore;
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (operation instanceof RunCallback callback) {
                units.add(new Unit(units.size() + 1, i, operation, null, callback));
                continue;
            }
            if (online.contains(i) && !MariadbOnlineDdl.supports(operation)) {
                throw new MigrationException("revision " + RevisionRunner.label(revision) + ": operation " + (i + 1)
                        + " (" + operation + ") is marked online, but MariaDB copies the table for it (ALGORITHM=COPY,"
                        + " writes wait) — nothing of it was applied; remove .online() to accept the copy, or make the"
                        + " change expand/contract (a new column, backfill, switch the code, drop the old one)");
            }
            try {
                List<dev.autogen.sql.Statement> statements = renderer.render(operation, before);
                before = next(before, operation);
                for (var statement : statements) {
                    String sql = online.contains(i)
                            ? MariadbOnlineDdl.statement(operation, statement.sql()).orElseThrow() : statement.sql();
                    units.add(new Unit(units.size() + 1, i, operation, sql, null));
                }
            } catch (RuntimeException e) {
                throw new MigrationException("revision " + RevisionRunner.label(revision) + " failed at " + operation
                        + ": " + e.getMessage() + " — nothing of it was applied; fix the migration and run it again",
                        e);
            }
        }
        return units;
    }

    /**
     * The schema after {@code operation}, for the enum types and columns the next operations render with; when it
     * does not fit (an empty schema: nothing needed replaying), the schema stays as it was.
     */
    private static Schema next(Schema before, Operation operation) {
        if (before == Schema.EMPTY && !(operation instanceof dev.autogen.op.CreateEnumType)) {
            return before;
        }
        try {
            return SchemaInterpreter.apply(before, operation);
        } catch (RuntimeException e) {
            return before;
        }
    }

    /** The operations of a revision's upgrade marked {@code .online()}: the statements that ran were of that form. */
    private static Set<Integer> onlineMarks(LoadedMigration revision) {
        return revision.upgradeChanges().onlineOperations();
    }

    /** Refuses to resume or revert when the statements that ran are no longer the revision's first ones. */
    private static void requireUnchanged(LoadedMigration revision, String direction,
            List<StatementJournal.Entry> done, List<Unit> units) {
        for (int i = 0; i < done.size(); i++) {
            StatementJournal.Entry entry = done.get(i);
            boolean same = i < units.size() && entry.ordinal() == i + 1
                    && entry.hash().equals(StatementJournal.hash(units.get(i).text()));
            if (!same) {
                throw new MigrationException("revision " + RevisionRunner.label(revision) + " stopped half-way in an"
                        + " earlier run, and its " + direction + " statement " + entry.ordinal() + " that ran then ("
                        + entry.firstLine() + ") is no longer its statement " + entry.ordinal() + " — nothing was"
                        + " run; restore statements 1-" + done.size() + " of the migration as they ran (change only"
                        + " the later ones), or revert them by hand and delete the revision's rows from "
                        + VersionTables.STATEMENT_JOURNAL);
            }
        }
    }

    private void runRecorded(Connection c, String revision, String direction, Unit unit) throws SQLException {
        c.setAutoCommit(false);
        execute(c, unit);
        StatementJournal.record(c, revision, direction, unit.ordinal(), unit.text());
        c.commit();
    }

    private void execute(Connection c, Unit unit) throws SQLException {
        // only a dropped index can be one that a foreign key needs
        if (unit.source() instanceof DropIndex drop) {
            MariadbForeignKeyIndexes.keepWithout(c, drop.table(), drop.name(), listener);
        } else if (unit.source() instanceof DropUniqueConstraint drop) {
            MariadbForeignKeyIndexes.keepWithout(c, drop.table(), drop.name(), listener);
        }
        if (unit.callback() != null) {
            RevisionRunner.runCallback(c, unit.callback());
        } else {
            RevisionRunner.execute(c, unit.sql());
        }
    }

    /**
     * The report of a failed statement: which statements ran (by ordinal and first line; they stay applied and are in
     * the journal) and which failed, with what to do next.
     */
    private static MigrationException failure(LoadedMigration revision, String direction, List<Unit> units,
            Unit failed, Exception e) {
        if (e instanceof MigrationException m) {
            return m;
        }
        String ran = units.subList(0, failed.ordinal() - 1).stream()
                .map(u -> "#" + u.ordinal() + " " + StatementJournal.firstLine(u.text()))
                .collect(Collectors.joining("; "));
        String what = e instanceof SQLException ? "database says: " : "error: ";
        String head = "revision " + RevisionRunner.label(revision) + " failed at statement #" + failed.ordinal()
                + " of " + units.size() + " (" + StatementJournal.firstLine(failed.text()) + "); " + what
                + RevisionRunner.oneLine(String.valueOf(e.getMessage()));
        if (ran.isEmpty()) {
            return new MigrationException(head + " — nothing of it was applied; fix the migration and run it again", e);
        }
        String again = direction.equals(HistoryEntry.UPGRADE) ? "upgrade" : "downgrade";
        return new MigrationException(head + " — MariaDB commits each DDL statement, so the statements before it"
                + " stayed applied: " + ran + " (recorded in " + VersionTables.STATEMENT_JOURNAL + "); fix the"
                + " migration and run " + again + " again to resume after statement #" + (failed.ordinal() - 1)
                + (again.equals("upgrade") ? ", or downgrade to revert them" : ""), e);
    }
}
