package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One path of revisions applied to (or reverted from) several tenant schemas of a {@link TenantLedger} in one
 * transaction: the fast path of a fleet rollout, where the per-tenant cost is the revision's own DDL and little else.
 *
 * <p>Two round trips per batch, whatever its size: (1) the transaction opened, every tenant's advisory lock tried
 * (the same key each tenant's own run takes, {@link MigrationLock.PostgresAdvisoryLock#keySqlOf}) and the tenants'
 * version rows and history read from the ledger; (2) for each revision, each tenant's {@code search_path} set for the
 * transaction and its DDL, then one ledger update and one history insert for every tenant, and {@code commit}, in one
 * JDBC batch. The transaction is all-or-nothing: one tenant's failure rolls back every tenant of the batch.
 *
 * <p>Only what a single transaction can hold runs here: revisions of schema operations whose statements all run
 * inside a transaction, without Java steps, raw SQL, tenant steps, backfills, online operations, squash adoptions or
 * contract revisions held back ({@link Migrator#tenantBatch} decides, before anything runs). And only when, under
 * the locks, every tenant is where the rollout saw it and no applied revision was edited. Otherwise {@link #run}
 * returns false with nothing written, and the caller runs the tenants one by one, which waits, reports and refuses as
 * every other run does.
 */
public final class TenantBatch {
    private final RevisionGraph graph;
    private final TenantLedger ledger;
    private final List<String> before;
    private final List<Step> steps;
    private final boolean upgrade;
    private final boolean ignoreEdited;
    private final Clock clock;
    private final String appliedBy;

    /** One revision of the path: its DDL, the version rows around it and its history values. */
    private record Step(LoadedMigration revision, List<String> statements, List<String> before, List<String> after,
            String checksum) {
    }

    private TenantBatch(RevisionGraph graph, TenantLedger ledger, List<String> before, List<Step> steps,
            boolean upgrade, boolean ignoreEdited, Clock clock, String appliedBy) {
        this.graph = graph;
        this.ledger = ledger;
        this.before = before;
        this.steps = steps;
        this.upgrade = upgrade;
        this.ignoreEdited = ignoreEdited;
        this.clock = clock;
        this.appliedBy = appliedBy;
    }

    /**
     * The batch that moves tenants at {@code before} to {@code target}, or empty when the path does not fit in one
     * transaction of plain DDL (see the class comment) or is empty.
     */
    static Optional<TenantBatch> of(RevisionGraph graph, TenantLedger ledger, List<String> before, String target,
            boolean upgrade, OnlineSettings online, boolean ignoreEdited, Clock clock, String appliedBy) {
        List<String> rows = List.copyOf(new TreeSet<>(before));
        if (!graph.namesOriginal(target) && (!graph.unfinishedSquashes(rows).isEmpty()
                || !graph.adoptions(rows).isEmpty()) || graph.targetNote(target) != null) {
            return Optional.empty();
        }
        List<LoadedMigration> path;
        if (upgrade) {
            ContractHold hold = ContractHold.of(graph, graph.upgradePath(rows, target), target, false);
            if (!hold.waiting().isEmpty()) {
                return Optional.empty();
            }
            path = hold.run();
        } else {
            path = graph.downgradePath(rows, target);
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        DdlRenderer renderer = DdlRenderer.forDialect(Dialect.POSTGRESQL);
        Set<String> applied = graph.ancestorsOf(rows);
        List<Step> steps = new ArrayList<>();
        List<String> at = rows;
        for (LoadedMigration m : path) {
            if (applied.contains(m.id()) == upgrade) {
                return Optional.empty(); // the path skips what is already there: left to the one-by-one runs
            }
            Optional<List<String>> statements = plainStatements(m, upgrade, online, renderer);
            if (statements.isEmpty()) {
                return Optional.empty();
            }
            List<String> after = upgrade ? graph.headsAfterUpgrade(at, m.id()) : graph.headsAfterDowngrade(at, m.id());
            steps.add(new Step(m, statements.get(), at, List.copyOf(new TreeSet<>(after)), MigrationChecksum.of(m)));
            at = steps.getLast().after();
            if (upgrade) {
                applied.add(m.id());
            } else {
                applied.remove(m.id());
            }
        }
        return Optional.of(new TenantBatch(graph, ledger, rows, steps, upgrade, ignoreEdited, clock, appliedBy));
    }

    /** The statements of {@code m}'s one direction when they are plain DDL that runs in a transaction; else empty. */
    private static Optional<List<String>> plainStatements(LoadedMigration m, boolean upgrade, OnlineSettings online,
            DdlRenderer renderer) {
        SchemaChanges changes;
        try {
            changes = upgrade ? m.upgradeChanges() : m.downgradeChanges();
        } catch (RuntimeException e) {
            return Optional.empty(); // the one-by-one run says why it cannot be downgraded
        }
        List<Operation> operations = changes.operations();
        String direction = upgrade ? HistoryEntry.UPGRADE : HistoryEntry.DOWNGRADE;
        if (TenantStepRunner.holdsAny(operations) || SplitRevision.applies(operations)
                || !OnlinePlan.of(changes, direction, Dialect.POSTGRESQL, online).isEmpty()) {
            return Optional.empty();
        }
        List<String> statements = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof RunCallback || operation instanceof ExecuteSql
                    || operation instanceof ExecuteDialectSql) {
                return Optional.empty();
            }
            List<dev.autogen.sql.Statement> rendered;
            try {
                rendered = renderer.render(operation, Schema.EMPTY);
            } catch (RuntimeException e) {
                return Optional.empty(); // the one-by-one run reports it
            }
            for (var statement : rendered) {
                if (!statement.transactional()) {
                    return Optional.empty();
                }
                statements.add(statement.sql());
            }
        }
        return Optional.of(statements);
    }

    /**
     * DDL statements one batch transaction may hold over all its tenants: each takes a lock that stays until the
     * commit, and PostgreSQL's lock table has room for {@code max_locks_per_transaction} (64 by default) times
     * {@code max_connections} of them, shared by every session; 256 per batch leaves room for a rollout's parallel
     * batches on a server with the defaults.
     */
    static final int STATEMENTS_PER_BATCH = 256;

    /**
     * How many tenants one transaction may take, at most {@code requested}: fewer when the path's DDL is long, so
     * that a batch never holds more than {@value #STATEMENTS_PER_BATCH} statements' locks.
     */
    public int tenantsPerTransaction(int requested) {
        int perTenant = steps.stream().mapToInt(s -> s.statements().size()).sum();
        return Math.max(1, Math.min(requested, STATEMENTS_PER_BATCH / Math.max(1, perTenant)));
    }

    /** The revision ids this batch runs, in order. */
    public List<String> revisions() {
        return steps.stream().map(s -> s.revision().id()).toList();
    }

    /** The version rows a tenant has after the batch. */
    public List<String> rowsAfter() {
        return steps.getLast().after();
    }

    /** The progress line of each revision ({@code applying 5d0e1f7a3c21 add phone … 42 ms}), in order. */
    public List<String> lines(long durationMs) {
        return steps.stream().map(s -> (upgrade ? "applying " : "reverting ") + s.revision().id()
                + (s.revision().message().isBlank() ? "" : " " + s.revision().message()) + " … " + durationMs
                + " ms (one transaction with the rest of its batch)").toList();
    }

    /**
     * Runs the batch over {@code tenants} on {@code c} (in autocommit mode, left so): true when every tenant moved and
     * the transaction committed; false, with everything rolled back and the reason given to {@code notes}, when a lock
     * was busy, a tenant was not where the rollout saw it, an applied revision was edited, or a statement failed. The
     * caller then runs the tenants one by one.
     *
     * @throws SQLException only when rolling back failed too (the connection is then unusable)
     */
    public boolean run(Connection c, List<String> tenants, Consumer<String> notes) throws SQLException {
        c.setAutoCommit(false);
        try {
            String refused = lockAndCheck(c, tenants);
            if (refused != null) {
                notes.accept(refused);
                c.rollback();
                return false;
            }
            StatementBatch.execute(c, statements(tenants));
            return true;
        } catch (SQLException | RuntimeException e) {
            String where = e instanceof StatementBatch.StatementFailure f ? " at statement: "
                    + RevisionRunner.oneLine(f.statement()) + ";" : "";
            notes.accept("the batch failed" + where + " database says: " + RevisionRunner.oneLine(String.valueOf(
                    e.getMessage())));
            c.rollback();
            return false;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Round trip 1: the locks and the ledger's rows; null when the batch may run, else why not. */
    private String lockAndCheck(Connection c, List<String> tenants) throws SQLException {
        boolean detect = c.getMetaData().getDatabaseMajorVersion() >= 14;
        String any = " where " + quoteIdentifier("tenant") + " = any(?::text[])";
        String sql = "select count(*) filter (where not pg_try_advisory_xact_lock("
                + MigrationLock.PostgresAdvisoryLock.keySqlOf("t.name") + "))" + (detect
                ? ", set_config('client_connection_check_interval', '1000', true)" : "")
                + " from unnest(?::text[]) as t(name); "
                + "select " + quoteIdentifier("tenant") + ", " + quoteIdentifier("revision") + " from "
                + ledger.versionTable() + any + " order by 1, 2; "
                + "select " + quoteIdentifier("tenant") + ", " + quoteIdentifier("id") + ", "
                + quoteIdentifier("revision") + ", " + quoteIdentifier("direction") + ", "
                + quoteIdentifier("checksum") + ", " + quoteIdentifier("applied_at") + ", "
                + quoteIdentifier("applied_by") + ", " + quoteIdentifier("duration_ms") + ", "
                + quoteIdentifier("success") + " from " + ledger.historyTable() + any + " order by 1, 2";
        Map<String, List<String>> current = new HashMap<>();
        Map<String, List<HistoryEntry>> history = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Array names = c.createArrayOf("text", tenants.toArray());
            for (int i = 1; i <= 3; i++) {
                st.setArray(i, names);
            }
            st.execute();
            long busy;
            try (ResultSet rs = st.getResultSet()) {
                busy = rs.next() ? rs.getLong(1) : tenants.size();
            }
            if (busy != 0) {
                return "another runner holds " + busy + " of the batch's " + tenants.size() + " tenant locks";
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    current.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    Instant at = rs.getObject(6, OffsetDateTime.class).toInstant();
                    history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HistoryEntry(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), at, rs.getString(7),
                            rs.getLong(8), rs.getBoolean(9)));
                }
            }
            names.free();
        }
        for (String tenant : tenants) {
            List<String> rows = current.getOrDefault(tenant, List.of());
            if (!rows.equals(before)) {
                return "tenant " + tenant + " is at " + (rows.isEmpty() ? "base" : String.join(",", rows))
                        + ", not where the rollout read it";
            }
            if (!ignoreEdited && !EditedRevisions.in(graph, new RecordedRevisions(rows,
                    history.getOrDefault(tenant, List.of()))).isEmpty()) {
                return "tenant " + tenant + " has applied revisions that were edited";
            }
        }
        return null;
    }

    /** Round trip 2: every revision's DDL in every tenant, the ledger's rows, and {@code commit}. */
    private List<String> statements(List<String> tenants) {
        String names = tenants.stream().map(TenantLedger::literal).collect(Collectors.joining(", "));
        String at = TenantLedger.literal(VersionStore.isoInstant(clock.instant())) + "::timestamptz";
        String by = TenantLedger.literal(appliedBy);
        String direction = TenantLedger.literal(upgrade ? HistoryEntry.UPGRADE : HistoryEntry.DOWNGRADE);
        String tenant = quoteIdentifier("tenant");
        String revision = quoteIdentifier("revision");
        List<String> statements = new ArrayList<>();
        for (Step step : steps) {
            for (String t : tenants) {
                statements.add("set local search_path to " + quoteIdentifier(t));
                statements.addAll(step.statements());
            }
            TreeSet<String> removed = new TreeSet<>(step.before());
            removed.removeAll(step.after());
            TreeSet<String> added = new TreeSet<>(step.after());
            added.removeAll(step.before());
            if (removed.size() == 1 && added.size() == 1) {
                statements.add("update " + ledger.versionTable() + " set " + revision + " = "
                        + TenantLedger.literal(added.first()) + " where " + tenant + " in (" + names + ") and "
                        + revision + " = " + TenantLedger.literal(removed.first()));
            } else {
                if (!removed.isEmpty()) {
                    statements.add("delete from " + ledger.versionTable() + " where " + tenant + " in (" + names
                            + ") and " + revision + " in (" + removed.stream().map(TenantLedger::literal)
                            .collect(Collectors.joining(", ")) + ")");
                }
                if (!added.isEmpty()) {
                    statements.add("insert into " + ledger.versionTable() + " (" + tenant + ", " + revision
                            + ") values " + tenants.stream().flatMap(t -> added.stream().map(id -> "("
                            + TenantLedger.literal(t) + ", " + TenantLedger.literal(id) + ")"))
                            .collect(Collectors.joining(", ")));
                }
            }
            statements.add("insert into " + ledger.historyTable() + " (" + tenant + ", " + revision + ", "
                    + quoteIdentifier("direction") + ", " + quoteIdentifier("checksum") + ", "
                    + quoteIdentifier("applied_at") + ", " + quoteIdentifier("applied_by") + ", "
                    + quoteIdentifier("duration_ms") + ", " + quoteIdentifier("success") + ") select t, "
                    + TenantLedger.literal(step.revision().id()) + ", " + direction + ", "
                    + TenantLedger.literal(step.checksum()) + ", " + at + ", " + by
                    + ", (extract(epoch from clock_timestamp() - transaction_timestamp()) * 1000)::bigint, true"
                    + " from unnest(array[" + names + "]::text[]) as t");
        }
        statements.add("commit");
        return statements;
    }
}
