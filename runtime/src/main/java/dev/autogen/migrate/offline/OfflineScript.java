package dev.autogen.migrate.offline;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.ColumnReferences;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.Hazards;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.ServerProfile;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.VersionTables;
import dev.autogen.migrate.ContractRevisions;
import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.history.VersionStore;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.SqlText;
import dev.autogen.sql.Statement;
import dev.autogen.sql.mariadb.MariadbOnlineDdl;
import dev.autogen.sql.mariadb.MariadbSession;
import dev.autogen.sql.postgres.PostgresOnlineDdl;
import dev.autogen.sql.sqlite.SqliteRebuildGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL a DBA runs instead of {@code autogen upgrade}: a path of revisions rendered to one script with no database
 * connection ({@code autogen upgrade --sql}, {@code downgrade --sql}, {@code show REV --sql}). The script creates the
 * version tables if they are missing, then gives each revision its own {@code BEGIN;} … {@code COMMIT;} with the
 * revision's statements and the {@code autogen_version} / {@code autogen_history} rows the migrator would write, so a
 * database migrated by the script is indistinguishable from one migrated by autogen (except the history's
 * {@code duration_ms}, which is 0).
 *
 * <p>The database is not there to ask, so where the migrations start ({@code from}: the heads the database is at) is
 * given, and the schema at every step is the replay of the revisions so far through {@link SchemaInterpreter}: that is
 * the "before" state SQLite's table rebuilds need. Java callbacks ({@code schema.run(...)}) cannot run from a script;
 * each leaves a comment line saying so.
 */
public final class OfflineScript {
    private final Dialect dialect;
    private final RevisionGraph graph;
    private final DdlRenderer renderer;
    private final String appliedBy;
    /** Every comment and literal of the script goes through it ({@link SqlText}): nothing can end a line early. */
    private final SqlText text;
    /** The server the script is for ({@link ServerProfile}); CockroachDB's and YugabyteDB's commit each statement. */
    private final ServerProfile profile;

    /** @param appliedBy who SQLite's history rows name (PostgreSQL's say {@code current_user}, whoever runs it) */
    public OfflineScript(Dialect dialect, RevisionGraph graph, String appliedBy) {
        this(dialect, graph, appliedBy, ServerProfile.POSTGRESQL);
    }

    private OfflineScript(Dialect dialect, RevisionGraph graph, String appliedBy, ServerProfile profile) {
        this.dialect = dialect;
        this.graph = graph;
        this.renderer = DdlRenderer.forDialect(dialect);
        this.appliedBy = appliedBy;
        this.text = SqlText.of(dialect);
        this.profile = profile;
    }

    /**
     * The script for {@code profile}'s server: under CockroachDB's and YugabyteDB's each statement of a revision runs
     * in a transaction of its own (psql's autocommit), and the version and history rows in one transaction after them,
     * as the migrator runs it ({@link ServerProfile#statementPerTransaction}).
     */
    public OfflineScript withProfile(ServerProfile profile) {
        return new OfflineScript(dialect, graph, appliedBy, profile);
    }

    /** Whether each statement of a revision commits alone (no revision-wide {@code BEGIN;}). */
    private boolean statementAlone() {
        return dialect == Dialect.POSTGRESQL && profile.statementPerTransaction();
    }

    /**
     * The script that upgrades a database at {@code from} (empty: base) to {@code target} ({@code head}, {@code heads},
     * {@code +N}, an id or a prefix).
     *
     * @throws MigrationException when a revision cannot be rendered (a per-dialect SQL without this dialect's variant)
     */
    public String upgrade(Collection<String> from, String target) {
        return upgrade(from, target, ContractRevisions.WAIT);
    }

    /**
     * As {@link #upgrade(Collection, String)}; contract revisions on the way to {@code head} or {@code heads} are in
     * the script only with {@link ContractRevisions#APPLY}, else a comment line says each waits ({@link ContractHold}).
     */
    public String upgrade(Collection<String> from, String target, ContractRevisions contracts) {
        ContractHold hold = ContractHold.of(graph, graph.upgradePath(from, target), target,
                contracts == ContractRevisions.APPLY);
        List<LoadedMigration> path = hold.run();
        var script = new Script(text, header("upgrade", from, target, path));
        hold.waiting().forEach(m -> script.comment(ContractHold.waitingLine(m)));
        Schema schema = schemaAt(from);
        List<String> heads = List.copyOf(new TreeSet<>(from));
        for (LoadedMigration m : path) {
            List<String> after = graph.headsAfterUpgrade(heads, m.id());
            SchemaChanges changes = m.upgradeChanges();
            schema = revision(script, m, HistoryEntry.UPGRADE, changes.operations(), changes.onlineOperations(),
                    schema, heads, after);
            heads = after;
        }
        return script.text();
    }

