package dev.autogen.generator.project;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code autogen check --offline}: the same question as {@link DriftCheck} with no database at all. The migrations'
 * upgrades are replayed onto an empty schema ({@link SchemaInterpreter}) and the result is compared with the entities,
 * so CI can fail a pull request whose entities changed without a migration before any database exists. Raw SQL and
 * Java callbacks are opaque to the replay: the check says so when it meets them, since a table they create is then
 * invisible to it.
 */
public final class OfflineDriftCheck {
    private OfflineDriftCheck() {
    }

    public static DriftCheck.Report run(Project project, Dialect dialect) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        RevisionGraph graph = new RevisionGraph(project.migrations());
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            problems.add("the migrations have several heads (" + String.join(", ", heads)
                    + "): merge them with autogen merge -m \"merge heads\"");
        }
        Schema replayed = Schema.EMPTY;
        for (LoadedMigration migration : graph.inOrder()) {
            for (Operation operation : migration.upgradeOperations()) {
                if (operation instanceof ExecuteSql || operation instanceof ExecuteDialectSql
                        || operation instanceof RunCallback) {
                    notes.add("note: revision " + migration.id() + " runs raw SQL or Java, which the offline check"
                            + " cannot see into");
                }
                replayed = SchemaInterpreter.apply(replayed, operation);
            }
        }
        // no database to ask for its default schema: --schema, else PostgreSQL's own default
        String defaultSchema = project.settings().schema() != null ? project.settings().schema() : "public";
        Schema entities = SchemaNamespaces.withDefault(project.entitySchema(dialect),
                defaultSchema);
        List<Operation> plan = new SchemaDiffer(dialect, SqlExpressions::canonical).diff(replayed, entities);
        if (!plan.isEmpty()) {
            problems.add("the entities differ from what the migrations build by " + plan.size() + " operation"
                    + (plan.size() == 1 ? "" : "s") + ": generate a migration with autogen -m MESSAGE");
        }
        return new DriftCheck.Report(problems, plan, heads, notes.stream().distinct().toList());
    }
}
