package dev.autogen.migrate.fleet;

import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.TenantBatch;
import dev.autogen.migrate.TenantLedgerMove;
import dev.autogen.migrate.VersionTables;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link Rollout#upgrade} or {@link Rollout#downgrade}: classifies every target from the servers' summary queries
 * (already there, done earlier by the state file, cannot be read, or pending), then dispatches the pending ones in the
 * canary and waves from one thread, starting a target only while fewer than {@code parallel} run overall and fewer
 * than its server's {@code max-connections} run there. Pending targets are taken round-robin over the servers, so that
 * the canary and each wave touch every server and the servers work side by side. On a line with a tenant ledger
 * ({@code ledger=}) the tenants of a wave that start from the same version rows are dispatched in batches of
 * {@link Rollout#tenantsPerTransaction}, each one transaction ({@link TenantBatch}), after the tenants' own version
 * tables were moved into the ledger ({@link TenantLedgerMove}).
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
    /** Failures so far: counted by the dispatching thread, read by a batch's tenant-by-tenant runs. */
    private final AtomicInteger failures = new AtomicInteger();
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
            if (moveIntoLedgers(versions)) { // once in a fleet's life: read again what the move changed
                versions = TargetVersions.read(specs, rollout.migrations(), settings.parallel());
            }
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

    /**
     * Moves into its line's ledger every tenant the summary found outside it (its versions still in its own tables, or
     * the ledger not there yet), a line at a time ({@link TenantLedgerMove}); a rollout whose ledger tenants are all in
     * place costs nothing here. A line that cannot be moved says why in a progress line, and its tenants then fail in
     * {@link #classify}.
     *
     * @return whether anything was attempted (the summary is then read again)
     */
    private boolean moveIntoLedgers(List<TargetVersion> versions) {
        Map<TargetSpec, List<String>> outside = new LinkedHashMap<>();
        for (TargetVersion v : versions) {
            if (v.target().spec().ledger() != null && v.target().schema() != null && v.readable()
                    && !v.versionTables()) {
                outside.computeIfAbsent(v.target().spec(), k -> new ArrayList<>()).add(v.target().schema());
            }
        }
        outside.forEach((spec, tenants) -> {
            try (Connection c = spec.connections().open()) {
                List<String> moved = TenantLedgerMove.moveIn(c, spec.tenantLedger(), tenants);
                if (!moved.isEmpty()) {
                    settings.listener().accept(spec.name(), "moved the version rows and history of " + moved.size()
                            + " tenant schema" + (moved.size() == 1 ? "" : "s") + " into the ledger in schema "
                            + spec.ledger());
                }
            } catch (SQLException | RuntimeException e) {
                settings.listener().accept(spec.name(), "cannot move tenants' versions into the ledger: "
                        + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " "));
            }
        });
        return !outside.isEmpty();
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
        if (t.spec().ledger() != null && t.schema() != null && !v.versionTables()) {
            finish(new TargetOutcome.Failed(t, "its versions are still in its own " + VersionTables.VERSION
                    + ", not in the ledger in schema " + t.spec().ledger() + ": run the same command again, or see"
                    + " the line above about moving them", v.current()), true);
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
        List<List<FleetTarget>> units = units(wave);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), units.size()),
                Thread.ofPlatform().daemon().name("autogen-target-", 1).factory());
        try {
            CompletionService<List<TargetOutcome>> done = new ExecutorCompletionService<>(pool);
            Deque<List<FleetTarget>> queue = new ArrayDeque<>(units);
            Map<TargetSpec, Integer> busy = new HashMap<>();
            int running = 0;
            while (!queue.isEmpty() || running > 0) {
                Set<TargetSpec> full = new HashSet<>();
                for (Iterator<List<FleetTarget>> it = queue.iterator(); !stopped && running < settings.parallel()
                        && it.hasNext(); ) {
                    List<FleetTarget> unit = it.next();
                    TargetSpec spec = unit.getFirst().spec();
                    int limit = spec.maxConnections() == 0 ? Integer.MAX_VALUE : spec.maxConnections();
                    if (full.contains(spec) || busy.getOrDefault(spec, 0) >= limit) {
                        full.add(spec);
                        continue;
                    }
                    it.remove();
                    busy.merge(spec, 1, Integer::sum);
                    running++;
                    done.submit(() -> unit.size() == 1 ? List.of(migrate(unit.getFirst()))
                            : migrateBatch(unit, canary));
                }
                if (running == 0) {
                    break;
                }
                List<TargetOutcome> outcomes = take(done);
                running--;
                busy.merge(outcomes.getFirst().target().spec(), -1, Integer::sum);
                for (TargetOutcome outcome : outcomes) {
                    boolean failed = outcome instanceof TargetOutcome.Failed;
                    finish(outcome, !(outcome instanceof TargetOutcome.NotStarted));
                    if (failed && (canary || failures.get() > settings.maxFailures())) {
                        stopped = true;
                    }
                }
            }
            queue.forEach(unit -> unit.forEach(t -> finish(new TargetOutcome.NotStarted(t), false)));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The wave cut into what one connection runs at a time: a target alone, or up to
     * {@link Rollout#tenantsPerTransaction} tenants of one ledger line that start from the same version rows (in wave
     * order, so the canary and each wave still touch every server).
     */
    private List<List<FleetTarget>> units(List<FleetTarget> wave) {
        List<List<FleetTarget>> units = new ArrayList<>();
        Map<List<Object>, List<FleetTarget>> open = new HashMap<>();
        for (FleetTarget t : wave) {
            if (t.spec().ledger() == null || t.schema() == null || settings.tenantsPerTransaction() == 1) {
                units.add(List.of(t));
                continue;
            }
            List<Object> key = List.of(t.spec(), before.get(t));
            List<FleetTarget> unit = open.get(key);
            if (unit == null || unit.size() == settings.tenantsPerTransaction()) {
                unit = new ArrayList<>();
                open.put(key, unit);
                units.add(unit);
            }
            unit.add(t);
        }
        return units;
    }

    /**
     * Tenants of one ledger line in one transaction ({@link TenantBatch}; several, one after another, when the path's
     * DDL is long: {@link TenantBatch#tenantsPerTransaction}); when the path does not fit in one, or a batch cannot run
     * or fails, each of its tenants runs on its own as any target does, so every tenant's outcome is its own.
     */
    private List<TargetOutcome> migrateBatch(List<FleetTarget> unit, boolean canary) {
        FleetTarget first = unit.getFirst();
        List<String> from = before.get(first);
        Migrator own = migrator(first.spec()).withSchema(first.schema()).withLedger(first.spec().tenantLedger());
        Optional<TenantBatch> batch;
        try {
            batch = own.tenantBatch(from, target, upgrade);
        } catch (RuntimeException e) {
            batch = Optional.empty(); // the tenant-by-tenant runs report it
        }
        if (batch.isEmpty()) {
            return oneByOne(unit, canary);
        }
        List<TargetOutcome> outcomes = new ArrayList<>();
        int size = batch.get().tenantsPerTransaction(unit.size());
        for (int start = 0; start < unit.size(); start += size) {
            outcomes.addAll(migrateBatch(unit.subList(start, Math.min(unit.size(), start + size)), batch.get(),
                    canary));
        }
        return outcomes;
    }

    /** One transaction of {@code batch} over {@code tenants}, or each of them alone when it could not be had. */
    private List<TargetOutcome> migrateBatch(List<FleetTarget> tenants, TenantBatch batch, boolean canary) {
        FleetTarget first = tenants.getFirst();
        long started = System.nanoTime();
        boolean ran;
        try (Connection c = connectionsOf(first.spec()).open()) {
            ran = batch.run(c, tenants.stream().map(FleetTarget::schema).toList(), line -> settings.listener()
                    .accept(first.key(), "batch of " + tenants.size() + " run one by one: " + line));
        } catch (SQLException e) {
            ran = false;
        }
        if (!ran) {
            return oneByOne(tenants, canary);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (FleetTarget t : tenants) {
            batch.lines(ms).forEach(line -> settings.listener().accept(t.key(), line));
            outcomes.add(new TargetOutcome.Migrated(t, batch.revisions(), batch.rowsAfter()));
        }
        return outcomes;
    }

    /**
     * A batch's tenants run one by one; once one fails, the rest are not started when the rollout would stop there
     * (the canary, or more failures than {@code --max-failures}), as if they had been dispatched alone.
     */
    private List<TargetOutcome> oneByOne(List<FleetTarget> tenants, boolean canary) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        int failedHere = 0;
        for (FleetTarget t : tenants) {
            if (failedHere > 0 && (canary || failures.get() + failedHere > settings.maxFailures())) {
                outcomes.add(new TargetOutcome.NotStarted(t));
                continue;
            }
            TargetOutcome outcome = migrate(t);
            if (outcome instanceof TargetOutcome.Failed) {
                failedHere++;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static <T> T take(CompletionService<T> done) {
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
            failures.incrementAndGet();
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
            own = own.withSchema(t.schema()).withLedger(t.spec().tenantLedger());
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
        return migrators.computeIfAbsent(spec, s -> settings.configure().apply(new Migrator(connectionsOf(s),
                Dialect.fromJdbcUrl(s.url()), rollout.migrations())));
    }

    /** The connections kept open for {@code spec}'s targets (pool threads ask: hence synchronized). */
    private synchronized ReusedConnections connectionsOf(TargetSpec spec) {
        return connections.computeIfAbsent(spec, k -> new ReusedConnections(k.connections()));
    }

    private static String oneLine(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s+", " ");
    }
}
