package dev.autogen.migrate.fleet;

import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One {@link Rollout#upgrade} or {@link Rollout#downgrade}: classifies every target from the servers' summary queries
 * (already there, done earlier by the state file, cannot be read, or pending), then dispatches the pending ones in the
 * canary and waves from one thread, starting a target only while fewer than {@code parallel} run overall and fewer
 * than its server's {@code max-connections} run there. Pending targets are taken round-robin over the servers, so that
 * the canary and each wave touch every server and the servers work side by side.
 */
final class RolloutRun {
    private final Rollout rollout;
    private final Rollout.Settings settings;
    private final boolean upgrade;
    private final String target;
    private final RevisionGraph graph;
    private final Map<FleetTarget, TargetOutcome> outcomes = new HashMap<>();
    private final Map<TargetSpec, Migrator> migrators = new HashMap<>();
    private final Map<TargetSpec, ReusedConnections> connections = new HashMap<>();
    private final Map<FleetTarget, List<String>> before = new HashMap<>();
    /**
     * {@link #rowsAfter} by (rows before, revisions moved): the same for most targets of a rollout, and walking the
     * graph for each of thousands of them was measurable.
     */
    private final Map<List<List<String>>, List<String>> rowsAfter = new ConcurrentHashMap<>();
    /** The targets whose schema the summary query saw both version tables in (filled before any target runs). */
    private final Set<FleetTarget> withVersionTables = new HashSet<>();
    private RolloutState state;
    private int failures;
    private boolean stopped;

    RolloutRun(Rollout rollout, boolean upgrade, String target) {
        this.rollout = rollout;
        this.settings = rollout.settings();
        this.upgrade = upgrade;
        this.target = target;
        this.graph = rollout.graph();
    }

    RolloutReport run() {
        List<TargetSpec> specs = rollout.selected();
        String command = upgrade ? "upgrade" : "downgrade";
        state = settings.state() == null ? null : RolloutState.open(settings.state(), command + " " + target
                + "; migrations at " + String.join(",", graph.heads()));
        try {
            List<TargetVersion> versions = TargetVersions.read(specs, rollout.migrations(), settings.parallel());
            Map<TargetSpec, Deque<FleetTarget>> pending = new LinkedHashMap<>();
            for (TargetVersion v : versions) {
                classify(v, pending);
            }
            List<FleetTarget> order = roundRobin(pending);
            List<List<FleetTarget>> waves = waves(order);
            for (int w = 0; w < waves.size(); w++) {
                runWave(waves.get(w), w == 0 && settings.canary() > 0);
            }
            List<TargetOutcome> inOrder = new ArrayList<>();
            for (TargetVersion v : versions) {
                inOrder.add(outcomes.get(v.target()));
            }
            return new RolloutReport(command, target, inOrder);
        } finally {
            connections.values().forEach(ReusedConnections::closeAll);
            if (state != null) {
                state.close();
            }
        }
    }

    private void classify(TargetVersion v, Map<TargetSpec, Deque<FleetTarget>> pending) {
        FleetTarget t = v.target();
        if (state != null && state.done(t)) {
            finish(new TargetOutcome.DoneEarlier(t), false);
            return;
        }
        if (!v.readable()) {
            finish(new TargetOutcome.Failed(t, v.problem(), List.of()), true);
            return;
        }
        try {
            boolean nothing = upgrade ? graph.upgradePath(v.current(), target).isEmpty()
                    : graph.downgradePath(v.current(), target).isEmpty();
            if (nothing) {
                finish(new TargetOutcome.AtTarget(t, v.current()), true);
                return;
            }
        } catch (RuntimeException e) {
            finish(new TargetOutcome.Failed(t, oneLine(e), v.current()), true);
            return;
        }
        before.put(t, v.current());
        if (v.versionTables()) {
            withVersionTables.add(t);
        }
        pending.computeIfAbsent(t.spec(), k -> new ArrayDeque<>()).add(t);
    }

    private static List<FleetTarget> roundRobin(Map<TargetSpec, Deque<FleetTarget>> pending) {
        List<FleetTarget> order = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Deque<FleetTarget> queue : pending.values()) {
                if (!queue.isEmpty()) {
                    order.add(queue.poll());
                    any = true;
                }
            }
        }
        return order;
    }

    /** The canary (when asked for) then waves of {@link WaveSize} over what is left. */
    private List<List<FleetTarget>> waves(List<FleetTarget> order) {
        List<List<FleetTarget>> waves = new ArrayList<>();
        int canary = Math.min(settings.canary(), order.size());
        if (canary > 0) {
            waves.add(order.subList(0, canary));
        }
        List<FleetTarget> rest = order.subList(canary, order.size());
        int size = settings.wave().of(rest.size());
        for (int from = 0; from < rest.size(); from += size) {
            waves.add(rest.subList(from, Math.min(rest.size(), from + size)));
        }
        return waves;
    }

    private void runWave(List<FleetTarget> wave, boolean canary) {
        if (stopped) {
            wave.forEach(t -> finish(new TargetOutcome.NotStarted(t), false));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), wave.size()),
                Thread.ofPlatform().daemon().name("autogen-target-", 1).factory());
        try {
            CompletionService<TargetOutcome> done = new ExecutorCompletionService<>(pool);
            Deque<FleetTarget> queue = new ArrayDeque<>(wave);
            Map<TargetSpec, Integer> busy = new HashMap<>();
            int running = 0;
            while (!queue.isEmpty() || running > 0) {
                Set<TargetSpec> full = new HashSet<>();
                for (Iterator<FleetTarget> it = queue.iterator(); !stopped && running < settings.parallel()
                        && it.hasNext(); ) {
                    FleetTarget t = it.next();
                    int limit = t.spec().maxConnections() == 0 ? Integer.MAX_VALUE : t.spec().maxConnections();
                    if (full.contains(t.spec()) || busy.getOrDefault(t.spec(), 0) >= limit) {
                        full.add(t.spec());
                        continue;
                    }
                    it.remove();
                    busy.merge(t.spec(), 1, Integer::sum);
                    running++;
                    done.submit(() -> migrate(t));
                }
                if (running == 0) {
                    break;
                }
                TargetOutcome outcome = take(done);
                running--;
                busy.merge(outcome.target().spec(), -1, Integer::sum);
                boolean failed = outcome instanceof TargetOutcome.Failed;
                finish(outcome, true);
                if (failed && (canary || failures > settings.maxFailures())) {
                    stopped = true;
                }
            }
            queue.forEach(t -> finish(new TargetOutcome.NotStarted(t), false));
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetOutcome take(CompletionService<TargetOutcome> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rollout was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a target's run failed outside its migration: " + e.getCause(), e);
        }
    }

    /** Records an outcome; {@code record} also writes it to the state file (done or failed). */
    private void finish(TargetOutcome outcome, boolean record) {
        outcomes.put(outcome.target(), outcome);
        boolean failed = outcome instanceof TargetOutcome.Failed;
        if (failed) {
            failures++;
        }
        if (record && state != null) {
            state.record(outcome.target(), !failed);
        }
        settings.finished().accept(outcome);
    }

    /** One target's run, on a pool thread; every exception becomes its {@link TargetOutcome.Failed}. */
    private TargetOutcome migrate(FleetTarget t) {
        Migrator own = migrator(t.spec()).withListener(line -> settings.listener().accept(t.key(), line));
        if (t.schema() != null) {
            own = own.withSchema(t.schema());
        }
        if (withVersionTables.contains(t)) {
            own = own.expectingVersionTables();
        }
        try {
            List<String> moved = upgrade ? own.upgrade(target) : own.downgrade(target);
            return new TargetOutcome.Migrated(t, moved, rowsAfter.computeIfAbsent(List.of(before.get(t), moved),
                    k -> rowsAfter(k.get(0), k.get(1))));
        } catch (RuntimeException e) {
            List<String> current;
            try {
                current = own.current();
            } catch (RuntimeException unreadable) {
                current = List.of();
            }
            return new TargetOutcome.Failed(t, oneLine(e), current);
        }
    }

    /** The version rows after {@code moved} ran from {@code before}. */
    private List<String> rowsAfter(List<String> before, List<String> moved) {
        Set<String> applied = new HashSet<>(graph.ancestorsOf(before));
        if (upgrade) {
            applied.addAll(moved);
        } else {
            moved.forEach(applied::remove);
        }
        return graph.rowsFor(applied);
    }

    private synchronized Migrator migrator(TargetSpec spec) {
        return migrators.computeIfAbsent(spec, s -> {
            ReusedConnections reused = connections.computeIfAbsent(s, k -> new ReusedConnections(k.connections()));
            return settings.configure().apply(new Migrator(reused, Dialect.fromJdbcUrl(s.url()),
                    rollout.migrations()));
        });
    }

    private static String oneLine(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
    }
}
