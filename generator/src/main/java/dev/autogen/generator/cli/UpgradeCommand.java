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

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Applies migrations up to TARGET, one transaction per revision.")
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
            description = "head (default), +N, or a revision id or unique prefix.")
    String target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Migrator migrator = root.project().migrator().withListener(line -> {
            out.println(line);
            out.flush();
        });
        List<String> applied = migrator.upgrade(target);
        List<String> current = migrator.current();
        out.println((applied.isEmpty() ? "Nothing to apply: " : "Applied " + applied.size() + " revision"
                + (applied.size() == 1 ? "" : "s") + "; ") + "the database is at "
                + (current.isEmpty() ? "base" : String.join(", ", current)) + ".");
        out.flush();
        return ExitCodes.OK;
    }
}
