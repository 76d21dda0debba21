package dev.autogen.hazard;

import static dev.autogen.hazard.HazardKind.BLOCKS_READS;
import static dev.autogen.hazard.HazardKind.BLOCKS_WRITES;
import static dev.autogen.hazard.HazardKind.BREAKS_RUNNING_APP;
import static dev.autogen.hazard.HazardKind.DATA_LOSS;
import static dev.autogen.hazard.HazardKind.FAILS_ON_EXISTING_ROWS;
import static dev.autogen.hazard.HazardKind.NOT_TRANSACTIONAL;
import static dev.autogen.hazard.HazardKind.SCANS_TABLE;
import static dev.autogen.hazard.HazardKind.TABLE_REWRITE;
import static dev.autogen.hazard.HazardKind.WEAKENS_SECURITY;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.Backfill;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropEnumType;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.Column;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.postgres.PostgresNonTransactional;
import dev.autogen.sql.postgres.PostgresOnlineDdl;
import dev.autogen.sql.sqlite.SqliteDdlRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides what can go wrong when an operation runs on a live database: an exhaustive switch over
 * {@link Operation} (no {@code default}) per {@link Dialect}. PostgreSQL's hazards follow its documented lock levels
 * ({@code ALTER TABLE} takes ACCESS EXCLUSIVE unless stated otherwise; {@code ADD FOREIGN KEY} SHARE ROW EXCLUSIVE on
 * both tables; {@code CREATE INDEX} SHARE; validation of existing rows happens under that lock). SQLite's follow what
 * its renderer does: what {@code ALTER TABLE} cannot do is a table rebuild that copies every row while holding the
 * database's write lock. MariaDB's follow how InnoDB carries out each change ({@link MariadbHazards}: instant,
 * in place while writes go on, or a copy while writes wait), and every MariaDB DDL statement commits on its own: an
 * informational {@code NOT_TRANSACTIONAL} (reported, never gating {@code lint}; the migrator's statement journal
 * makes a half-run revision resumable and revertible, see docs/hazards.md).
 *
 * <p>An operation on a table created earlier in the same list has no hazard: the table is empty and no running
 * application uses it yet. Everything that prints hazards ({@code -m}, {@code diff}, {@code show}, {@code lint},
 * {@code downgrade}, the generated comments) renders this interpreter's answer.
 */
