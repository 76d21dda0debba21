package dev.autogen.generator.project;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.sql.mariadb.MariadbEnumColumns;
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
        RevisionGraph graph = new RevisionGraph(project.migrations());
        List<String> heads = graph.heads();
        if (heads.size() > 1) {
            problems.add("the migrations have several heads (" + String.join(", ", heads)
                    + "): merge them with autogen merge -m \"merge heads\"");
        }
        problems.addAll(HeadSentinel.problems(HeadSentinel.file(project.settings()), heads));
        Replay replay = replay(graph);
        Schema replayed = asOn(replay.schema(), dialect);
        List<String> notes = replay.notes();
        Schema entities = entitySchema(project, dialect);
        List<Operation> plan = new SchemaDiffer(dialect, SqlExpressions::canonical, project.derivedKeyOrder(dialect))
                .diff(replayed, entities);
        if (!plan.isEmpty()) {
            problems.add("the entities differ from what the migrations build by " + plan.size() + " operation"
                    + (plan.size() == 1 ? "" : "s") + ": generate a migration with autogen -m MESSAGE");
        }
        return new DriftCheck.Report(problems, plan, heads, notes);
    }

    /**
     * The replayed schema as {@code dialect} holds it: on MariaDB a PostgreSQL named enum's columns are native
     * {@code enum(...)} columns and there is no type ({@link MariadbEnumColumns}); elsewhere unchanged.
     */
    public static Schema asOn(Schema replayed, Dialect dialect) {
        return dialect == Dialect.MARIADB ? MariadbEnumColumns.spelledOut(replayed) : replayed;
    }

    /** The schema the migrations build, replayed from an empty one, and a note per revision the replay cannot see into. */
    public record Replay(Schema schema, List<String> notes) {
        public Replay {
            notes = List.copyOf(notes);
        }
    }

    /** Replays the upgrades of {@code graph}'s revisions in order onto an empty schema. */
    public static Replay replay(RevisionGraph graph) {
        List<String> notes = new ArrayList<>();
        Schema replayed = Schema.EMPTY;
        for (LoadedMigration migration : graph.inOrder()) {
            for (Operation operation : migration.upgradeOperations()) {
                if (operation instanceof ExecuteSql || operation instanceof ExecuteDialectSql
                        || operation instanceof RunCallback || operation instanceof ForEachTenant) {
                    notes.add("note: revision " + migration.id() + " runs raw SQL or Java, which the offline replay"
                            + " cannot see into");
                }
                replayed = SchemaInterpreter.apply(replayed, operation);
            }
        }
        return new Replay(replayed, notes.stream().distinct().toList());
    }

    /**
     * The entities' schema for {@code dialect} with no database to ask for its default schema: {@code --schema}, else
     * PostgreSQL's own default ({@code public}), names the tables that need no schema.
     */
    static Schema entitySchema(Project project, Dialect dialect) {
        return withOfflineDefault(project, project.entitySchema(dialect));
    }

    static Schema withOfflineDefault(Project project, Schema entities) {
        String defaultSchema = project.settings().schema() != null ? project.settings().schema() : "public";
        return SchemaNamespaces.withDefault(entities, defaultSchema);
    }
}
