package dev.autogen.generator.project;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.schema.Schema;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code autogen check}: what CI runs. The project is in sync when the migrations have one head, the database is at
 * that head, what the database recorded agrees with the migrations ({@code autogen validate}: no applied revision
 * edited, none missing, no unknown version row), and the database matches the entities. Every problem is reported,
 * not just the first.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    /**
     * The outcome: {@code problems} empty means in sync; {@code plan} holds the entity drift, if any; {@code hints}
     * name the tables autogen leaves alone ({@link UnmanagedTables}), which are never a problem.
     */
    public record Report(List<String> problems, List<Operation> plan, List<String> heads, List<String> hints,
                         List<String> contractsWaiting) {
        public Report {
            contractsWaiting = contractsWaiting == null ? List.of() : List.copyOf(contractsWaiting);
        }

        public Report(List<String> problems, List<Operation> plan, List<String> heads, List<String> hints) {
            this(problems, plan, heads, hints, List.of());
        }

        public Report(List<String> problems, List<Operation> plan, List<String> heads) {
            this(problems, plan, heads, List.of());
        }

        public boolean inSync() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks {@code project}; the entity model is built on another thread meanwhile ({@link
     * Project#alongsideEntityModel}), so the migrations, the migrator's queries and the catalog read overlap with
     * Hibernate's boot, and the catalog is read on a third ({@link Project#alongsideCatalogRead}) while the migrations
     * load and the migrator validates them (once the in-sync fingerprint's connection has closed when the read runs
     * beside it, see {@link InSyncShortcut}: the check then holds no more connections at once than without it).
     */
    public static Report run(Project project) {
        return project.alongsideEntityModel(() -> project.alongsideCatalogRead(() -> check(project)));
    }

    private static Report check(Project project) {
        List<String> problems = new ArrayList<>();
        List<LoadedMigration> migrations = project.migrations();
        RevisionGraph graph = new RevisionGraph(migrations);
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            problems.add("the migrations have several heads (" + String.join(", ", heads)
                    + "): join them with autogen merge -m \"merge heads\" (or, to apply every branch without"
                    + " merging, autogen upgrade heads)");
        }
        problems.addAll(HeadSentinel.problems(HeadSentinel.file(project.settings()), heads));
        project.awaitCatalogConnections();
        Migrator migrator = project.migrator();
        List<String> current = graph.position(migrator.current());
        List<String> unknown = current.stream().filter(id -> !graph.readingRows(current).contains(id)).toList();
        AppliedRevisions.Report validation = migrator.validate(project.settings().migrationsDir().toString());
        validation.problems().forEach(problem -> problems.add(problem.message()));
        ContractHold hold = unknown.isEmpty() ? ContractHold.at(graph.readingRows(current), current)
                : new ContractHold(List.of(), List.of());
        boolean contractsOnly = hold.onlyContractsPending();
        boolean atHead = unknown.isEmpty() && (contractsOnly || Autogenerate.sameSet(current, heads));
        if (unknown.isEmpty() && !atHead) {
            problems.add("the database is behind the migrations (database: " + Autogenerate.describe(current)
                    + ", head: " + Autogenerate.describe(heads) + "): run autogen upgrade" + (heads.size() > 1 ? " heads" : ""));
        }
        // CI: nobody to ask about renames
        UnmanagedTables.Filtered filtered = UnmanagedTables.of(migrations)
                .filter(project.plan(afterWaitingContracts(project, graph, current, contractsOnly),
                        RenamePrompt.never()))
                .withHints(TenantColumnHints.of(project));
        List<Operation> plan = filtered.plan();
        if (!plan.isEmpty()) {
            problems.add("the entities differ from the database by " + plan.size() + " operation"
                    + (plan.size() == 1 ? "" : "s") + (atHead ? ": generate a migration with autogen -m MESSAGE" : ""));
        }
        List<String> waiting = contractsOnly ? hold.waiting().stream().map(ContractHold::waitingLine).toList()
                : List.of();
        return new Report(problems, plan, heads, filtered.hints(), waiting);
    }

    /**
     * The catalog, and when only contract revisions wait, the catalog as they will leave it: the entities already
     * describe the contracted schema (the old column is unmapped), so the columns a waiting contract drops are not
     * drift. The contract revisions' upgrades are replayed onto the catalog ({@link SchemaInterpreter}).
     */
    private static Schema afterWaitingContracts(Project project, RevisionGraph graph, List<String> current,
            boolean contractsOnly) {
        Schema database = project.databaseSchema();
        if (!contractsOnly) {
            return database;
        }
        for (LoadedMigration waiting : graph.upgradePath(current, "heads")) {
            database = SchemaInterpreter.applyAll(database, waiting.upgradeOperations());
        }
        return database;
    }
}
