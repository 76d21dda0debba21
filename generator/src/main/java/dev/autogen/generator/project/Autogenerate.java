package dev.autogen.generator.project;

import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.jpa.CitusLayout;
import dev.autogen.generator.jpa.EntityModel;
import dev.autogen.hazard.Hazard;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.RevisionIdRule;
import dev.autogen.migrate.graph.ContractHold;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code autogen -m MESSAGE}: compares the entities with the database and writes the migration that closes the gap.
 * It refuses to run unless the database is exactly at the head revision, since a plan computed against an older
 * database would repeat what the pending migrations already do.
 */
public final class Autogenerate {
    private static final SecureRandom RANDOM = new SecureRandom();
    // ids go into Java source and are targets on the command line, where head, base, +N and -N mean other things

    private Autogenerate() {
    }

    /**
     * @param revisionId the id to use, or null for a random 12-hex-digit one
     * @param empty      write a revision with no operations (for hand-written changes)
     * @return the written revision, or empty when there is nothing to write
     */
    public static Optional<RevisionWriter.WrittenRevision> run(Project project, String message, boolean empty,
                                                              String revisionId) {
        return generate(project, message, empty, revisionId).written();
    }

    /**
     * What {@link #generate} did: the written revision (empty when there was nothing to write) and the hints about
     * tables autogen left alone (see {@link UnmanagedTables}), which are also comments at the top of the upgrade.
     */
    public record Outcome(Optional<RevisionWriter.WrittenRevision> written, List<String> hints,
                          Map<Integer, List<Hazard>> hazards, Optional<RevisionWriter.WrittenRevision> contract,
                          Map<Integer, List<Hazard>> contractHazards) {
        public Outcome {
            hints = List.copyOf(hints);
            hazards = Map.copyOf(hazards);
            contract = contract == null ? Optional.empty() : contract;
            contractHazards = contractHazards == null ? Map.of() : Map.copyOf(contractHazards);
        }

        /** One revision (no contract half). */
        public Outcome(Optional<RevisionWriter.WrittenRevision> written, List<String> hints,
                       Map<Integer, List<Hazard>> hazards) {
            this(written, hints, hazards, Optional.empty(), Map.of());
        }
    }

    /** As {@link #run}, also returning the hints about unmanaged tables. */
    public static Outcome generate(Project project, String message, boolean empty, String revisionId) {
        return generate(project, message, empty, revisionId, false);
    }

    /**
     * As {@link #generate(Project, String, boolean, String)}; {@code online} marks every operation that has an online
     * form {@code .online()}, not only those on tables that hold rows ({@link OnlineMarks}).
     */
    public static Outcome generate(Project project, String message, boolean empty, String revisionId,
                                   boolean online) {
        return generate(project, message, empty, revisionId, online, false);
    }

    /**
     * As {@link #generate(Project, String, boolean, String, boolean)}; {@code phased} splits a plan that holds a
     * breaking change into an expand revision and a contract revision ({@link PhasedPlan}), written as
     * {@link Outcome#written()} and {@link Outcome#contract()}.
     */
    public static Outcome generate(Project project, String message, boolean empty, String revisionId,
                                   boolean online, boolean phased) {
        if (message == null || message.isBlank()) {
            throw new UsageException("a revision needs a message: pass -m \"what changed\"");
        }
        // an empty revision needs no entities; otherwise Hibernate's boot overlaps with the database work
        String id = revisionIdOrRandom(revisionId);
        return empty ? generateWithId(project, message, true, id, online, false)
                : project.alongsideEntityModel(() -> generateWithId(project, message, false, id, online, phased));
    }

    /**
     * {@code autogen -m MESSAGE --offline}: the same revision with no database at all, planned against the schema the
     * existing migrations build (the replay of {@code check --offline}, see {@link OfflineDriftCheck#replay}), as EF
     * Core plans against its model snapshot. Every table of that schema was created by a migration, so none is
     * unmanaged; a table that raw SQL created is invisible to the replay, and the notes say which revision has some.
     *
     * @param dialect the dialect the entities are read for and the warnings are given for (the migration itself
     *                renders on both databases)
     */
    public static Outcome generateOffline(Project project, String message, boolean empty, String revisionId,
                                          Dialect dialect) {
        if (message == null || message.isBlank()) {
            throw new UsageException("a revision needs a message: pass -m \"what changed\"");
        }
        String id = revisionIdOrRandom(revisionId);
        List<LoadedMigration> existing = project.migrations();
        RevisionGraph graph = new RevisionGraph(existing);
        if (graph.heads().size() > 1) {
            throw new UsageException("the migrations have several heads (" + String.join(", ", graph.heads())
                    + "): merge them first (autogen merge -m \"merge heads\")");
        }
        List<Operation> plan = List.of();
        List<String> notes = List.of();
        Map<Integer, List<Hazard>> hazards = Map.of();
        if (!empty) {
            OfflineDriftCheck.Replay replay = OfflineDriftCheck.replay(graph);
            Schema replayed = OfflineDriftCheck.asOn(replay.schema(), dialect);
            notes = replay.notes();
            EntityModel model = project.entityModel(dialect);
            Schema entities = OfflineDriftCheck.withOfflineDefault(project, model.schema());
            plan = new RenamePlanner(dialect, new SchemaDiffer(dialect, SqlExpressions::canonical,
                    model.derivedKeyOrder()), project.renamePrompt()).plan(replayed, entities,
                    model.renameHints());
            CitusSteps.check(model.citusLayout(), entities);
            plan = CitusSteps.withSteps(plan, model.citusLayout());
            if (plan.isEmpty()) {
                return new Outcome(Optional.empty(), notes, Map.of());
            }
            hazards = PlanHazards.of(plan, dialect, replayed);
        }
        String description = "Generated by autogen from entities in " + String.join(", ", project.entityPackages())
                + " against the schema its migrations build (offline, " + dialect.displayName() + ").";
        return new Outcome(Optional.of(new RevisionWriter().write(project.settings().migrationsDir(),
                project.settings().migrationsPackage(), existing, id, message.strip(), description, plan, hazards,
                List.of(), dialect)), notes, hazards);
    }

