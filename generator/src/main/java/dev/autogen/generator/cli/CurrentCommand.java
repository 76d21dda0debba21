package dev.autogen.generator.cli;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Shows the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Migrator migrator = root.project().migrator();
        List<String> current = migrator.current();
        List<String> heads = migrator.heads();
        PrintWriter out = spec.commandLine().getOut();
        if (current.isEmpty()) {
            out.println("base (no revision applied)");
        }
        for (String id : current) {
            String message = migrator.graph().contains(id) ? describe(migrator.graph().get(id))
                    : "(unknown to these migrations)";
            out.println(id + " " + message + (heads.contains(id) ? " (head)" : ""));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String describe(LoadedMigration migration) {
        return migration.simpleName() + " - " + migration.message();
    }
}
