package dev.autogen.migrate.fleet;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Upgrades or downgrades many targets (databases and their tenant schemas, from a {@link TargetsFile}) on many
 * servers: first the targets already there are found from one summary query per server ({@link FleetVersions}) and
 * skipped without a connection each; the rest run in a canary and then waves, {@link #parallel} at a time overall and
 * at most each target's {@code max-connections} on one server; once more than {@link #maxFailures} have failed no new
 * target starts (those running finish). With a {@link #state} file every target's outcome is kept as it finishes, so
 * that a rerun does only what is left.
 *
 * <pre>{@code
 * RolloutReport report = Rollout.of(TargetsFile.read(Path.of("fleet.txt")), migrations)
 *         .canary(1).wave(WaveSize.parse("10%")).parallel(8).state(Path.of("rollout.state"))
 *         .upgrade("head");
 * }</pre>
 *
 * Instances are immutable; each setter returns a new one.
 */
public final class Rollout {
    private final List<TargetSpec> specs;
    private final List<LoadedMigration> migrations;
    private final RevisionGraph graph;
    private final Settings settings;

    /** Everything a run needs besides the targets; one record so the setters stay one line each. */
    record Settings(int canary, WaveSize wave, int parallel, int maxFailures, String group, Path state,
            UnaryOperator<Migrator> configure, BiConsumer<String, String> listener,
            Consumer<TargetOutcome> finished, int tenantsPerTransaction) {
    }

    /** Tenants of a ledger line per transaction unless {@link #tenantsPerTransaction} says otherwise. */
    public static final int DEFAULT_TENANTS_PER_TRANSACTION = 50;

    private Rollout(List<TargetSpec> specs, List<LoadedMigration> migrations, RevisionGraph graph, Settings settings) {
        this.specs = specs;
        this.migrations = migrations;
        this.graph = graph;
        this.settings = settings;
    }

    /**
     * A rollout over {@code specs}: no canary, one wave, 4 at a time, stopping after the first failure, no state file,
     * {@value #DEFAULT_TENANTS_PER_TRANSACTION} tenants per transaction on lines with a tenant ledger.
     *
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the migrations do not form a valid graph
     */
    public static Rollout of(List<TargetSpec> specs, List<LoadedMigration> migrations) {
        return new Rollout(List.copyOf(specs), List.copyOf(migrations), new RevisionGraph(migrations),
                new Settings(0, WaveSize.ALL, 4, 0, null, null, UnaryOperator.identity(), (t, l) -> { }, o -> { },
                        DEFAULT_TENANTS_PER_TRANSACTION));
    }

    private Rollout with(Settings s) {
        return new Rollout(specs, migrations, graph, s);
    }

    /** The first {@code n} targets to migrate run alone first; any failure among them stops the rollout. */
    public Rollout canary(int n) {
        require(n >= 0, "--canary must be 0 or more, not " + n);
        Settings s = settings;
        return with(new Settings(n, s.wave, s.parallel, s.maxFailures, s.group, s.state, s.configure, s.listener,
                s.finished, s.tenantsPerTransaction));
    }

    /** After the canary, waves of this size; each wave finishes before the next starts. */
    public Rollout wave(WaveSize wave) {
        Settings s = settings;
        return with(new Settings(s.canary, Objects.requireNonNull(wave, "wave"), s.parallel, s.maxFailures, s.group,
                s.state, s.configure, s.listener, s.finished, s.tenantsPerTransaction));
    }

    /** How many targets migrate at once over all servers (each holds one connection; default 4). */
    public Rollout parallel(int n) {
        require(n >= 1, "--parallel must be at least 1, not " + n);
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, n, s.maxFailures, s.group, s.state, s.configure, s.listener,
                s.finished, s.tenantsPerTransaction));
    }

    /** How many failures are tolerated before no new target starts (default 0: stop at the first). */
    public Rollout maxFailures(int n) {
        require(n >= 0, "--max-failures must be 0 or more, not " + n);
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, n, s.group, s.state, s.configure, s.listener,
                s.finished, s.tenantsPerTransaction));
    }

    /** Only the targets of this group ({@code group=} in the targets file); null: all. */
    public Rollout group(String group) {
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, group, s.state, s.configure, s.listener,
                s.finished, s.tenantsPerTransaction));
    }

    /** Keeps each target's outcome in {@code file}; a rerun with the same file skips what is done. */
    public Rollout state(Path file) {
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, s.group, file, s.configure, s.listener,
                s.finished, s.tenantsPerTransaction));
    }

    /** Adjusts each target's {@link Migrator} (timeouts, {@code ignoringEditedRevisions}, who applied). */
    public Rollout configure(UnaryOperator<Migrator> configure) {
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, s.group, s.state,
                Objects.requireNonNull(configure, "configure"), s.listener, s.finished, s.tenantsPerTransaction));
    }

    /** Receives each target's progress lines (target key, line), from many threads. */
    public Rollout listener(BiConsumer<String, String> listener) {
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, s.group, s.state, s.configure,
                Objects.requireNonNull(listener, "listener"), s.finished, s.tenantsPerTransaction));
    }

    /** Told of each target's outcome as it is known (from the dispatching thread), e.g. for a progress count. */
    public Rollout onFinished(Consumer<TargetOutcome> finished) {
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, s.group, s.state, s.configure,
                s.listener, Objects.requireNonNull(finished, "finished"),
                s.tenantsPerTransaction));
    }

    /**
     * How many tenant schemas of a line with a tenant ledger ({@code ledger=}) one transaction moves, when the
     * revisions fit ({@link dev.autogen.migrate.TenantBatch}; default {@value #DEFAULT_TENANTS_PER_TRANSACTION}): a
     * batch is all-or-nothing, and a batch that fails is run again tenant by tenant, each in its own transaction, so
     * the outcome is the same as with 1; what grows is how long each tenant's tables stay locked (until the batch
     * commits). 1 runs every tenant alone. Lines without a ledger always run tenant by tenant.
     */
    public Rollout tenantsPerTransaction(int n) {
        require(n >= 1, "--tenants-per-transaction must be at least 1, not " + n);
        Settings s = settings;
        return with(new Settings(s.canary, s.wave, s.parallel, s.maxFailures, s.group, s.state, s.configure,
                s.listener, s.finished, n));
    }

    public RevisionGraph graph() {
        return graph;
    }

    /**
     * Where every selected target is: one summary query per server (and one more per server that lists its schemas
     * by query), the servers read in parallel.
     */
    public List<TargetVersion> versions() {
        return TargetVersions.read(selected(), migrations, settings.parallel);
    }

    /**
     * Compares every selected target's recorded revisions and checksums with the migrations ({@link Migrator#validate};
     * {@code source} names the migrations in messages): one connection per target (its history is needed), after the
     * one summary query per server that finds the targets.
     */
    public List<TargetValidations.Result> validate(String source) {
        return TargetValidations.run(versions(), migrations, settings.parallel, source);
    }

    /**
     * Upgrades every selected target to {@code target} ({@code head}, {@code heads}, an id or prefix).
     *
     * @throws dev.autogen.migrate.graph.RevisionGraphException when the target names no revision
     */
    public RolloutReport upgrade(String target) {
        graph.upgradePath(List.of(), target); // a target that names nothing fails here, before any server
        return new RolloutRun(this, true, target).run();
    }

    /** Reverts every selected target to {@code target} ({@code -N}, {@code base}, an id or prefix). */
    public RolloutReport downgrade(String target) {
        return new RolloutRun(this, false, target).run();
    }

    List<TargetSpec> selected() {
        if (settings.group == null) {
            return specs;
        }
        List<TargetSpec> in = specs.stream().filter(s -> settings.group.equals(s.group())).toList();
        if (in.isEmpty()) {
            Set<String> groups = new TreeSet<>();
            specs.forEach(s -> {
                if (s.group() != null) {
                    groups.add(s.group());
                }
            });
            throw new IllegalArgumentException("no target is in group " + settings.group + ": the groups are "
                    + (groups.isEmpty() ? "none (add group=G to the targets file)" : String.join(", ", groups)));
        }
        return in;
    }

    Settings settings() {
        return settings;
    }

    List<LoadedMigration> migrations() {
        return migrations;
    }

    /** {@link TargetSpec}s in file order, each with its targets in order: the order reports are printed in. */
    static Map<TargetSpec, List<FleetTarget>> bySpec(List<TargetVersion> versions) {
        Map<TargetSpec, List<FleetTarget>> by = new LinkedHashMap<>();
        for (TargetVersion v : versions) {
            by.computeIfAbsent(v.target().spec(), k -> new ArrayList<>()).add(v.target());
        }
        return by;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
