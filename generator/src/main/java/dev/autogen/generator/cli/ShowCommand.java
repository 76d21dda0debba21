package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.dsl.SchemaChanges;
import dev.autogen.hazard.Acknowledgement;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.Hazards;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen show REV}: one revision, read from the migrations only (no connection); with {@code --sql}, the SQL
 * its upgrade runs on the dialect of the URL or {@code --dialect}.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows a revision: its message, parents, dependencies, and the operations of its upgrade and "
                + "downgrade, one line each, with their hazards and acknowledgements; --sql prints its upgrade's SQL"
                + " (hazards as comments).", "Needs no database."})
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "REV", description = "A revision id or unique prefix, head, or heads.")
    String target;

    @Option(names = "--sql", description = "Print the revision's upgrade SQL (offline: no database connection).")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --sql: postgresql, mariadb or sqlite (default: the --url's).")
    String dialect;

    @Override
    public Integer call() {
        if (dialect != null && !sql) {
            throw new UsageException("--dialect only applies to --sql: add --sql");
        }
        Project project = root.project();
        RevisionGraph graph = new RevisionGraph(project.migrations());
        List<String> ids = "base".equals(target) ? List.of() : graph.absoluteTarget(target);
        if (ids.isEmpty()) {
            throw new UsageException("there is no revision to show for " + target
                    + ": show takes a revision id or unique prefix, head or heads");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (sql) {
            var script = new OfflineScript(OfflineSqlOptions.dialect(dialect, project), graph,
                    System.getProperty("user.name", "unknown"));
            for (String id : ids) {
                try {
                    out.print(script.statements(id));
                } catch (MigrationException e) {
                    throw new UsageException(e.getMessage(), e);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                out.println();
            }
            print(out, graph, graph.get(ids.get(i)), project.dialect());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, RevisionGraph graph, LoadedMigration m, Dialect dialect) {
        boolean head = graph.heads().contains(m.id());
        out.println("Revision:   " + m.id() + (head ? " (head)" : "") + (m.parents().size() > 1 ? " (merge)" : ""));
        out.println("Message:    " + m.message());
        out.println("Class:      " + m.className());
        out.println("Parents:    " + (m.parents().isEmpty() ? "<base>" : String.join(", ", m.parents())));
        if (!m.replaces().isEmpty()) {
            out.println("Replaces:   " + String.join(", ", m.replaces()) + " (a squash)");
        }
        if (!m.dependsOn().isEmpty()) {
            out.println("Depends on: " + String.join(", ", m.dependsOn()));
        }
        operations(out, "Upgrade", m::upgradeChanges, dialect);
        operations(out, "Downgrade", m::downgradeChanges, dialect);
    }

    /**
     * Each operation with its hazards on {@code dialect} above it ({@code !}), {@code [online]} after it when it is
     * marked {@code .online()}, and its acknowledgements below.
     */
    private static void operations(PrintWriter out, String title, Supplier<SchemaChanges> recorded, Dialect dialect) {
        SchemaChanges changes;
        try {
            changes = recorded.get();
        } catch (RuntimeException e) {
            out.println(title + ": cannot be run: " + ErrorHandler.oneLine(String.valueOf(e.getMessage())));
            return;
        }
        List<Operation> list = changes.operations();
        List<List<Hazard>> hazards = Hazards.of(list, dialect, changes.onlineOperations());
        out.println(title + " (" + list.size() + " operation" + (list.size() == 1 ? "" : "s") + ")"
                + (list.isEmpty() ? "" : ":"));
        for (int i = 0; i < list.size(); i++) {
            for (Hazard hazard : hazards.get(i)) {
                out.println("  ! " + hazard.line());
            }
            out.println("  " + OperationText.line(list.get(i)) + (changes.isOnline(i) ? " [online]" : ""));
            for (Acknowledgement acknowledgement : changes.acknowledgementsOf(i)) {
                out.println("      acknowledged " + acknowledgement.kind() + ": "
                        + ErrorHandler.oneLine(acknowledgement.reason()));
            }
        }
    }
}
