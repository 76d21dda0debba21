package dev.autogen.generator.cli;

import dev.autogen.generator.project.SquashRevisions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "squash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replaces a line of revisions with one revision that runs their operations in order (data"
                + " migrations included) and records the ids it replaces, so databases that applied them stay valid;"
                + " re-parents what followed the last onto it.",
                "Refuses a range with a Java callback, a branch or a merge, and deleting the originals while the"
                        + " database is part-way through them."})
final class SquashCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "[BASE:]REV", description = "The last revision to squash; from BASE"
            + " (excluded) when given, else from the first revision.")
    String range;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE",
            description = "What the revisions do together.")
    String message;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
    String revisionId;

    @Option(names = "--offline", description = "Trust the files: do not ask the database whether it is part-way"
            + " through the range.")
    boolean offline;

    @Option(names = "--keep-originals", description = "Keep the squashed revisions' files (until every database is"
            + " past the range): a database part-way through it is upgraded through them.")
    boolean keepOriginals;

    @Override
    public Integer call() {
        SquashRevisions.Outcome outcome = SquashRevisions.run(root.project(), range, message, revisionId, offline,
                keepOriginals);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Generated " + RevisionCommand.relative(outcome.file()) + " (revision " + outcome.id()
                + ") " + (keepOriginals ? "replacing " : "in place of ") + String.join(", ", outcome.replaced())
                + (outcome.reparented().isEmpty() ? "" : "; " + String.join(", ", outcome.reparented())
                + " now follow" + (outcome.reparented().size() == 1 ? "s" : "") + " it") + ".");
        out.flush();
        return ExitCodes.OK;
    }
}
