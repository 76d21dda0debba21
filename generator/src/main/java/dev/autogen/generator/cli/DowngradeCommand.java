package dev.autogen.generator.cli;

import dev.autogen.migrate.Migrator;
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
        MigrationProgress.run(root.project().migrator(), Migrator::downgrade, target, "Reverted", "Nothing to revert",
                spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