public final class Hazards {
    /** Defaults PostgreSQL evaluates per row, so that adding a column with one rewrites the table. */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "(?i).*\\b(random|gen_random_uuid|uuid_generate_v[14]|uuid_generate_v1mc|clock_timestamp|timeofday|nextval)\\s*\\(.*");

    private Hazards() {
    }

    /** The hazards of each operation of {@code operations}, in order (one list per operation, possibly empty). */
    public static List<List<Hazard>> of(List<Operation> operations, Dialect dialect) {
        return of(operations, dialect, Set.of());
    }

    /**
     * The hazards of each operation of {@code operations} when those at {@code online} (indexes, e.g.
     * {@link dev.autogen.dsl.SchemaChanges#onlineOperations()}) run in their online form on PostgreSQL
     * ({@link PostgresOnlineDdl}): such an operation keeps its scans and its failure on existing rows, but no longer
     * blocks reads or writes for the length of the scan. SQLite has no online form; its hazards are unchanged.
     */
    public static List<List<Hazard>> of(List<Operation> operations, Dialect dialect, Set<Integer> online) {
        Set<String> newTables = new HashSet<>();
        List<List<Hazard>> hazards = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            boolean shortLocks = dialect == Dialect.POSTGRESQL && online.contains(i)
                    && PostgresOnlineDdl.supports(operation);
            List<Hazard> found = of(operation, dialect, newTables, shortLocks);
            if (dialect == Dialect.MARIADB) {
                MariadbHazards.add(found, operation, newTables);
            }
            hazards.add(List.copyOf(found));
            if (operation instanceof CreateTable create) {
                newTables.add(create.table().name());
            } else if (operation instanceof RenameTable rename && newTables.contains(rename.from())) {
                newTables.add(rename.to());
            }
        }
        return List.copyOf(hazards);
    }

    /** The hazards of one operation, on a table that existed before (not created in the same revision). */
    public static List<Hazard> of(Operation operation, Dialect dialect) {
        return of(List.of(operation), dialect).getFirst();
    }

    /** {@code shortLocks}: the operation runs in its online form, which holds no strong lock while it scans. */
    private static List<Hazard> of(Operation operation, Dialect dialect, Set<String> newTables, boolean shortLocks) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        boolean sqlite = dialect == Dialect.SQLITE;
        boolean sequences = dialect != Dialect.SQLITE;
        List<Hazard> h = new ArrayList<>();
        switch (operation) {
            case CreateTable op -> { }
            case DropTable op -> {
                if (!newTables.contains(op.name())) {
                    h.add(new Hazard(DATA_LOSS, op.name(), "drops table " + op.name() + " and every row in it",
                            "rename it away first and drop it in a later revision, once nothing reads it"));
                    h.add(new Hazard(BREAKS_RUNNING_APP, op.name(), "the application still deployed fails on the"
                            + " missing table " + op.name(), "deploy code that no longer maps it before this runs"));
                }
            }
            case RenameTable op -> {
                if (!newTables.contains(op.from())) {
                    h.add(new Hazard(BREAKS_RUNNING_APP, op.from(), "the application still deployed uses the name "
                            + op.from(), "expand/contract: create " + op.to() + " beside it, copy, switch the code,"
                            + " drop the old one later"));
                }
            }
            case AddColumn op -> {
                if (!newTables.contains(op.table())) {
                    addColumn(h, op, dialect);
                }
            }
            case DropColumn op -> {
                if (!newTables.contains(op.table())) {
                    String column = op.table() + "." + op.name();
                    h.add(new Hazard(DATA_LOSS, op.table(), "drops column " + column + " and its values",
                            "stop writing it first and drop it in a later revision"));
                    h.add(new Hazard(BREAKS_RUNNING_APP, op.table(), "the application still deployed fails on the"
                            + " missing column " + column, "deploy code that no longer maps it before this runs"));
                    rebuildOnSqlite(h, op.table(), !sqlite);
                }
            }
            case AlterColumn op -> {
                if (!newTables.contains(op.table())) {
                    alterColumn(h, op, dialect, shortLocks);
                }
            }
            case RenameColumn op -> {
                if (!newTables.contains(op.table())) {
                    h.add(new Hazard(BREAKS_RUNNING_APP, op.table(), "the application still deployed uses "
                            + op.table() + "." + op.from(), "expand/contract: add " + op.to() + ", write both,"
                            + " backfill, switch the code, drop " + op.from() + " later"));
                }
            }
            case CreateIndex op -> {
                if (!newTables.contains(op.table())) {
                    if (!shortLocks && dialect != Dialect.MARIADB) { // MariaDB builds it while writes go on
                        h.add(new Hazard(BLOCKS_WRITES, op.table(), "builds index " + op.index().name()
                                + " while writes to " + op.table() + " wait"
                                + (pg ? " (SHARE lock)" : " (the database's write lock)"),
                                pg ? "create it with CREATE INDEX CONCURRENTLY (execute(...) in its own revision)"
                                        : null));
                    }
                    if (dialect != Dialect.MARIADB) {
                        h.add(new Hazard(SCANS_TABLE, op.table(), "reads every row of " + op.table() + " to build "
                                + op.index().name()));
                    }
                    if (op.index().unique()) {
                        h.add(new Hazard(FAILS_ON_EXISTING_ROWS, op.table(), "fails if " + op.table()
                                + " already holds duplicates of " + op.index().columns(), "remove duplicates first"));
                    }
                }
            }
            case DropIndex op -> { }
            case AddPrimaryKey op -> {
                if (!newTables.contains(op.table())) {
                    addConstraint(h, op.table(), "primary key " + op.primaryKey().columns(), dialect, shortLocks,
                            "duplicates or NULLs", "CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX");
                }
            }
            case DropPrimaryKey op -> rebuildOnSqlite(h, op.table(), !sqlite);
            case AddForeignKey op -> {
                if (!newTables.contains(op.table())) {
                    if (pg) {
                        if (!shortLocks) {
                            h.add(new Hazard(BLOCKS_WRITES, op.table(), "holds SHARE ROW EXCLUSIVE on " + op.table()
                                    + " and " + op.foreignKey().referencedTable() + " while it checks every row",
                                    "ADD ... NOT VALID, then VALIDATE CONSTRAINT in its own transaction"));
                        }
                        h.add(new Hazard(SCANS_TABLE, op.table(), "reads every row of " + op.table()
                                + " to validate foreign key " + op.foreignKey().name()));
                    } else {
                        rebuildOnSqlite(h, op.table(), !sqlite);
                    }
                    h.add(new Hazard(FAILS_ON_EXISTING_ROWS, op.table(), "fails if rows of " + op.table()
                            + " point at missing " + op.foreignKey().referencedTable() + " rows",
                            "delete or fix the orphans first"));
                }
            }
            case DropForeignKey op -> rebuildOnSqlite(h, op.table(), !sqlite);
            case AddUniqueConstraint op -> {
                if (!newTables.contains(op.table())) {
                    addConstraint(h, op.table(), "unique constraint " + op.constraint().columns(), dialect,
                            shortLocks,
                            "duplicates", "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX");
                }
            }
            case DropUniqueConstraint op -> rebuildOnSqlite(h, op.table(), !sqlite);
            case AddCheckConstraint op -> {
                if (!newTables.contains(op.table())) {
                    addConstraint(h, op.table(), "check " + op.constraint().name(), dialect, shortLocks,
                            "rows that violate it", "ADD ... NOT VALID, then VALIDATE CONSTRAINT in its own transaction");
                }
            }
            case DropCheckConstraint op -> rebuildOnSqlite(h, op.table(), !sqlite);
            case CreateSequence op -> { }
            case DropSequence op -> {
                if (sequences) {
                    h.add(new Hazard(BREAKS_RUNNING_APP, null, "the application still deployed fails to draw ids"
                            + " from the dropped sequence " + op.name(), "drop it after the code stops using it"));
                }
            }
            case AlterSequence op -> {
                long from = Math.abs(op.previous().increment());
                long to = Math.abs(op.sequence().increment());
                if (sequences && to < from) {
                    h.add(new Hazard(BREAKS_RUNNING_APP, null, "sequence " + op.name() + ": increment " + from + " -> "
                            + to + "; application instances still running with allocationSize " + from + " hand out"
                            + " ids that overlap the new ones: stop them before the upgrade"));
                }
            }
            case SetRowLevelSecurity op -> {
                if (pg && op.previous() != null && op.previous().enabled() && !op.state().enabled()) {
                    h.add(new Hazard(WEAKENS_SECURITY, op.table(), "turns row-level security of " + op.table()
                            + " off; every row becomes visible to every role with table privileges"));
                } else if (pg && op.previous() != null && op.previous().forced() && !op.state().forced()) {
                    h.add(new Hazard(WEAKENS_SECURITY, op.table(), op.table()
                            + "'s owner is no longer held by its policies"));
                }
            }
            case SetComment op -> { }
            case CreatePolicy op -> { }
            case DropPolicy op -> {
                if (pg && !newTables.contains(op.table())) {
                    h.add(new Hazard(WEAKENS_SECURITY, op.table(), "drops policy " + op.name() + " of " + op.table(),
                            "create the replacement policy before dropping this one"));
                }
            }
            case CreateEnumType op -> { }
            case DropEnumType op -> { }
            case AlterEnumType op -> {
                if (pg && op.onlyAddsValues()) {
                    h.add(new Hazard(NOT_TRANSACTIONAL, null, "enum type " + op.enumType().name() + " gets values "
                            + op.addedValues() + " that cannot be used before the revision commits (PostgreSQL)",
                            "use the new values in a later revision"));
                } else if (pg) {
                    h.add(new Hazard(FAILS_ON_EXISTING_ROWS, null, "rebuilds enum type " + op.enumType().name()
                            + ": fails if a row holds a removed value, and defaults or views that use the type must"
                            + " be dropped first"));
                    h.add(new Hazard(TABLE_REWRITE, null, "converts every column of type " + op.enumType().name()
                            + ", rewriting their tables under ACCESS EXCLUSIVE"));
                }
            }
            case ExecuteSql op -> {
                if (pg && PostgresNonTransactional.appliesTo(op.sql())) {
                    h.add(nonTransactional());
                }
            }
            case ExecuteDialectSql op -> {
                if (pg && op.sqlFor(Dialect.POSTGRESQL).map(PostgresNonTransactional::appliesTo).orElse(false)) {
                    h.add(nonTransactional());
                }
            }
            case RunCallback op -> { }
            case ForEachTenant op -> { }
            case Backfill op -> {
                h.add(new Hazard(NOT_TRANSACTIONAL, op.table(), "backfills " + op.table() + " in batches of "
                        + op.batchSize() + " rows, each committed on its own: a failure leaves it part done (the next"
                        + " run continues it)", "make the application tolerate both old and new values meanwhile"));
                h.add(new Hazard(SCANS_TABLE, op.table(), "updates every row of " + op.table()
                        + (op.where() == null ? "" : " where " + op.where()) + ", a batch at a time"));
            }
        }
        return h;
    }

    private static Hazard nonTransactional() {
        return new Hazard(NOT_TRANSACTIONAL, null, "runs outside the revision's transaction (autocommit): a failure"
                + " leaves it half done, e.g. an INVALID index", "keep it alone in its revision");
    }

    private static void addColumn(List<Hazard> h, AddColumn op, Dialect dialect) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        Column column = op.column();
        String name = op.table() + "." + column.name();
        if (!column.nullable() && column.defaultValue() == null && !column.identity()
                && dialect == Dialect.MARIADB) {
            // MariaDB gives the existing rows the type's implicit default (0, '', the zero date) instead of failing
            h.add(new Hazard(BREAKS_RUNNING_APP, op.table(), "inserts of the application still deployed fail:"
                    + " they do not set NOT NULL column " + name + ", whose existing rows get the type's implicit"
                    + " default (0, '' or the zero date)", "give it a default"));
        } else if (!column.nullable() && column.defaultValue() == null && !column.identity()) {
            h.add(new Hazard(FAILS_ON_EXISTING_ROWS, op.table(), "fails if " + op.table() + " has rows: NOT NULL"
                    + " column " + name + " has no default", "add it nullable, backfill, then set NOT NULL"));
            h.add(new Hazard(BREAKS_RUNNING_APP, op.table(), "inserts of the application still deployed fail:"
                    + " they do not set NOT NULL column " + name, "give it a default"));
        }
        if (pg && (column.identity() || column.defaultValue() != null
                && VOLATILE_DEFAULT.matcher(column.defaultValue()).matches())) {
            h.add(new Hazard(TABLE_REWRITE, op.table(), "fills " + name + " row by row ("
                    + (column.identity() ? "identity" : "volatile default " + column.defaultValue())
                    + "): rewrites " + op.table(), "add it without default, backfill in batches, then set the default"));
            h.add(new Hazard(BLOCKS_READS, op.table(), "holds ACCESS EXCLUSIVE on " + op.table()
                    + " during the rewrite"));
        }
        if (dialect == Dialect.SQLITE && !SqliteDdlRenderer.addsColumnInPlace(column)) {
            rebuildOnSqlite(h, op.table(), false);
        }
    }

    private static void alterColumn(List<Hazard> h, AlterColumn op, Dialect dialect, boolean shortLocks) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        String name = op.table() + "." + op.name();
        if (ColumnTypeChanges.narrows(op.from().type(), op.to().type())) {
            h.add(new Hazard(DATA_LOSS, op.table(), "narrows " + name + " from " + DdlTypes.text(op.from().type(), dialect)
                    + " to " + DdlTypes.text(op.to().type(), dialect)
                    + "; values that do not fit make the upgrade fail or are cut", "check the longest value first"));
        }
        if (op.from().nullable() && !op.to().nullable()) {
            h.add(new Hazard(FAILS_ON_EXISTING_ROWS, op.table(), "fails if " + name + " holds NULLs",
                    "fill them first (a backfill), or give the column a default"));
            if (pg) {
                h.add(new Hazard(SCANS_TABLE, op.table(), "SET NOT NULL reads every row of " + op.table()));
            }
            if (pg && !shortLocks) {
                h.add(new Hazard(BLOCKS_READS, op.table(), "holds ACCESS EXCLUSIVE on " + op.table()
                        + " while it reads every row", "a NOT VALID check (col IS NOT NULL), VALIDATE, then SET NOT NULL"));
            }
        }
        if (pg && ColumnTypeChanges.rewritesOnPostgres(op.from().type(), op.to().type())) {
            h.add(new Hazard(TABLE_REWRITE, op.table(), "changes the type of " + name + ": rewrites " + op.table(),
                    "expand/contract: a new column, backfill, switch the code, drop the old one"));
            h.add(new Hazard(BLOCKS_READS, op.table(), "holds ACCESS EXCLUSIVE on " + op.table()
                    + " during the rewrite"));
        }
        if (dialect == Dialect.SQLITE) {
            rebuildOnSqlite(h, op.table(), false);
        }
    }

    private static void addConstraint(List<Hazard> h, String table, String what, Dialect dialect, boolean shortLocks,
                                      String offending, String alternative) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        if (pg && !shortLocks) {
            h.add(new Hazard(BLOCKS_READS, table, "holds ACCESS EXCLUSIVE on " + table + " while it checks every row"
                    + " for the " + what, alternative));
        }
        if (pg) {
            h.add(new Hazard(SCANS_TABLE, table, "reads every row of " + table + " to validate the " + what));
        } else {
            rebuildOnSqlite(h, table, dialect != Dialect.SQLITE); // MariaDB's: MariadbHazards
        }
        h.add(new Hazard(FAILS_ON_EXISTING_ROWS, table, "fails if " + table + " holds " + offending + " for the "
                + what, "fix those rows first"));
    }

    /** SQLite's table rebuild: every row copied inside one transaction, holding the database's write lock. */
    private static void rebuildOnSqlite(List<Hazard> h, String table, boolean notSqlite) {
        if (notSqlite) {
            return;
        }
        h.add(new Hazard(TABLE_REWRITE, table, "rebuilds " + table + " on SQLite (copies every row)"));
        h.add(new Hazard(BLOCKS_WRITES, table, "writers to the database wait while " + table + " is copied"));
    }
}
