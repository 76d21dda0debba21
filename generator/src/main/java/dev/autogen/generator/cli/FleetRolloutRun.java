package dev.autogen.generator.cli;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.project.ProgressLine;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.RolloutReport;
import dev.autogen.migrate.fleet.TargetOutcome;
import dev.autogen.migrate.fleet.TargetSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * {@code autogen upgrade --targets FILE} / {@code downgrade --targets FILE}: runs a {@link Rollout}, printing each
 * target's progress lines as they come (text format only: {@code eu-1/tenant_07: applying …}), a progress line on a
 * terminal counting the targets finished, then {@link RolloutSummary}'s table or JSON. Exit 3 when any target failed
 * or was not started; a rerun (with the same {@code --state}) finishes what is left.
 */
final class FleetRolloutRun {
    private FleetRolloutRun() {
    }

    /** @param runner adjusts each target's migrator: timeouts, {@code --profile}, {@code --lock} */
    static int run(List<TargetSpec> specs, List<LoadedMigration> migrations, FleetTargetsOptions targets,
            RolloutOptions options, Integer parallel, UnaryOperator<Migrator> runner, boolean ignoreEdited, boolean upgrade,
            String target, PrintWriter out, PrintWriter err) {
        ProgressLine progress = ProgressLine.terminal();
        String verb = upgrade ? "upgrading" : "downgrading";
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Rollout rollout = options.apply(Rollout.of(specs, migrations), parallel)
                .configure(m -> {
                    Migrator configured = runner.apply(m);
                    return ignoreEdited ? configured.ignoringEditedRevisions() : configured;
                })
                .onFinished(o -> {
                    finished.incrementAndGet();
                    if (o instanceof TargetOutcome.Failed) {
                        failed.incrementAndGet();
                    }
                    progress.start(verb + ": " + finished + " targets done, " + failed + " failed");
                });
        if (!options.json()) {
            rollout = rollout.listener((key, line) -> {
                synchronized (out) {
                    progress.println(out, key + ": " + line);
                }
            });
        }
        Rollout configured = rollout.group(targets.group);
        RolloutReport report;
        try {
            report = progress.during(verb + " targets", () -> upgrade ? configured.upgrade(target)
                    : configured.downgrade(target));
        } catch (IllegalArgumentException e) { // no target in the group, a state file of another rollout
            throw new UsageException(e.getMessage());
        }
        synchronized (out) {
            if (options.json()) {
                out.println(RolloutSummary.json(report));
            } else {
                RolloutSummary.text(report).forEach(out::println);
            }
            out.flush();
        }
        if (report.complete()) {
            return ExitCodes.OK;
        }
        List<String> failedKeys = report.failed().stream().map(f -> f.target().key()).toList();
        int notStarted = report.of(TargetOutcome.NotStarted.class).size();
        err.println("autogen: " + failedKeys.size() + " of " + report.outcomes().size() + " targets failed"
                + (failedKeys.isEmpty() ? "" : " (" + String.join(", ", failedKeys.subList(0,
                        Math.min(10, failedKeys.size()))) + (failedKeys.size() > 10 ? ", …" : "") + ")")
                + (notStarted == 0 ? "" : " and " + notStarted + " were not started") + ": fix the cause and run the"
                + " same command again" + (options.state == null ? "" : " with the same --state") + ": it does only"
                + " what is left");
        err.flush();
        return ExitCodes.DATABASE;
    }
}