    /** The script that reverts a database at {@code from} to {@code target} ({@code -N}, {@code base}, an id or a prefix). */
    public String downgrade(Collection<String> from, String target) {
        List<LoadedMigration> path = graph.downgradePath(from, target);
        var script = new Script(text, header("downgrade", from, target, path));
        Schema schema = schemaAt(from);
        List<String> heads = List.copyOf(new TreeSet<>(from));
        for (LoadedMigration m : path) {
            List<String> after = graph.headsAfterDowngrade(heads, m.id());
            SchemaChanges changes;
            try {
                changes = m.downgradeChanges();
            } catch (RuntimeException e) {
                throw new MigrationException("revision " + label(m) + " cannot be downgraded: " + e.getMessage()
                        + " — write its downgrade by hand or stop at a later revision", e);
            }
            schema = revision(script, m, HistoryEntry.DOWNGRADE, changes.operations(), changes.onlineOperations(),
                    schema, heads, after);
            heads = after;
        }
        return script.text();
    }

    /** One revision's upgrade statements, each ending in {@code ;}, without transaction or version-table lines. */
    public String statements(String revision) {
        LoadedMigration m = graph.get(graph.resolve(revision));
        var script = new Script(text, "");
        script.comment(label(m) + ": upgrade statements for " + dialect.displayName());
        Schema schema = schemaAt(m.parents());
        SchemaChanges changes = m.upgradeChanges();
        List<Operation> operations = changes.operations();
        List<List<Hazard>> hazards = Hazards.of(operations, dialect, changes.onlineOperations());
        for (int i = 0; i < operations.size(); i++) {
            hazardComments(script, hazards.get(i));
            schema = operation(script, m, operations.get(i), changes.isOnline(i), schema);
        }
        return script.text();
    }

    /**
     * The schema the revisions up to {@code heads} build (what SQLite's rebuilds start from); PostgreSQL's renderer
     * needs none, so nothing is replayed for it (and raw SQL the interpreter cannot see does not get in the way).
     */
    private Schema schemaAt(Collection<String> heads) {
        Set<String> applied = graph.ancestorsOf(heads);
        Schema schema = Schema.EMPTY;
        for (LoadedMigration m : graph.inOrder()) {
            if (applied.contains(m.id())) {
                for (Operation operation : m.upgradeOperations()) {
                    schema = replay(m, schema, operation);
                }
            }
        }
        return schema;
    }

    private Schema replay(LoadedMigration m, Schema schema, Operation operation) {
        if (dialect != Dialect.SQLITE) {
            return schema;
        }
        try {
            return SchemaInterpreter.apply(schema, operation);
        } catch (IllegalStateException e) {
            throw new MigrationException("cannot replay revision " + label(m) + " offline to get SQLite's table"
                    + " definitions: " + e.getMessage() + " — raw SQL that creates or changes tables is invisible to the"
                    + " replay; model those changes with the DSL, or run autogen upgrade against the database", e);
        }
    }

    private String header(String command, Collection<String> from, String target, List<LoadedMigration> path) {
        var header = new StringBuilder();
        header.append("-- ").append(text.comment("autogen " + command + " " + describe(from) + " -> " + target
                + " for " + dialect.displayName() + ", generated offline")).append('\n');
        header.append("-- ").append(text.comment(path.size() + " revision" + (path.size() == 1 ? "" : "s")
                + (path.isEmpty() ? ": nothing to do" : ": " + String.join(", ",
                        path.stream().map(LoadedMigration::id).toList()))
                + switch (dialect) {
                    case POSTGRESQL -> "; run with psql -v ON_ERROR_STOP=1 -f FILE";
                    case SQLITE -> "; run with sqlite3 -bail DBFILE < FILE";
                    case MARIADB -> "; run with mariadb DATABASE < FILE (it stops at the first error)";
                })).append('\n');
        if (dialect == Dialect.MARIADB) {
            header.append("-- ").append(text.comment("MariaDB commits each DDL statement on its own: when a statement"
                    + " fails, the statements of its revision before it stay applied and its version row is not"
                    + " written; the transactions below keep only the version and history rows together")).append('\n');
        }
        header.append('\n');
        if (dialect == Dialect.MARIADB) {
            // the session autogen's own connections run with: double-quoted identifiers, UTC (MariadbSession)
            for (String setting : MariadbSession.SETTINGS) {
                header.append(setting).append(";\n");
            }
        }
        for (String sql : new VersionStore(dialect).createTableSql()) {
            header.append(sql).append(";\n");
        }
        return header.toString();
    }

