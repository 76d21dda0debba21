package dev.autogen.generator.cli;

import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Lint;
import dev.autogen.generator.project.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
                "Scope: the pending revisions (default; every revision when no database can be read), --all, or REV."})
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

    @Override
    public Integer call() {
        int scopes = (revision != null ? 1 : 0) + (pending ? 1 : 0) + (all ? 1 : 0);
        if (scopes > 1) {
            throw new UsageException("lint takes one scope: REV, --pending or --all");
        }
        Project project = root.project();
        Lint.Scope scope = revision != null ? Lint.Scope.REVISION : all ? Lint.Scope.ALL : Lint.Scope.PENDING;
        Lint.Report report = Lint.run(project, scope, revision, OfflineSqlOptions.dialect(dialect, project),
                SettingsResolver.hazardKinds(accept, "--lint-accept"));
        var out = spec.commandLine().getOut();
        switch (format) {
            case text -> LintReportText.print(out, report);
            case json -> out.println(LintReportText.json(report));
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.DRIFT;
    }
}
