package dev.autogen.generator.project;

import dev.autogen.generator.diff.Rename;
import dev.autogen.generator.diff.RenameDetector;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.Hazards;
import dev.autogen.hazard.ColumnTypeChanges;
import dev.autogen.migrate.CheckExpressions;
import dev.autogen.op.AlterColumn;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hazards of a plan as autogenerate sees it: the runtime's {@link Hazards} (one interpreter decides them for
 * generated plans and loaded migrations alike), plus what only the generator knows: a drop plus a compatible add that
 * {@code @RenamedFrom} would turn into a rename (see {@link RenameDetector}), and a rename or type change of a column
 * a row-level security policy of the catalog uses. Printed by {@code autogen -m}, {@code diff} and {@code check}, and
 * written as comments in the generated migration; {@link #lines} is the one text form they share.
 */
public final class PlanHazards {
    private PlanHazards() {
    }

    /** {@link #of(List, Dialect)}, plus the hazards that need {@code database}, the catalog the plan applies to. */
    public static TreeMap<Integer, List<Hazard>> of(List<Operation> plan, Dialect dialect, Schema database) {
        return of(plan, dialect, database, Set.of());
    }

    /**
     * {@link #of(List, Dialect, Schema)} when the operations at {@code online} are marked {@code .online()}
     * ({@link OnlineMarks}): their hazards are those of the online form.
     */
    public static TreeMap<Integer, List<Hazard>> of(List<Operation> plan, Dialect dialect, Schema database,
            Set<Integer> online) {
        TreeMap<Integer, List<Hazard>> hazards = of(plan, dialect, online);
        for (int i = 0; i < plan.size(); i++) {
            List<Hazard> policies = List.of();
            if (plan.get(i) instanceof RenameColumn rename) {
                policies = policyHazards(database, rename.table(), rename.from(), "PostgreSQL rewrites it to use "
                        + rename.to() + "; check that it still says what the entities declare");
            } else if (plan.get(i) instanceof AlterColumn alter
                    && !ColumnTypeChanges.sameSpelling(alter.from().type(), alter.to().type(), dialect)) {
                policies = policyHazards(database, alter.table(), alter.name(),
                        "it is dropped before and re-created after the type change");
            }
            if (!policies.isEmpty()) {
                hazards.computeIfAbsent(i, k -> new ArrayList<>()).addAll(policies);
            }
        }
        return hazards;
    }

    /** The hazards per operation index, for the operations that have any (sorted by index). */
    public static TreeMap<Integer, List<Hazard>> of(List<Operation> plan, Dialect dialect) {
        return of(plan, dialect, Set.of());
    }

    private static TreeMap<Integer, List<Hazard>> of(List<Operation> plan, Dialect dialect, Set<Integer> online) {
        TreeMap<Integer, List<Hazard>> hazards = new TreeMap<>();
        List<List<Hazard>> decided = Hazards.of(plan, dialect, online);
        for (int i = 0; i < plan.size(); i++) {
            if (!decided.get(i).isEmpty()) {
                hazards.put(i, new ArrayList<>(decided.get(i)));
            }
        }
        // a drop plus an add that looks like an undeclared rename: said next to the drop, where the data is lost
        new RenameDetector(dialect).candidatesIn(plan).forEach((index, rename) ->
                hazards.computeIfAbsent(index, i -> new ArrayList<>()).add(new Hazard(HazardKind.DATA_LOSS,
                        renamedTable(rename), rename.warning(), "add @RenamedFrom to the entity and regenerate")));
        return hazards;
    }

    /** The printed form of each hazard ({@link Hazard#line()}), per operation index. */
    public static Map<Integer, List<String>> lines(Map<Integer, List<Hazard>> hazards) {
        Map<Integer, List<String>> lines = new TreeMap<>();
        hazards.forEach((index, list) -> lines.put(index, list.stream().map(Hazard::line).toList()));
        return lines;
    }

    private static String renamedTable(Rename rename) {
        return switch (rename) {
            case Rename.OfTable table -> table.from();
            case Rename.OfColumn column -> column.table();
        };
    }

    private static List<Hazard> policyHazards(Schema database, String table, String column, String consequence) {
        return database.table(table).stream().flatMap(t -> t.policies().stream())
                .filter(p -> p.using() != null && CheckExpressions.mentions(p.using(), column)
                        || p.withCheck() != null && CheckExpressions.mentions(p.withCheck(), column))
                .map(p -> new Hazard(HazardKind.WEAKENS_SECURITY, table, "row-level security: policy " + p.name()
                        + " of " + table + " uses column " + column + "; " + consequence))
                .toList();
    }
}