    /** Writes one revision's block and returns the schema after it. */
    private Schema revision(Script script, LoadedMigration m, String direction, List<Operation> operations,
            Set<Integer> online, Schema schema, List<String> before, List<String> after) {
        script.blank();
        script.comment(direction + " " + label(m) + ": " + describe(before) + " -> " + describe(after));
        if (dialect == Dialect.SQLITE) {
            script.statement("PRAGMA foreign_keys=OFF");
        }
        if (statementAlone()) {
            script.comment(profile + ": each statement commits alone; the version rows are written after the last");
        } else {
            script.line("BEGIN;");
        }
        Schema current = schema;
        List<List<Hazard>> hazards = Hazards.of(operations, dialect, online);
        int index = 0;
        // on SQLite, consecutive changes that each rebuild one table rebuild it once, as the migrator does
        for (List<Operation> group : dialect == Dialect.SQLITE ? SqliteRebuildGroups.of(operations)
                : operations.stream().map(List::of).toList()) {
            for (int i = 0; i < group.size(); i++) {
                hazardComments(script, hazards.get(index + i));
            }
            current = group.size() == 1 ? operation(script, m, group.getFirst(), online.contains(index), current)
                    : sqliteRebuild(script, m, group, current);
            index += group.size();
        }
        if (dialect == Dialect.SQLITE) {
            script.comment("any row listed by the next statement is a foreign key that points nowhere: roll back");
            script.statement("PRAGMA foreign_key_check");
        }
        if (statementAlone()) {
            script.line("BEGIN;");
        }
        versionRows(script, before, after);
        script.statement(historyRow(m, direction));
        script.line("COMMIT;");
        if (dialect == Dialect.SQLITE) {
            script.statement("PRAGMA foreign_keys=ON");
        }
        return current;
    }

    /** {@code -- hazard DATA_LOSS: ...} above the operation's statements, as in the generated migration. */
    private static void hazardComments(Script script, List<Hazard> hazards) {
        for (Hazard hazard : hazards) {
            script.comment("hazard " + hazard.line());
        }
    }

    private static String rowSecurityTable(Operation operation) {
        if (operation instanceof dev.autogen.op.SetRowLevelSecurity op) {
            return op.table();
        }
        if (operation instanceof dev.autogen.op.CreatePolicy op) {
            return op.table();
        }
        return operation instanceof dev.autogen.op.DropPolicy op ? op.table() : "";
    }

    private Schema sqliteRebuild(Script script, LoadedMigration m, List<Operation> group, Schema before) {
        List<Statement> statements;
        try {
            for (Operation each : group) {
                ColumnReferences.requireExisting(each, before); // a group keeps its table's columns
            }
            statements = SqliteRebuildGroups.render(group, before);
        } catch (RuntimeException e) {
            throw new MigrationException("revision " + label(m) + " cannot be written as " + dialect.displayName()
                    + " SQL: " + e.getMessage(), e);
        }
        statements.forEach(statement -> script.statement(statement.sql()));
        Schema after = before;
        for (Operation operation : group) {
            after = replay(m, after, operation);
        }
        return after;
    }

    /**
     * {@code online}: the operation is marked {@code .online()}; on PostgreSQL its online steps are written, on MariaDB
     * its statement with {@code ALGORITHM=INPLACE, LOCK=NONE}.
     */
    private Schema operation(Script script, LoadedMigration m, Operation operation, boolean online, Schema before) {
        Optional<List<Statement>> steps = dialect == Dialect.POSTGRESQL && online
                ? PostgresOnlineDdl.steps(operation) : Optional.empty();
        if (steps.isPresent()) {
            onlineSteps(script, steps.get());
            return replay(m, before, operation);
        }
        if (operation instanceof RunCallback callback) {
            script.comment("NOT RUN: Java callback \"" + callback.description()
                    + "\" — a script cannot run Java; do its work by hand here, or apply this revision with"
                    + " autogen upgrade");
            return before;
        }
        if (operation instanceof dev.autogen.op.ForEachTenant tenantStep) {
            script.comment("NOT RUN: tenant step \"" + tenantStep.step().description()
                    + "\" — a script cannot run it once per tenant with progress; apply this revision with"
                    + " autogen upgrade");
            return before;
        }
        if (dialect == Dialect.SQLITE && (operation instanceof dev.autogen.op.SetRowLevelSecurity
                || operation instanceof dev.autogen.op.CreatePolicy || operation instanceof dev.autogen.op.DropPolicy)) {
            script.comment("skipped: SQLite has no row-level security (" + operation.getClass().getSimpleName()
                    + " on " + rowSecurityTable(operation) + ")");
            return replay(m, before, operation);
        }
        List<Statement> statements;
        try {
            if (dialect == Dialect.SQLITE) {
                ColumnReferences.requireExisting(operation, before);
            }
            statements = renderer.render(operation, before);
        } catch (RuntimeException e) {
            throw new MigrationException("revision " + label(m) + " cannot be written as " + dialect.displayName()
                    + " SQL: " + e.getMessage(), e);
        }
        if (dialect == Dialect.MARIADB && online) {
            if (!MariadbOnlineDdl.supports(operation)) {
                throw new MigrationException("revision " + label(m) + ": " + operation + " is marked online, but MariaDB"
                        + " copies the table for it (ALGORITHM=COPY, writes wait); remove .online() to accept the copy");
            }
            statements = statements.stream()
                    .map(s -> Statement.of(MariadbOnlineDdl.statement(operation, s.sql()).orElseThrow())).toList();
        }
        for (Statement statement : statements) {
            if (statement.transactional() || dialect != Dialect.POSTGRESQL) {
                script.statement(statement.sql());
            } else if (statementAlone()) {
                script.comment("cannot run inside a transaction:");
                script.statement(statement.sql());
            } else {
                script.line("COMMIT;");
                script.comment("cannot run inside a transaction:");
                script.statement(statement.sql());
                script.line("BEGIN;");
            }
        }
        return replay(m, before, operation);
    }

