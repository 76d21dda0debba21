package dev.autogen.generator.project;

import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.op.Backfill;
import dev.autogen.op.ExecuteDialectSql;
import dev.autogen.op.ExecuteSql;
import dev.autogen.op.ForEachTenant;
import dev.autogen.op.Operation;
import dev.autogen.op.RenameColumn;
import dev.autogen.op.RenameTable;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a squash: a range's upgrades (or its downgrades, reversed) replayed into the fewest operations
 * that build the same schema. Between two data migrations (raw SQL, a backfill) the schema changes are replayed onto
 * the schema before them ({@link SchemaInterpreter}) and replaced by what the differ finds between that schema and the
 * one after them, so a column added then dropped disappears and a column added then altered becomes one add. Data
 * migrations stay in their place, each seeing the schema it saw in the originals; renames stay too, since the differ
 * would make them a drop and an add (and lose the rows). A Java callback or a tenant step cannot be written into a new
 * file and is refused.
 *
 * <p>The result is checked before it is used: replayed onto the same schema it must give what the originals give, else
 * (and whenever the replay cannot see into the range, e.g. raw SQL that creates a table) the originals' operations are
 * kept as they are.
 */
final class SquashPlan {
    /** Both sides come from the interpreter, so the comparison is logical; PostgreSQL's differ handles every object. */
    private static final SchemaDiffer DIFFER = new SchemaDiffer(Dialect.POSTGRESQL);

    private SquashPlan() {
    }

    /** The squash's upgrade and downgrade. */
    record Plan(List<Operation> upgrade, List<Operation> downgrade) {
    }

    /**
     * @param before the revisions applied before the range, in order (what its first revision follows)
     * @param range  the revisions squashed, in order
     */
    static Plan of(List<LoadedMigration> before, List<LoadedMigration> range) {
        List<Sourced> upgrade = new ArrayList<>();
        range.forEach(m -> m.upgradeOperations().forEach(op -> upgrade.add(new Sourced(m, op))));
        List<Sourced> downgrade = new ArrayList<>();
        range.reversed().forEach(m -> m.downgradeOperations().forEach(op -> downgrade.add(new Sourced(m, op))));
        upgrade.forEach(SquashPlan::refuseUnwritable);
        downgrade.forEach(SquashPlan::refuseUnwritable);
        List<Operation> up = upgrade.stream().map(Sourced::operation).toList();
        List<Operation> down = downgrade.stream().map(Sourced::operation).toList();
        Schema start;
        Schema end;
        try {
            start = Schema.EMPTY;
            for (LoadedMigration migration : before) {
                start = SchemaInterpreter.applyAll(start, migration.upgradeOperations());
            }
            end = SchemaInterpreter.applyAll(start, up);
        } catch (RuntimeException e) {
            return new Plan(up, down); // the replay cannot follow the revisions: their operations as they are
        }
        return new Plan(minimal(start, up), minimal(end, down));
    }

    /** {@code operations} from {@code start} in the fewest operations, data migrations and renames in place. */
    private static List<Operation> minimal(Schema start, List<Operation> plain) {
        try {
            List<Operation> plan = new ArrayList<>();
            List<Operation> segment = new ArrayList<>();
            Schema segmentStart = start;
            Schema at = start;
            for (Operation operation : plain) {
                at = SchemaInterpreter.apply(at, operation);
                if (keptInPlace(operation)) {
                    plan.addAll(segment(segmentStart, segment));
                    plan.add(operation);
                    segment.clear();
                    segmentStart = at;
                } else {
                    segment.add(operation);
                }
            }
            plan.addAll(segment(segmentStart, segment));
            return List.copyOf(plan);
        } catch (RuntimeException e) {
            return plain; // the replay cannot follow the range: its operations as they are
        }
    }

    /** An operation of the range and the revision it comes from (for a refusal's message). */
    private record Sourced(LoadedMigration revision, Operation operation) {
    }

    private static List<Operation> segment(Schema start, List<Operation> operations) {
        if (operations.isEmpty()) {
            return List.of();
        }
        Schema end = SchemaInterpreter.applyAll(start, operations);
        List<Operation> diff = DIFFER.diff(start, end);
        return SchemaInterpreter.applyAll(start, diff).equals(end) ? diff : List.copyOf(operations);
    }

    /** Data migrations and renames: run where they were, between minimal segments. */
    private static boolean keptInPlace(Operation operation) {
        return operation instanceof ExecuteSql || operation instanceof ExecuteDialectSql
                || operation instanceof Backfill || operation instanceof RenameTable
                || operation instanceof RenameColumn;
    }

    private static void refuseUnwritable(Sourced sourced) {
        Operation operation = sourced.operation();
        String what = operation instanceof RunCallback callback ? "runs Java (" + callback.description() + ")"
                : operation instanceof ForEachTenant ? "runs a tenant step (hand-written only)" : null;
        if (what != null) {
            LoadedMigration m = sourced.revision();
            throw new UsageException("revision " + m.id() + " (" + m.simpleName() + ") " + what + ", which cannot be"
                    + " copied into a new file: squash the revisions before or after it");
        }
    }
}
