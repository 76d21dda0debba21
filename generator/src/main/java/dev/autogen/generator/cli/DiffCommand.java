package dev.autogen.generator.cli;

import dev.autogen.generator.jpa.EntityProvenance;
import dev.autogen.generator.project.OperationExplainer;
import dev.autogen.generator.project.OnlineMarks;
import dev.autogen.generator.project.PlanHazards;
import dev.autogen.hazard.Hazard;
import dev.autogen.generator.project.Project;
import dev.autogen.generator.project.RenamePrompt;
import dev.autogen.generator.project.TenantColumnHints;
import dev.autogen.generator.project.UnmanagedTables;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Statement;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import dev.autogen.migrate.Migrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Shows what autogenerate would write, without writing anything.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, sql }

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default), json, or sql (the statements for this database).")
    Format format;

    @Override
    public Integer call() {
        Project project = root.project();
        // Hibernate's boot overlaps with the catalog read and the migrations (see Project.alongsideEntityModel)
        return project.alongsideEntityModel(() -> diff(project));
    }

    private Integer diff(Project project) {
        Schema database = project.databaseSchema();
        // writes nothing: asks nothing
        UnmanagedTables.Filtered filtered = UnmanagedTables.of(project)
                .filter(project.plan(database, RenamePrompt.never()))
                .withHints(TenantColumnHints.of(project));
        List<Operation> plan = filtered.plan();
        // what autogen -m would mark .online() (operations on PostgreSQL tables that hold rows), with their hazards
        Set<Integer> online = OnlineMarks.of(project, plan, false);
        Map<Integer, List<Hazard>> warnings = PlanHazards.of(plan, project.dialect(), database, online);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> {
                RevisionCommand.printHints(out, filtered.hints());
                if (plan.isEmpty()) {
                    out.println("No differences: " + project.settings().displayUrl() + " matches the entities in "
                            + String.join(", ", project.entityPackages()) + ".");
                } else {
                    out.println(plan.size() + " operation" + (plan.size() == 1 ? "" : "s") + " would bring "
                            + project.settings().displayUrl() + " in line with the entities in "
                            + String.join(", ", project.entityPackages()) + ":");
                    RevisionCommand.printPlan(out, plan, warnings, because(project, database, plan), online);
                    out.println(pendingNote(project).orElse("Write them as a migration with: autogen -m \"MESSAGE\""));
                }
            }
            case json -> out.println(PlanJson.of(plan, warnings, because(project, database, plan), filtered.hints(),
                    online));
            case sql -> {
                filtered.hints().forEach(hint -> out.println("-- " + hint));
                DdlRenderer renderer = DdlRenderer.forDialect(project.dialect());
                Schema before = database;
                for (Operation operation : plan) {
                    for (Statement statement : renderer.render(operation, before)) {
                        out.println(statement.sql() + ";");
                    }
                    before = SchemaInterpreter.apply(before, operation);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Where each operation comes from (read from the boot model the entity schema came from). */
    private static List<String> because(Project project, Schema database, List<Operation> plan) {
        if (plan.isEmpty()) {
            return List.of();
        }
        EntityProvenance provenance = project.entityModel().provenance();
        return new OperationExplainer(database, provenance, project.dialect()).explain(plan);
    }

    /**
     * When migrations are waiting to be applied, the difference above is mostly theirs: say so, since generating a
     * migration now would repeat them (and autogenerate refuses to).
     */
    private static Optional<String> pendingNote(Project project) {
        if (!Files.isDirectory(project.settings().migrationsDir())) {
            return Optional.empty();
        }
        Migrator migrator = project.migrator();
        List<String> current = migrator.current();
        List<String> heads = migrator.heads();
        if (current.size() == heads.size() && current.containsAll(heads)) {
            return Optional.empty();
        }
        int pending = migrator.graph().upgradePath(current, "heads").size();
        return Optional.of("The database is behind the migrations in " + RevisionCommand.relative(
                project.settings().migrationsDir()) + " (" + pending + " revision" + (pending == 1 ? "" : "s")
                + " not applied): autogen upgrade applies them; autogenerate compares against an up-to-date database.");
    }
}
