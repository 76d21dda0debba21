package dev.autogen.generator.cli;

import dev.autogen.migrate.graph.RevisionGraph;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Shows the branch points: revisions that several revisions follow. Needs no database.")
final class BranchesCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RevisionGraph graph = new RevisionGraph(root.project().migrations());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<String>> points = graph.branchPoints();
        if (points.isEmpty()) {
            out.println("no branch points: every revision has at most one child");
        }
        points.forEach((id, children) -> {
            out.println(id + " " + CurrentCommand.describe(graph.get(id)) + " (branch point)");
            for (String child : children) {
                out.println("  -> " + child + " " + CurrentCommand.describe(graph.get(child)));
            }
        });
        out.flush();
        return ExitCodes.OK;
    }
}
