package dev.autogen.generator.cli;

import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = "Reverts migrations down to TARGET, newest first, one transaction per revision.")
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "TARGET", description = "-N, base, or a revision id or unique prefix.")
    String target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Migrator migrator = root.project().migrator().withListener(line -> {
            out.println(line);
            out.flush();
        });
        List<String> reverted = migrator.downgrade(target);
        List<String> current = migrator.current();
        out.println((reverted.isEmpty() ? "Nothing to revert: " : "Reverted " + reverted.size() + " revision"
                + (reverted.size() == 1 ? "" : "s") + "; ") + "the database is at "
                + (current.isEmpty() ? "base" : String.join(", ", current)) + ".");
        out.flush();
        return ExitCodes.OK;
    }
}
