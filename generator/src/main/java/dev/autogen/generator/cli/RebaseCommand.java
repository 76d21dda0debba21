package dev.autogen.generator.cli;

import dev.autogen.generator.project.RebaseRevisions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "rebase", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"After a git merge left two heads: puts this branch's unapplied revisions after the other"
                + " branch's head (parent rewritten, files renumbered, ids kept), so that the migrations have one head"
                + " without a merge revision.",
                "Refuses when both branches change the same column, table part or object (then use merge)."})
final class RebaseCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--onto", paramLabel = "REV", description = "The other branch's head (default: the one merged into"
            + " the conflicted autogen-head file).")
    String onto;

    @Option(names = "--offline", description = "Trust the files: do not ask the database whether a moved revision was"
            + " applied.")
    boolean offline;

    @Override
    public Integer call() {
        RebaseRevisions.Outcome outcome = RebaseRevisions.run(root.project(), onto, offline);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Rebased " + outcome.moved().size() + " revision" + (outcome.moved().size() == 1 ? "" : "s")
                + " onto " + outcome.onto() + ":");
        for (RebaseRevisions.Moved moved : outcome.moved()) {
            out.println("  " + moved.id() + " " + (moved.fromClass().equals(moved.toClass()) ? moved.toClass()
                    : moved.fromClass() + " -> " + moved.toClass()));
        }
        out.println("The head is " + outcome.head() + "; commit the migrations and autogen-head.");
        out.flush();
        return ExitCodes.OK;
    }
}
