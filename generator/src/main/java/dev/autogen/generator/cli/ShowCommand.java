package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.op.Operation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen show REV}: one revision, read from the migrations only (no connection): its id, parents, message,
 * class and operations; with {@code --sql}, the SQL its upgrade runs on the dialect of the URL or {@code --dialect}.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one revision: its parents, message and operations; --sql prints its upgrade's SQL.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "REV", description = "A revision id or unique prefix, or head.")
    String revision;

    @Option(names = "--sql", description = "Print the revision's upgrade SQL (offline: no database connection).")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --sql: postgresql or sqlite (default: the --url's).")
    String dialect;

    @Override
    public Integer call() {
        if (dialect != null && !sql) {
            throw new UsageException("--dialect only applies to --sql: add --sql");
        }
        Project project = root.project();
        RevisionGraph graph = new RevisionGraph(project.migrations());
        String id = revision.equals("head") ? graph.singleHead() : graph.resolve(revision);
        if (id == null) {
            throw new UsageException("there are no revisions yet: create one with autogen -m MESSAGE");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (sql) {
            var script = new OfflineScript(OfflineSqlOptions.dialect(dialect, project), graph,
                    System.getProperty("user.name", "unknown"));
            try {
                out.print(script.statements(id));
            } catch (MigrationException e) {
                throw new UsageException(e.getMessage(), e);
            }
        } else {
            describe(graph.get(id), out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void describe(LoadedMigration m, PrintWriter out) {
        out.println("Revision: " + m.id());
        out.println("Parent: " + (m.parents().isEmpty() ? "base" : String.join(", ", m.parents())));
        out.println("Message: " + m.message());
        out.println("Class: " + m.className());
        out.println("Upgrade:");
        m.upgradeOperations().forEach(op -> out.println("  " + OperationText.line(op)));
        out.println("Downgrade:");
        List<Operation> downgrade;
        try {
            downgrade = m.downgradeOperations();
        } catch (RuntimeException e) {
            out.println("  (cannot be downgraded: " + e.getMessage() + ")");
            return;
        }
        downgrade.forEach(op -> out.println("  " + OperationText.line(op)));
    }
}
