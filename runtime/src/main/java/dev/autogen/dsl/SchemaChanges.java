package dev.autogen.dsl;

import dev.autogen.op.AddCheckConstraint;
import dev.autogen.op.Backfill;
import dev.autogen.op.AlterEnumType;
import dev.autogen.op.AlterSequence;
import dev.autogen.op.CreateEnumType;
import dev.autogen.op.DropEnumType;
import dev.autogen.schema.EnumType;
import dev.autogen.op.AddColumn;
import dev.autogen.op.AddForeignKey;
import dev.autogen.op.AddPrimaryKey;
import dev.autogen.op.AddUniqueConstraint;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.CreateIndex;
import dev.autogen.op.CreatePolicy;
import dev.autogen.op.CreateSequence;
import dev.autogen.op.CreateTable;
import dev.autogen.op.DropCheckConstraint;
import dev.autogen.op.DropColumn;
import dev.autogen.op.DropForeignKey;
import dev.autogen.op.DropIndex;
import dev.autogen.op.DropPolicy;
import dev.autogen.op.DropPrimaryKey;
import dev.autogen.op.DropSequence;
import dev.autogen.op.DropTable;
import dev.autogen.op.DropUniqueConstraint;
import dev.autogen.op.ConnectionCallback;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.op.TenantStep;
import dev.autogen.op.Tenants;
import dev.autogen.op.SetComment;
import dev.autogen.op.SetRowLevelSecurity;
import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Index;
import dev.autogen.schema.IndexColumn;
import dev.autogen.schema.PrimaryKey;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.UniqueConstraint;
import dev.autogen.hazard.Acknowledgement;
import dev.autogen.hazard.HazardKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a migration's {@code upgrade} and {@code downgrade} write to. It executes nothing: it records the
 * {@link Operation}s in order, and the migrator renders and runs them. That keeps a migration a pure description, so
 * it can be checksummed, replayed offline, printed as SQL, or compared with the plan that produced it.
 *
 * <p>Drops take the previous definition where the generator knows it (so the plan can be reversed); a hand-written
 * drop may leave it out and is then irreversible.
 *
 * <p>{@link #acknowledge} records a reviewer's acceptance of a hazard of the operation just recorded, beside the
 * operation list: it is review metadata, not part of what the migration does, so it stays out of
 * {@link #operations()} and of the revision's checksum (adding one to an applied revision keeps {@code validate}
 * green).
 *
 * <p>{@link #online} marks the operation recorded last to run in its online form on PostgreSQL (short locks, several
 * transactions, see {@link dev.autogen.sql.postgres.PostgresOnlineDdl}). It too is recorded beside the operations and
 * kept out of the checksum: it changes how the same end state is reached, never the end state, so marking an applied
 * revision later must not make {@code validate} fail.
 */
public final class SchemaChanges {
    private final List<Operation> operations = new ArrayList<>();
    private final Map<Integer, List<Acknowledgement>> acknowledgements = new TreeMap<>();
    private final SortedSet<Integer> online = new TreeSet<>();

    /** The operations recorded so far, in order. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /**
     * Accepts hazard {@code kind} of the operation recorded last, for {@code reason} (required): {@code
     * schema.dropColumn("users", "fax").acknowledge(DATA_LOSS, "column unused since 2.3")}. {@code autogen lint} lets
     * an acknowledged hazard pass; autogenerate never writes one.
     *
     * @throws IllegalArgumentException when the reason is blank or the kind is null
     * @throws IllegalStateException    when no operation was recorded yet
     */
    public SchemaChanges acknowledge(HazardKind kind, String reason) {
        Acknowledgement acknowledgement = new Acknowledgement(kind, reason);
        if (operations.isEmpty()) {
            throw new IllegalStateException("acknowledge(" + kind + ", ...) must follow the operation it accepts,"
                    + " e.g. schema.dropColumn(...).acknowledge(" + kind + ", \"why\")");
        }
        acknowledgements.computeIfAbsent(operations.size() - 1, i -> new ArrayList<>()).add(acknowledgement);
        return this;
    }

    /** The acknowledgements of operation {@code index} (empty when it has none). */
    public List<Acknowledgement> acknowledgementsOf(int index) {
        return List.copyOf(acknowledgements.getOrDefault(index, List.of()));
    }

    /**
     * Runs the operation recorded last in its online form on PostgreSQL ({@code schema.addForeignKey(...).online()}):
     * a foreign key or check added {@code NOT VALID} and validated apart, {@code SET NOT NULL} through a validated
     * check, a unique constraint or primary key through {@code CREATE UNIQUE INDEX CONCURRENTLY}, an index built
     * concurrently. Each step then runs in its own transaction under {@code lock_timeout}, retried when it cannot get
     * its lock. An operation without an online form, and every operation on SQLite, runs as usual.
     *
     * @throws IllegalStateException when no operation was recorded yet
     */
    public SchemaChanges online() {
        if (operations.isEmpty()) {
            throw new IllegalStateException("online() must follow the operation it marks,"
                    + " e.g. schema.addForeignKey(...).online()");
        }
        online.add(operations.size() - 1);
        return this;
    }

    /** The indexes (in {@link #operations()}) of the operations marked {@link #online()}, ascending. */
    public SortedSet<Integer> onlineOperations() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(online));
    }

    /** Whether operation {@code index} is marked {@link #online()}. */
    public boolean isOnline(int index) {
        return online.contains(index);
    }

    /** Records an operation built elsewhere (the generic entry point; the methods below are sugar). */
    public SchemaChanges apply(Operation operation) {
        operations.add(operation);
        return this;
    }

    public SchemaChanges createTable(TableSpec table) {
        return apply(new CreateTable(table.toTable()));
    }

    public SchemaChanges dropTable(String name) {
        return apply(new DropTable(name, null));
    }

    /** Drops a table, recording its definition so that the drop can be reversed. */
    public SchemaChanges dropTable(TableSpec previous) {
        var table = previous.toTable();
        return apply(new DropTable(table.name(), table));
    }

    public SchemaChanges renameTable(String from, String to) {
        return apply(new RenameTable(from, to));
    }

    public SchemaChanges addColumn(String table, ColumnSpec column) {
        return apply(new AddColumn(table, column.toColumn()));
    }

    public SchemaChanges dropColumn(String table, String name) {
        return apply(new DropColumn(table, name, null));
    }

    public SchemaChanges dropColumn(String table, ColumnSpec previous) {
        var column = previous.toColumn();
        return apply(new DropColumn(table, column.name(), column));
    }

    /** Changes a column in place; both definitions name the same column. */
    public SchemaChanges alterColumn(String table, ColumnSpec from, ColumnSpec to) {
        var before = from.toColumn();
        var after = to.toColumn();
        if (!before.name().equals(after.name())) {
            throw new IllegalArgumentException("alterColumn changes one column: " + before.name() + " vs "
                    + after.name() + "; use renameColumn to rename");
        }
        return apply(new AlterColumn(table, after.name(), before, after));
    }

    public SchemaChanges renameColumn(String table, String from, String to) {
        return apply(new RenameColumn(table, from, to));
    }

    /** {@code createIndex("ix_users_phone", "users", "phone", "created_at desc")}. */
    public SchemaChanges createIndex(String name, String table, String... columns) {
        return apply(new CreateIndex(table, index(name, columns, false)));
    }

    public SchemaChanges createUniqueIndex(String name, String table, String... columns) {
        return apply(new CreateIndex(table, index(name, columns, true)));
    }

    /** Drops an index; the columns, when given, record its definition so that the drop can be reversed. */
    public SchemaChanges dropIndex(String name, String table, String... previousColumns) {
        return apply(new DropIndex(table, name, previousColumns.length == 0 ? null : index(name, previousColumns, false)));
    }

    public SchemaChanges dropUniqueIndex(String name, String table, String... previousColumns) {
        return apply(new DropIndex(table, name, previousColumns.length == 0 ? null : index(name, previousColumns, true)));
    }

    public SchemaChanges addPrimaryKey(String table, String name, String... columns) {
        return apply(new AddPrimaryKey(table, new PrimaryKey(name, List.of(columns))));
    }

    public SchemaChanges dropPrimaryKey(String table, String name, String... previousColumns) {
        return apply(new DropPrimaryKey(table, new PrimaryKey(name, List.of(previousColumns))));
    }

    public SchemaChanges addForeignKey(String table, ForeignKeySpec foreignKey) {
        return apply(new AddForeignKey(table, foreignKey.toForeignKey()));
    }

    public SchemaChanges dropForeignKey(String table, String name) {
        return apply(new DropForeignKey(table, name, null));
    }

    public SchemaChanges dropForeignKey(String table, ForeignKeySpec previous) {
        var foreignKey = previous.toForeignKey();
        return apply(new DropForeignKey(table, foreignKey.name(), foreignKey));
    }

    public SchemaChanges addUniqueConstraint(String table, String name, String... columns) {
        return apply(new AddUniqueConstraint(table, new UniqueConstraint(name, List.of(columns))));
    }

    public SchemaChanges dropUniqueConstraint(String table, String name, String... previousColumns) {
        return apply(new DropUniqueConstraint(table, name,
                previousColumns.length == 0 ? null : new UniqueConstraint(name, List.of(previousColumns))));
    }

    public SchemaChanges addCheckConstraint(String table, String name, String expression) {
        return apply(new AddCheckConstraint(table, new CheckConstraint(name, expression)));
    }

    public SchemaChanges dropCheckConstraint(String table, String name) {
        return apply(new DropCheckConstraint(table, name, null));
    }

    public SchemaChanges dropCheckConstraint(String table, String name, String previousExpression) {
        return apply(new DropCheckConstraint(table, name, new CheckConstraint(name, previousExpression)));
    }

    public SchemaChanges createSequence(String name, long start, long increment) {
        return apply(new CreateSequence(new Sequence(name, start, increment)));
    }

    /** A PostgreSQL named enum type with {@code values} in order (nothing on SQLite). */
    public SchemaChanges createEnumType(String name, List<String> values) {
        return apply(new CreateEnumType(new EnumType(name, values)));
    }

    public SchemaChanges dropEnumType(String name) {
        return apply(new DropEnumType(name, null));
    }

    public SchemaChanges dropEnumType(String name, List<String> previousValues) {
        return apply(new DropEnumType(name, new EnumType(name, previousValues)));
    }

    /** Changes the values of an enum type from {@code previousValues} to {@code values}, see {@link AlterEnumType}. */
    public SchemaChanges alterEnumType(String name, List<String> values, List<String> previousValues) {
        return apply(new AlterEnumType(new EnumType(name, values), new EnumType(name, previousValues)));
    }

    public SchemaChanges dropSequence(String name) {
        return apply(new DropSequence(name, null));
    }

    public SchemaChanges dropSequence(String name, long previousStart, long previousIncrement) {
        return apply(new DropSequence(name, new Sequence(name, previousStart, previousIncrement)));
    }

    /**
     * Changes a sequence's start and increment in place (its current value stays), see {@link AlterSequence};
     * nothing on SQLite.
     */
    public SchemaChanges alterSequence(String name, long start, long increment, long previousStart,
            long previousIncrement) {
        return apply(new AlterSequence(new Sequence(name, start, increment),
                new Sequence(name, previousStart, previousIncrement)));
    }

    /**
     * Enables PostgreSQL row-level security on a table and forces it (the owner is held too) unless {@code force} is
     * false. Irreversible (the previous state is unknown); generated migrations use
     * {@link #setRowLevelSecurity}. Nothing on SQLite.
     */
    public SchemaChanges enableRowLevelSecurity(String table, boolean force) {
        return apply(new SetRowLevelSecurity(table, RowLevelSecurity.enabled(force), null));
    }

    /** Disables row-level security (and FORCE) on a table; irreversible, like {@link #enableRowLevelSecurity}. */
    public SchemaChanges disableRowLevelSecurity(String table) {
        return apply(new SetRowLevelSecurity(table, RowLevelSecurity.NONE, null));
    }

    /** Sets a table's row-level security from {@code previous} to {@code state} (reversible). Nothing on SQLite. */
    public SchemaChanges setRowLevelSecurity(String table, RowLevelSecurity state, RowLevelSecurity previous) {
        return apply(new SetRowLevelSecurity(table, state, previous));
    }

    /**
     * Sets a table's comment from {@code previous} to {@code comment} (either null for none). The previous comment is
     * part of the call so that the downgrade restores it exactly. PostgreSQL only; nothing on SQLite.
     */
    public SchemaChanges setComment(String table, String comment, String previous) {
        return apply(new SetComment(table, comment, previous));
    }

    /** Creates a row-level security policy on a table (PostgreSQL; nothing on SQLite). */
    public SchemaChanges createPolicy(String table, PolicySpec policy) {
        return apply(new CreatePolicy(table, policy.toPolicy()));
    }

    public SchemaChanges dropPolicy(String table, String name) {
        return apply(new DropPolicy(table, name, null));
    }

    /** Drops a policy, recording its definition so that the drop can be reversed. */
    public SchemaChanges dropPolicy(String table, PolicySpec previous) {
        var policy = previous.toPolicy();
        return apply(new DropPolicy(table, policy.name(), policy));
    }

    /** Raw SQL (irreversible: the downgrade must say what undoes it). */
    public SchemaChanges execute(String sql) {
        return apply(new ExecuteSql(sql, null));
    }

    /** Raw SQL with the statement that undoes it (the downgrade can then be this one's reverse). */
    public SchemaChanges execute(String sql, String reverseSql) {
        return apply(new ExecuteSql(sql, reverseSql));
    }

    /**
     * Raw SQL spelled per dialect: {@code execute(sql().postgres("update ...").sqlite("update ..."))}. Runs inside
     * the revision's transaction; a dialect the migration runs on but that has no variant is an error when rendered.
     */
    public SchemaChanges execute(DialectSql sql) {
        return apply(new ExecuteDialectSql(sql.variants(), null));
    }

    /** Per-dialect raw SQL with the per-dialect statements that undo it. */
    public SchemaChanges execute(DialectSql sql, DialectSql reverse) {
        return apply(new ExecuteDialectSql(sql.variants(), reverse.variants()));
    }

    /**
     * A Java step (a data fix) run on the migrator's JDBC connection inside the revision's transaction: an exception
     * from it rolls the revision back. The connection refuses commit, rollback, close and autocommit changes. An
     * offline {@code --sql} script cannot run it and says so in a comment. Irreversible: the downgrade writes its own.
     *
     * @param description what it does (progress lines, scripts and the checksum show it; the checksum cannot see the
     *                    code, so change the description when the code changes meaningfully)
     */
    public SchemaChanges run(String description, ConnectionCallback callback) {
        return apply(new RunCallback(description, callback));
    }

    /**
     * A data step run once per tenant, each in its own transaction as the step's role and with the tenant setting set,
     * so row-level security keeps it inside that tenant's rows; resumable (done tenants are skipped on a rerun). On
     * PostgreSQL the revision must hold only tenant steps. SQLite runs it once, without row-level security.
     * Irreversible. See docs/row-level-security.md, "Tenant-scoped data steps".
     */
    public SchemaChanges forEachTenant(Tenants tenants, TenantStep step) {
        return apply(new ForEachTenant(tenants, step));
    }

    /**
     * Changes rows of a possibly large table in batches by primary key, each batch its own transaction, resumable
     * after a crash without updating a row twice: {@code schema.backfill("users", "full_name = first_name || ' ' ||
     * last_name").where("full_name is null").batchSize(10_000)}. The table needs a single-column primary key.
     * Irreversible (see {@link Backfill#reverse()}).
     *
     * @param set the assignments of an {@code UPDATE} ({@code "col = expression, other = expression"})
     */
    public BackfillStep backfill(String table, String set) {
        apply(new Backfill(table, set, null, Backfill.DEFAULT_BATCH_SIZE));
        return new BackfillStep(this, operations.size() - 1);
    }

    /** Replaces the operation at {@code index} (a {@link BackfillStep} refining the backfill it recorded). */
    void replace(int index, Operation operation) {
        operations.set(index, operation);
    }

    /** {@link #run(String, ConnectionCallback)} with the description "Java callback". */
    public SchemaChanges run(ConnectionCallback callback) {
        return run("Java callback", callback);
    }

    private static Index index(String name, String[] columns, boolean unique) {
        return new Index(name, Arrays.stream(columns).map(IndexColumn::parse).toList(), unique);
    }
}