    private static Outcome generateWithId(Project project, String message, boolean empty, String id,
                                          boolean alwaysOnline, boolean phased) {
        List<LoadedMigration> existing = project.migrations();
        RevisionGraph graph = new RevisionGraph(existing);
        if (graph.heads().size() > 1) {
            throw new UsageException("the migrations have several heads (" + String.join(", ", graph.heads())
                    + "): merge them first (autogen merge -m \"merge heads\")");
        }
        List<String> current = graph.position(project.migrator().current());
        if (!sameSet(current, graph.heads())) {
            // a new revision follows the contract revision, so the database must have it first
            boolean contractWaits = current.stream().allMatch(graph::contains)
                    && ContractHold.at(graph, current).onlyContractsPending();
            throw new UsageException("the database is not at the head revision (database: " + describe(current)
                    + ", head: " + describe(graph.heads()) + "): run autogen upgrade"
                    + (contractWaits ? " --contract" : "") + " first");
        }
        Schema database = empty ? Schema.EMPTY : project.databaseSchema();
        UnmanagedTables unmanaged = empty ? null : UnmanagedTables.of(project);
        // a table no migration created is never offered to the rename prompt: it is left alone below
        UnmanagedTables.Filtered filtered = empty ? new UnmanagedTables.Filtered(List.of(), List.of())
                : unmanaged.filter(project.plan(database, project.renamePrompt(), unmanaged));
        CitusLayout citus = empty ? CitusLayout.NONE : project.entityModel().citusLayout();
        CitusSteps.check(citus, empty ? Schema.EMPTY : project.entitySchema());
        List<Operation> plan = CitusSteps.withSteps(filtered.plan(), citus);
        // every hint is printed; the migration carries only those about the tables it touches
        List<String> printed = empty ? List.of() : filtered.withHints(TenantColumnHints.of(project)).hints();
        if (plan.isEmpty() && !empty) {
            return new Outcome(Optional.empty(), printed, Map.of());
        }
        List<String> written = filtered.withHints(TenantColumnHints.touchedBy(project, plan)).hints();
        String description = "Generated by autogen from entities in " + String.join(", ", project.entityPackages())
                + " against " + project.dialect().displayName()
                + (project.settings().schema() == null ? "" : " (schema " + project.settings().schema() + ")") + ".";
        PhasedPlan split = phased ? PhasedPlan.of(plan, database, project.dialect()) : null;
        if (split != null && split.phased()) {
            return PhasedRevisions.write(project, existing, id, message.strip(), description, split, database, written,
                    printed, alwaysOnline);
        }
        // with the catalog in hand, so that renames and type changes of columns a policy uses are flagged too
        Set<Integer> online = OnlineMarks.of(project, plan, alwaysOnline);
        Map<Integer, List<Hazard>> hazards = PlanHazards.of(plan, project.dialect(), database, online);
        return new Outcome(Optional.of(new RevisionWriter().write(project.settings().migrationsDir(),
                project.settings().migrationsPackage(), existing, id, message.strip(), description, plan, hazards,
                written, project.dialect(), online)), printed, hazards);
    }

    /** {@code --rev-id} checked (it goes into Java source and is a target on the command line), or a random id. */
    static String revisionIdOrRandom(String revisionId) {
        if (revisionId != null && !RevisionIdRule.valid(revisionId)) {
            throw new UsageException("invalid --rev-id " + RevisionIdRule.shown(revisionId) + ": use 1 to 64 letters,"
                    + " digits or '_' (not head, heads or base), or leave it out for a random id");
        }
        return revisionId != null ? revisionId : newRevisionId();
    }

    static String newRevisionId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    static String describe(List<String> revisions) {
        return revisions.isEmpty() ? "base (nothing applied)" : String.join(", ", revisions);
    }
}
