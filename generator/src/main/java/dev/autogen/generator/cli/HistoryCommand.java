package dev.autogen.generator.cli;

import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import dev.autogen.migrate.graph.RevisionGraph;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists the revisions (oldest first), marking those applied, then what the database recorded.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Migrator migrator = root.project().migrator();
        List<String> rows = migrator.current();
        RevisionGraph graph = migrator.graph().readingRows(rows);
        List<String> current = graph.position(rows);
        var applied = graph.ancestorsOf(current.stream().filter(graph::contains).toList());
        PrintWriter out = spec.commandLine().getOut();
        for (LoadedMigration migration : graph.inOrder()) {
            String parents = migration.parents().isEmpty() ? "<base>" : String.join(", ", migration.parents());
            out.println((applied.contains(migration.id()) ? "[x] " : "[ ] ") + parents + " -> " + migration.id()
                    + (current.contains(migration.id()) ? " (current)" : "")
                    + (migration.dependsOn().isEmpty() ? "" : " (depends on " + String.join(", ", migration.dependsOn())
                    + ")") + (migration.replaces().isEmpty() ? "" : " (replaces "
                    + String.join(", ", migration.replaces()) + ")") + "  " + CurrentCommand.describe(migration));
        }
        List<HistoryEntry> history = migrator.history();
        if (!history.isEmpty()) {
            out.println();
            out.println("Recorded in the database:");
            for (HistoryEntry entry : history) {
                out.println("  " + entry.appliedAt() + "  " + entry.direction() + " " + entry.revision() + " by "
                        + entry.appliedBy() + " in " + entry.durationMs() + " ms"
                        + (entry.checksum().isEmpty() ? "" : ", checksum "
                        + entry.checksum().substring(0, Math.min(12, entry.checksum().length()))));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
