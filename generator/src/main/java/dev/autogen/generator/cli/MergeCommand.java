package dev.autogen.generator.cli;

import dev.autogen.generator.project.MergeRevision;
import dev.autogen.generator.project.RevisionWriter.WrittenRevision;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a merge revision: every current head as a parent and no operations, so that the "
                + "migrations have one head again.", "Needs no database."})
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE",
            description = "What the merge joins, e.g. \"merge heads\".")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Override
    public Integer call() {
        WrittenRevision merge = MergeRevision.run(root.project(), message, revisionId);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated " + RevisionCommand.relative(merge.file()) + " (merge revision " + merge.id() + ").");
        out.println("Apply it with: autogen upgrade");
        out.flush();
        return ExitCodes.OK;
    }
}
