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

/**
 * The plan autogenerate writes, renames included: first the renames the entities declare ({@code @RenamedFrom},
 * always done), then the undeclared candidates the prompt confirms (tables first, so that the columns of a renamed
 * table are compared too), then whatever else {@link SchemaDiffer} finds between the renamed database and the
 * entities. The renames come first in the plan, so everything after them sees the new names; a candidate that is not
 * confirmed stays a drop plus an add, and {@link PlanWarnings} flags it as a possible rename.
 */
public final class RenamePlanner {
    private final SchemaDiffer differ;
    private final RenameDetector detector;
    private final RenamePrompt prompt;

    public RenamePlanner(Dialect dialect, SchemaDiffer differ, RenamePrompt prompt) {
        this.differ = differ;
        this.detector = new RenameDetector(dialect);
        this.prompt = prompt;
    }

    /** The operations that turn {@code current} into {@code target}, in execution order. */
    public List<Operation> plan(Schema current, Schema target, RenameHints hints) {
        Renamed renamed = detector.applyHints(current, target, hints);
        renamed = renamed.then(confirmed(detector.tableCandidates(renamed.current(), target)));
        renamed = renamed.then(confirmed(detector.columnCandidates(renamed.current(), target)));
        List<Operation> plan = new ArrayList<>(renamed.renames());
        plan.addAll(differ.diff(renamed.current(), target));
        return List.copyOf(plan);
    }

    private List<Rename> confirmed(List<Rename> candidates) {
        return candidates.stream().filter(prompt::confirm).toList();
    }
}
