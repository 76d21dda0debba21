package dev.autogen.generator.cli;

import dev.autogen.sql.Dialect;
import java.util.List;
import dev.autogen.migrate.fleet.TargetSpec;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Reverts migrations down to TARGET, newest first, one transaction per revision.",
                "With --schemas or --schemas-query: in each of several PostgreSQL schemas, each by its own version "
                        + "tables, --parallel at a time; exit 3 when any failed."})
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "TARGET", description = "-N, base, or a revision id or unique prefix; with --sql also FROM:TARGET.")
    String target;

    @Mixin
    OfflineSqlOptions offline;

    @Mixin
    MigrationTimeoutOptions timeouts;

    @Mixin
    ProfileOptions profile;

    @Mixin
    OnlineOptions online;

    @Mixin
    SchemaFleetOptions fleet;

    @Mixin
    FleetTargetsOptions targets;

    @Mixin
    RolloutOptions rollout;

    @Option(names = "--ignore-edited", description = "Run although applied revisions were edited since (their checksum"
            + " differs; refused by default). autogen repair records such an edit for good.")
    boolean ignoreEdited;

    @Option(names = "--allow-data-loss", description = "Revert even when a downgrade drops data (a column or table"
            + " that holds rows); without it such a downgrade is refused unless a terminal answers yes.")
    boolean allowDataLoss;

    @Override
    public Integer call() {
        offline.requireSqlForOthers(target);
        targets.validate(root, fleet);
        rollout.requireTargets(targets.active());
        if (targets.active()) {
            return rollOut();
        }
        if (fleet.active() || fleet.parallel != null || fleet.createSchemas) {
            if (fleet.createSchemas) {
                throw new UsageException("--create-schemas applies to upgrade: a schema that does not exist has"
                        + " nothing to revert");
            }
            Project project = root.project();
            fleet.validate(project, offline.sql);
            timeouts.refuseLockFor("--schemas");
            profile.refuseFor("--schemas");
            DowngradeHazards.confirmForSchemas(project, target, allowDataLoss, spec.commandLine().getOut());
            return SchemaFleetRun.downgrade(project, fleet, timeouts.timeouts(), target, ignoreEdited,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (offline.sql) {
            offline.print(root.project(), target, RevisionGraph::heads, OfflineScript::downgrade,
                    profile, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        Project project = root.project();
        Migrator migrator = edited(project.migrator());
        migrator.refuseEditedRevisions("downgrade");
        DowngradeHazards.confirm(project, migrator, target, allowDataLoss, spec.commandLine().getOut());
        Migrator run = timeouts.applyTo(profile.applyTo(migrator)).withOnline(online.settings());
        MigrationProgress.run(run, Migrator::downgrade,
                target, "Reverted", "Nothing to revert", spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code --targets FILE}: many databases and tenant schemas, in a canary and waves (docs/fleets.md). */
    private int rollOut() {
        if (offline.sql || fleet.createSchemas) {
            throw new UsageException("--targets migrates the databases it lists: drop --sql and --create-schemas");
        }
        List<TargetSpec> specs = targets.specs();
        List<LoadedMigration> migrations = root.project().migrations();
        DowngradeHazards.confirmForTargets(migrations, Dialect.fromJdbcUrl(specs.get(0).url()), target, allowDataLoss,
                spec.commandLine().getOut());
        return FleetRolloutRun.run(specs, migrations, targets, rollout, fleet.parallel,
                m -> timeouts.applyTo(profile.applyTo(m)),
                ignoreEdited, false, target, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private Migrator edited(Migrator migrator) {
        return ignoreEdited ? migrator.ignoringEditedRevisions() : migrator;
    }
}
