package dev.autogen.generator.project;

import dev.autogen.generator.diff.Rename;
import dev.autogen.generator.diff.RenameDetector;
import dev.autogen.generator.diff.RenameDetector.Renamed;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The plan autogenerate writes, renames included: first the renames the entities declare ({@code @RenamedFrom},
 * always done), then the undeclared candidates the prompt confirms (tables first, so that the columns of a renamed
 * table are compared too), then whatever else {@link SchemaDiffer} finds between the renamed database and the
 * entities. The renames come first in the plan, so everything after them sees the new names; a candidate that is not
 * confirmed stays a drop plus an add, and {@link PlanHazards} flags it as a possible rename.
 *
 * <p>A table that no entity maps and that no migration created (an unmanaged table, see {@link UnmanagedTables}) is
 * never offered as the old name of an undeclared table rename: it belongs to another tool, its drop is taken out of
 * the plan anyway, and renaming it to a new entity's table would take it over. A declared {@code @RenamedFrom} still
 * applies to it: the developer said so.
 */
public final class RenamePlanner {
    private final SchemaDiffer differ;
    private final RenameDetector detector;
    private final RenamePrompt prompt;
    private final Predicate<String> createdByMigration;

    /** A planner that offers every unmapped table as a rename candidate (no migrations to tell managed ones apart). */
    public RenamePlanner(Dialect dialect, SchemaDiffer differ, RenamePrompt prompt) {
        this(dialect, differ, prompt, table -> true);
    }

    /**
     * @param createdByMigration whether a migration created a table ({@link UnmanagedTables#createdByMigration}); an
     *                           unmapped table for which it is false is not offered as an undeclared rename
     */
    public RenamePlanner(Dialect dialect, SchemaDiffer differ, RenamePrompt prompt,
                         Predicate<String> createdByMigration) {
        this.differ = differ;
        this.detector = new RenameDetector(dialect);
        this.prompt = prompt;
        this.createdByMigration = createdByMigration;
    }

    /** The operations that turn {@code current} into {@code target}, in execution order. */
    public List<Operation> plan(Schema current, Schema target, RenameHints hints) {
        Renamed renamed = detector.applyHints(current, target, hints);
        renamed = renamed.then(confirmed(detector.tableCandidates(withoutUnmanaged(renamed.current(), target),
                target)));
        renamed = renamed.then(confirmed(detector.columnCandidates(renamed.current(), target)));
        List<Operation> plan = new ArrayList<>(renamed.renames());
        plan.addAll(differ.diff(renamed.current(), target));
        return List.copyOf(plan);
    }

    /** {@code current} without the tables that no entity of {@code target} maps and no migration created. */
    private Schema withoutUnmanaged(Schema current, Schema target) {
        Schema managed = current;
        for (var table : current.tables()) {
            if (target.table(table.name()).isEmpty() && !createdByMigration.test(table.name())) {
                managed = managed.withoutTable(table.name());
            }
        }
        return managed;
    }

    private List<Rename> confirmed(List<Rename> candidates) {
        return candidates.stream().filter(prompt::confirm).toList();
    }
}
