package dev.autogen.generator.cli;

import dev.autogen.migrate.graph.RevisionGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Shows the head revision(s) of the migrations; more than one needs a merge.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RevisionGraph graph = new RevisionGraph(root.project().migrations());
        PrintWriter out = spec.commandLine().getOut();
        if (graph.heads().isEmpty()) {
            out.println("no revisions yet");
        }
        for (String head : graph.heads()) {
            out.println(head + " " + CurrentCommand.describe(graph.get(head)) + " (head)");
        }
        if (graph.heads().size() > 1) {
            out.println(graph.heads().size() + " heads: join them with autogen merge -m \"merge heads\", or apply"
                    + " every branch with autogen upgrade heads");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
