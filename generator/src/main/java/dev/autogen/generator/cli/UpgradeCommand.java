package dev.autogen.generator.cli;

import dev.autogen.migrate.Migrator;
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
        MigrationProgress.run(root.project().migrator(), Migrator::upgrade, target, "Applied", "Nothing to apply",
                spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
