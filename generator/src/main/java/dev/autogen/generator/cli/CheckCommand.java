package dev.autogen.generator.cli;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.fleet.Rollout;
import picocli.CommandLine.Mixin;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.DriftCheck;
import dev.autogen.generator.project.InSyncShortcut;
import dev.autogen.generator.project.OfflineDriftCheck;
import dev.autogen.generator.config.SettingsResolver;
import dev.autogen.generator.project.Lint;
import dev.autogen.generator.project.PlanHazards;
import dev.autogen.hazard.Hazard;
import dev.autogen.generator.project.Project;
import java.io.PrintWriter;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "For CI: exit 0 when the database is at the single head revision and matches the entities, exit 1"
                + " on entity drift, unapplied migrations, several heads or an unknown applied revision. A contract"
                + " revision that waits for upgrade --contract is said in one line and is no failure.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format;

    @Option(names = "--offline", description = "No database: replay the migrations and compare the result with the entities.")
    boolean offline;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "With --offline: postgresql, mariadb or sqlite (default: the --url's).")
    String dialect;

    @Option(names = "--lint", description = "Also lint the pending revisions (all of them with --offline): exit 1 on an"
            + " unacknowledged hazard, as autogen lint.")
    boolean lint;

    @Option(names = "--lint-accept", paramLabel = "KINDS",
            description = "With --lint: hazard kinds accepted everywhere, on top of lint.accept in autogen.properties.")
    String lintAccept;

    @Mixin
    FleetTargetsOptions targets;

    /** What the check found, and the entity packages its report names. */
    private record Outcome(DriftCheck.Report report, List<String> entityPackages) {
    }

    @Override
    public Integer call() {
        targets.validate(root, null);
        if (targets.active()) {
            if (offline || lint || dialect != null || lintAccept != null) {
                throw new UsageException("--targets checks the targets' version rows: drop --offline, --dialect and"
                        + " --lint (run them once, without --targets)");
            }
            List<LoadedMigration> migrations = root.project().migrations();
            Rollout rollout = Rollout.of(targets.specs(), migrations).group(targets.group);
            return FleetVersionsText.check(CurrentCommand.versions(rollout), migrations, format == Format.json,
                    spec.commandLine().getOut());
        }
        Project project = root.project();
        if (dialect != null && !offline) {
            throw new UsageException("--dialect only applies to --offline: add --offline");
        }
        if (lintAccept != null && !lint) {
            throw new UsageException("--lint-accept only applies to --lint: add --lint");
        }
        // a clean check remembers itself; the next one with the same inputs and database answers from that record
        InSyncShortcut shortcut = offline || lint ? null : InSyncShortcut.of(project);
        Supplier<Outcome> check = () -> {
            InSyncShortcut.Record remembered = shortcut == null ? null : shortcut.lookUp().orElse(null);
            DriftCheck.Report checked = remembered != null
                    ? new DriftCheck.Report(List.of(), List.of(), remembered.heads(), remembered.hints())
                    : offline ? OfflineDriftCheck.run(project, OfflineSqlOptions.dialect(dialect, project))
                    : DriftCheck.run(project);
            List<String> packages = remembered != null ? remembered.entityPackages()
                    : checked.inSync() ? project.entityPackages() : List.of();
            // a waiting contract is said on every run, so such a check is not remembered
            if (shortcut != null && remembered == null && checked.contractsWaiting().isEmpty()) {
                shortcut.remember(checked, packages);
            }
            return new Outcome(checked, packages);
        };
        // no record to answer from (the first check after an entity change, or after a database change): the full
        // check runs anyway, so the entity model (Hibernate's boot, or the model cache) starts now, alongside the
        // look-up's connection and fingerprint query, which it does not touch, and so does the catalog read (in the
        // fingerprint's snapshot, see InSyncShortcut)
        Outcome outcome;
        try {
            outcome = shortcut != null && !shortcut.mayHit()
                    ? project.alongsideEntityModel(() -> shortcut.alongsideCatalogRead(check)) : check.get();
        } finally {
            if (shortcut != null) {
                shortcut.close();
            }
        }
        DriftCheck.Report report = outcome.report();
        List<String> entityPackages = outcome.entityPackages();
        Map<Integer, List<Hazard>> warnings = PlanHazards.of(report.plan(), project.dialect());
        Lint.Report lintReport = !lint ? null : Lint.run(project, offline ? Lint.Scope.ALL : Lint.Scope.PENDING,
                null, offline ? OfflineSqlOptions.dialect(dialect, project) : null,
                SettingsResolver.hazardKinds(lintAccept, "--lint-accept"));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> {
                RevisionCommand.printHints(out, report.hints());
                report.contractsWaiting().forEach(out::println);
                if (report.inSync()) {
                    String heads = report.heads().isEmpty() ? "(no migrations)" : String.join(", ", report.heads());
                    heads = report.contractsWaiting().isEmpty() ? heads : heads + " apart from the waiting contract";
                    out.println(offline
                            ? "In sync (offline): the migrations up to head " + heads + " build what the entities in "
                                    + String.join(", ", entityPackages) + " map."
                            : "In sync: " + project.settings().displayUrl() + " is at head " + heads
                                    + " and matches the entities in " + String.join(", ", entityPackages)
                                    + ".");
                } else {
                    for (String problem : report.problems()) {
                        out.println("Out of sync: " + problem);
                    }
                    RevisionCommand.printPlan(out, report.plan(), warnings);
                }
                if (lintReport != null) {
                    LintReportText.print(out, lintReport);
                }
            }
            case json -> {
                StringBuilder json = new StringBuilder("{\"inSync\":").append(report.inSync()).append(",\"problems\":[");
                for (int i = 0; i < report.problems().size(); i++) {
                    json.append(i > 0 ? "," : "").append(PlanJson.string(report.problems().get(i)));
                }
                String plan = PlanJson.of(report.plan(), warnings, null, report.hints());
                json.append("],");
                // only when one waits, so that the usual answer keeps its shape
                if (!report.contractsWaiting().isEmpty()) {
                    json.append("\"contractsWaiting\":[");
                    for (int i = 0; i < report.contractsWaiting().size(); i++) {
                        json.append(i > 0 ? "," : "").append(PlanJson.string(report.contractsWaiting().get(i)));
                    }
                    json.append("],");
                }
                json.append(plan, 1, plan.length() - 1);
                if (lintReport != null) {
                    json.append(",\"lint\":").append(LintReportText.json(lintReport));
                }
                out.println(json.append('}'));
            }
        }
        out.flush();
        return report.inSync() && (lintReport == null || lintReport.passed()) ? ExitCodes.OK : ExitCodes.DRIFT;
    }
}
