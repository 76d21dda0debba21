package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.hazard.Hazard;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.RevisionIdRule;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the two revisions of {@code autogen -m MESSAGE --phased} ({@link PhasedPlan}): the expand revision after the
 * head ({@code V0007_RenameNameExpand}) and the contract revision after it ({@code V0008_RenameNameContract},
 * {@code contract = true}), which becomes the head. The contract's hazards are those of a database the expand already
 * changed; its operations that have an online form are always marked {@code .online()} on PostgreSQL, since it runs
 * while the new version serves traffic.
 */
final class PhasedRevisions {
    private PhasedRevisions() {
    }

    static Autogenerate.Outcome write(Project project, List<LoadedMigration> existing, String id, String message,
                                      String description, PhasedPlan split, Schema database, List<String> hints,
                                      List<String> printed, boolean alwaysOnline) {
        RevisionGraph graph = new RevisionGraph(existing);
        String contractId = contractId(id);
        for (String taken : List.of(id, contractId)) {
            if (graph.contains(taken)) {
                throw new UsageException("revision id " + taken + " is already used: choose another --rev-id");
            }
        }
        Dialect dialect = project.dialect();
        Set<Integer> expandOnline = OnlineMarks.of(project, split.expandUpgrade(), alwaysOnline);
        Map<Integer, List<Hazard>> expandHazards = PlanHazards.of(split.expandUpgrade(), dialect, database,
                expandOnline);
        Set<Integer> contractOnline = new TreeSet<>(OnlineMarks.candidates(split.contractUpgrade(), dialect).keySet());
        Map<Integer, List<Hazard>> contractHazards = PlanHazards.of(split.contractUpgrade(), dialect,
                expanded(database, split), contractOnline);
        int number = RevisionWriter.nextNumber(existing);
        RevisionWriter writer = new RevisionWriter();
        var expand = writer.writeHalf(project.settings().migrationsDir(), project.settings().migrationsPackage(),
                description, dialect, new RevisionWriter.Half(id, message + " (expand)", split.expandUpgrade(),
                        split.expandDowngrade(), expandHazards, hints, expandOnline, graph.heads(), number, false));
        var contract = writer.writeHalf(project.settings().migrationsDir(), project.settings().migrationsPackage(),
                description, dialect, new RevisionWriter.Half(contractId, message + " (contract)",
                        split.contractUpgrade(), split.contractDowngrade(), contractHazards, List.of(), contractOnline,
                        List.of(id), number + 1, true));
        return new Autogenerate.Outcome(Optional.of(expand), printed, expandHazards, Optional.of(contract),
                contractHazards);
    }

    /** The schema the contract meets; the catalog itself when the replay cannot follow (its hazards then say less). */
    private static Schema expanded(Schema database, PhasedPlan split) {
        try {
            return SchemaInterpreter.applyAll(database, split.expandUpgrade());
        } catch (IllegalStateException e) {
            return database;
        }
    }

    /** The expand's id with {@code _contract}, or a random id when that would be too long for a revision id. */
    private static String contractId(String expandId) {
        String id = expandId + "_contract";
        return RevisionIdRule.valid(id) ? id : Autogenerate.newRevisionId();
    }
}
