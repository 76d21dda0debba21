package dev.autogen.generator.cli;

import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.FleetLint;
import dev.autogen.generator.project.Lint;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.TargetVersion;
import dev.autogen.sql.Dialect;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen lint [REV | --pending | --all]}: the review gate. Exit 1 when a revision in scope holds a hazard
 * nobody acknowledged ({@code .acknowledge(KIND, "reason")} in the migration, or {@code lint.accept} in the
 * configuration); the report names the revision, the operation, the hazard and the safe alternative.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Exit 1 when a revision in scope holds a hazard nobody acknowledged (data loss, locks, "
                + "rewrites, ...); names the revision, operation, hazard and the safe alternative.",
                "Scope: the pending revisions (default; every revision when no database can be read), --all, or REV.",
                "With --targets FILE: what is pending on each target, one row per target; exit 1 when any has an"
                        + " unacknowledged hazard pending."})
final class LintCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "REV", description = "Lint this revision only (id, unique prefix, head).")
    String revision;

    @Option(names = "--pending", description = "The revisions not applied to the database (the default).")
    boolean pending;

    @Option(names = "--all", description = "Every revision.")
    boolean all;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "postgresql, mariadb or sqlite: whose hazards count (default: the --url's).")
    String dialect;

    @Option(names = "--lint-accept", paramLabel = "KINDS",
            description = "Hazard kinds accepted everywhere, comma-separated, on top of lint.accept in autogen.properties.")
    String accept;

    @Mixin
    FleetTargetsOptions targets;

    @Override
    public Integer call() {
        targets.validate(root, null);
        if (targets.active()) {
            return lintTargets();
        }
        int scopes = (revision != null ? 1 : 0) + (pending ? 1 : 0) + (all ? 1 : 0);
        if (scopes > 1) {
            throw new UsageException("lint takes one scope: REV, --pending or --all");
        }
        Project project = root.project();
        Lint.Scope scope = revision != null ? Lint.Scope.REVISION : all ? Lint.Scope.ALL : Lint.Scope.PENDING;
        Lint.Report report = Lint.run(project, scope, revision, OfflineSqlOptions.dialect(dialect, project),
                SettingsResolver.hazardKinds(accept, "--lint-accept"));
        return print(report.passed(), out -> LintReportText.print(out, report), () -> LintReportText.json(report));
    }

    /** {@code lint --targets FILE}: each target's pending revisions, from one summary query per server. */
    private int lintTargets() {
        if (revision != null || all) {
            throw new UsageException("lint --targets lints what is pending on each target: drop REV and --all (lint"
                    + " --all needs no database)");
        }
        Project project = root.project();
        List<TargetVersion> versions;
        try {
            versions = Rollout.of(targets.specs(), project.migrations()).group(targets.group).versions();
        } catch (IllegalArgumentException e) { // no target in the group
            throw new UsageException(e.getMessage());
        }
        Dialect forced = dialect == null ? null : OfflineSqlOptions.dialect(dialect, project);
        FleetLint.Report report = FleetLint.run(project, versions, forced,
                SettingsResolver.hazardKinds(accept, "--lint-accept"));
        return print(report.passed(), out -> FleetLintText.print(out, report), () -> FleetLintText.json(report));
    }

    /** Prints a report in {@code --format}; exit 0 when it passed, else 1. */
    private int print(boolean passed, Consumer<PrintWriter> text, Supplier<String> json) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> text.accept(out);
            case json -> out.println(json.get());
        }
        out.flush();
        return passed ? ExitCodes.OK : ExitCodes.DRIFT;
    }
}
