package dev.autogen.generator.cli;

import dev.autogen.migrate.graph.RevisionGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.HeadSentinel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "heads", mixinStandardHelpOptions = true,
        description = "Shows the head revision(s) of the migrations; more than one needs a merge.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--write-sentinel", description = "Rewrite the autogen-head file to name the single head"
            + " (after a hand-written revision or a hand-resolved conflict).")
    boolean writeSentinel;

    @Override
    public Integer call() {
        RevisionGraph graph = new RevisionGraph(root.project().migrations());
        PrintWriter out = spec.commandLine().getOut();
        if (writeSentinel) {
            if (graph.heads().size() != 1) {
                throw new UsageException("--write-sentinel needs one head but the migrations have "
                        + (graph.heads().isEmpty() ? "none" : String.join(", ", graph.heads()))
                        + ": join several heads with autogen rebase or autogen merge -m \"merge heads\" first");
            }
            java.nio.file.Path file = HeadSentinel.file(root.project().settings());
            HeadSentinel.write(file.getParent(), graph.singleHead());
            out.println("Wrote " + RevisionCommand.relative(file) + ": head " + graph.singleHead() + ".");
            out.flush();
            return ExitCodes.OK;
        }
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
