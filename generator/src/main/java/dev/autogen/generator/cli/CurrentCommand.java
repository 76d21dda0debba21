package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.TargetVersion;
import picocli.CommandLine.Mixin;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import dev.autogen.migrate.graph.RevisionGraph;
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

    @Mixin
    FleetTargetsOptions targets;

    @Override
    public Integer call() {
        targets.validate(root, null);
        if (targets.active()) {
            Rollout rollout = Rollout.of(targets.specs(), root.project().migrations()).group(targets.group);
            return FleetVersionsText.current(versions(rollout), rollout.graph(), spec.commandLine().getOut());
        }
        Migrator migrator = root.project().migrator();
        List<String> current = migrator.current();
        List<String> heads = migrator.heads();
        PrintWriter out = spec.commandLine().getOut();
        if (current.isEmpty()) {
            out.println("base (no revision applied)");
        }
        RevisionGraph graph = migrator.graph().readingRows(current);
        for (String row : current) {
            String partWay = graph.partWayProblem(row);
            String id = graph.knows(row) ? graph.canonical(row) : row;
            String message = partWay != null ? "(" + partWay + ")"
                    : graph.contains(id) ? describe(graph.get(id)) : "(unknown to these migrations)";
            out.println(id + " " + message + (heads.contains(id) ? " (head)" : "")
                    + (id.equals(row) ? "" : " (recorded as " + row + ", which it replaces)"));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@link Rollout#versions}, a missing group a usage error. */
    static List<TargetVersion> versions(Rollout rollout) {
        try {
            return rollout.versions();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static String describe(LoadedMigration migration) {
        return migration.simpleName() + " - " + migration.message();
    }
}
