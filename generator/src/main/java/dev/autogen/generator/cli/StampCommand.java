package dev.autogen.generator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = {"Sets the database's revision to REV without running any migration: for adopting a database "
                + "whose schema already exists, or repairing the version table.",
                "Recorded in the history as a stamp."})
final class StampCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "REV",
            description = "head, heads, base (clears the version table), or a revision id or unique prefix.")
    String target;

    @Override
    public Integer call() {
        var migrator = root.project().migrator();
        List<String> before = migrator.current();
        List<String> after = migrator.stamp(target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Stamped: the database is at " + describe(after) + " (was " + describe(before)
                + "); no migration ran.");
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(List<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", revisions);
    }
}
