package dev.autogen.generator.cli;

import dev.autogen.migrate.fleet.TargetSpec;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.Project;
import dev.autogen.migrate.ContractRevisions;
import dev.autogen.migrate.Migrator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Applies migrations up to TARGET, one transaction per revision.",
                "With --schemas or --schemas-query: to each of several PostgreSQL schemas, each with its own version "
                        + "tables, --parallel at a time; exit 3 when any failed (a rerun finishes what is left)."})
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    AutogenCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
            description = "head (default), heads, +N, or a revision id or unique prefix; with --sql also FROM:TARGET.")
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

    @Option(names = "--contract", description = "Also apply contract revisions (the second half of a phased change:"
            + " dropping what the previous application version used). Without it, upgrade to head stops before them"
            + " and says which waits; run it once every running instance is on the new version.")
    boolean contract;

    @Override
    public Integer call() {
        offline.requireSqlForOthers(target);
        targets.validate(root, fleet);
        rollout.requireTargets(targets.active());
        if (contract && (targets.active() || fleet.active())) {
            throw new UsageException("--contract applies to one database: run it without --targets and --schemas, or"
                    + " give the contract revision's id as TARGET");
        }
        ContractRevisions contracts = contract ? ContractRevisions.APPLY : ContractRevisions.WAIT;
        if (targets.active()) {
            return rollOut();
        }
        if (fleet.active() || fleet.parallel != null || fleet.createSchemas) {
            Project project = root.project();
            fleet.validate(project, offline.sql);
            timeouts.refuseLockFor("--schemas");
            profile.refuseFor("--schemas");
            return SchemaFleetRun.upgrade(project, fleet, timeouts.timeouts(), target, ignoreEdited,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (offline.sql) {
            offline.print(root.project(), target, graph -> List.of(),
                    (script, from, to) -> script.upgrade(from, to, contracts), profile, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        Migrator migrator = timeouts.applyTo(profile.applyTo(edited(root.project().migrator())));
        MigrationProgress.run(migrator.withOnline(online.settings()),
                (m, to) -> m.upgrade(to, contracts), target, "Applied", "Nothing to apply",
                spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code --targets FILE}: many databases and tenant schemas, in a canary and waves (docs/fleets.md). */
    private int rollOut() {
        if (offline.sql || fleet.createSchemas) {
            throw new UsageException("--targets migrates the databases it lists: drop --sql and --create-schemas");
        }
        List<TargetSpec> specs = targets.specs();
        List<LoadedMigration> migrations = root.project().migrations();
        return FleetRolloutRun.run(specs, migrations, targets, rollout, fleet.parallel,
                m -> timeouts.applyTo(profile.applyTo(m)),
                ignoreEdited, true, target, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private Migrator edited(Migrator migrator) {
        return ignoreEdited ? migrator.ignoringEditedRevisions() : migrator;
    }
}