    /**
     * The online form's steps, each in a transaction of its own ({@code CREATE INDEX CONCURRENTLY} in none), as the
     * migrator runs them; the revision's transaction is ended before and opened again after.
     */
    private void onlineSteps(Script script, List<Statement> steps) {
        if (!statementAlone()) {
            script.line("COMMIT;");
        }
        script.comment("online: " + steps.size() + " steps, each in its own transaction (run under a short"
                + " lock_timeout, retry a step that times out)");
        for (Statement step : steps) {
            if (step.transactional()) {
                script.line("BEGIN;");
                script.statement(step.sql());
                script.line("COMMIT;");
            } else {
                script.statement(step.sql());
            }
        }
        if (!statementAlone()) {
            script.line("BEGIN;");
        }
    }

    /** The {@code autogen_version} rows: an update when one head replaces another, else deletes and inserts. */
    private void versionRows(Script script, List<String> before, List<String> after) {
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        var added = new TreeSet<>(after);
        added.removeAll(before);
        String table = quoteIdentifier(VersionTables.VERSION);
        String column = quoteIdentifier("revision");
        if (removed.size() == 1 && added.size() == 1) {
            script.statement("update " + table + " set " + column + " = " + literal(added.first()) + " where "
                    + column + " = " + literal(removed.first()));
            return;
        }
        for (String id : removed) {
            script.statement("delete from " + table + " where " + column + " = " + literal(id));
        }
        for (String id : added) {
            script.statement("insert into " + table + " (" + column + ") values (" + literal(id) + ")");
        }
    }

    private String historyRow(LoadedMigration m, String direction) {
        String now = switch (dialect) {
            case POSTGRESQL -> "current_timestamp";
            case SQLITE -> "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
            case MARIADB -> "utc_timestamp(6)";
        };
        String who = switch (dialect) {
            case POSTGRESQL -> "current_user";
            case SQLITE -> literal(appliedBy);
            case MARIADB -> "current_user()";
        };
        String success = switch (dialect) {
            case POSTGRESQL -> "true";
            case SQLITE -> "1";
            case MARIADB -> "true";
        };
        List<String> columns = List.of("revision", "direction", "checksum", "applied_at", "applied_by", "duration_ms",
                "success");
        return "insert into " + quoteIdentifier(VersionTables.HISTORY) + " ("
                + String.join(", ", columns.stream().map(c -> quoteIdentifier(c)).toList()) + ") values ("
                + literal(m.id()) + ", " + literal(direction) + ", " + literal(MigrationChecksum.of(m)) + ", " + now
                + ", " + who + ", 0, " + success + ")";
    }

    private static String describe(Collection<String> heads) {
        return heads.isEmpty() ? "base" : String.join(",", new TreeSet<>(heads));
    }

    /** The id and message, for comments and errors (a comment passes it through {@link SqlText#comment}). */
    private static String label(LoadedMigration m) {
        return m.message().isBlank() ? m.id() : m.id() + " (" + m.message().strip() + ")";
    }

    private String literal(String value) {
        return text.literal(value);
    }

    /** The script text, one statement per {@code ;}-terminated line group. */
    private static final class Script {
        private final SqlText sqlText;
        private final StringBuilder text;

        Script(SqlText sqlText, String header) {
            this.sqlText = sqlText;
            this.text = new StringBuilder(header);
        }

        void line(String line) {
            text.append(line).append('\n');
        }

        void blank() {
            text.append('\n');
        }

        void comment(String comment) {
            line("-- " + sqlText.comment(comment));
        }

        void statement(String sql) {
            String trimmed = sql.strip();
            String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
            // a trailing "-- comment" would swallow the semicolon
            line(trimmed.endsWith(";") ? trimmed : lastLine.contains("--") ? trimmed + "\n;" : trimmed + ";");
        }

        String text() {
            return text.toString();
        }
    }
}
