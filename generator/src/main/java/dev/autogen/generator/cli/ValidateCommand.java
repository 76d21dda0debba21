package dev.autogen.generator.cli;

import dev.autogen.generator.project.Project;
import dev.autogen.migrate.history.AppliedRevisions;
import dev.autogen.migrate.history.IntegrityProblem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compares what the database recorded with the migrations: exit 0 when they agree, exit 1 on an"
                + " applied revision edited since (checksum), a database revision no migration defines (the database"
                + " is ahead of this code), or an unknown one.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Project project = root.project();
        AppliedRevisions.Report report = project.migrator().validate(project.settings().migrationsDir().toString());
        PrintWriter out = spec.commandLine().getOut();
        for (IntegrityProblem problem : report.problems()) {
            out.println("Invalid: " + problem.message());
        }
        if (report.valid()) {
            int verified = report.verified().size();
            int unverified = report.unverified().size();
            out.println("Valid: " + (verified == 0 && unverified == 0 ? "no revision is applied yet"
                    : verified + " applied revision" + (verified == 1 ? " matches" : "s match")
                    + " the checksum recorded when applied")
                    + (unverified == 0 ? "" : "; " + unverified + " applied by a stamp " + (unverified == 1 ? "has" : "have")
                    + " no recorded checksum (" + String.join(", ", report.unverified()) + ")") + ".");
        }
        out.flush();
        return report.valid() ? ExitCodes.OK : ExitCodes.DRIFT;
    }
}
