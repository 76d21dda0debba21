package dev.autogen.generator.cli;

import picocli.CommandLine.Mixin;
import java.util.List;
import dev.autogen.migrate.fleet.TargetValidations;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.generator.config.UsageException;
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

    @Mixin
    FleetTargetsOptions targets;

    @Override
    public Integer call() {
        targets.validate(root, null);
        if (targets.active()) {
            return validateTargets();
        }
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

    /**
     * {@code validate --targets FILE}: {@code Invalid: eu-1/tenant_07: ...} per problem, {@code Invalid: TARGET: ...}
     * for a target that cannot be read, then {@code N targets: V valid, I invalid.}; exit 1 when any is invalid.
     */
    private int validateTargets() {
        Project project = root.project();
        Rollout rollout = Rollout.of(targets.specs(), project.migrations()).group(targets.group);
        List<TargetValidations.Result> results;
        try {
            results = rollout.validate(project.settings().migrationsDir().toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (TargetValidations.Result result : results) {
            String key = result.target().key();
            if (result.problem() != null) {
                out.println("Invalid: " + key + ": " + result.problem());
                invalid++;
            } else if (!result.report().valid()) {
                result.report().problems().forEach(p -> out.println("Invalid: " + key + ": " + p.message()));
                invalid++;
            }
        }
        out.println(results.size() + " targets: " + (results.size() - invalid) + " valid, " + invalid + " invalid.");
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.DRIFT;
    }
}
