package dev.autogen.generator.scenarios;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.op.Operation;
import java.util.List;

/**
 * A plan as a migration held in memory, the way autogen would have written it: {@code upgrade} records the plan,
 * {@code downgrade} the reverse of each operation, last first. It lets the suite apply plans through the real
 * {@link dev.autogen.migrate.Migrator} without writing files.
 */
public record PlannedMigration(List<Operation> plan) implements Migration {

    /** Revision {@code n} (id {@code 000000000001}, {@code 000000000002}, …), the child of revision n - 1. */
    public static LoadedMigration revision(int n, List<Operation> plan) {
        List<String> parents = n == 1 ? List.of() : List.of(id(n - 1));
        return new LoadedMigration(id(n), parents, "scenario revision " + n, PlannedMigration.class.getName() + n,
                new PlannedMigration(plan), null);
    }

    static String id(int n) {
        return String.format("%012d", n);
    }

    /** The reverse of {@code plan}: each operation reversed, in reverse order. */
    static List<Operation> reverse(List<Operation> plan) {
        return plan.reversed().stream().map(Operation::reverse).toList();
    }

    @Override
    public void upgrade(SchemaChanges schema) {
        plan.forEach(schema::apply);
    }

    @Override
    public void downgrade(SchemaChanges schema) {
        reverse(plan).forEach(schema::apply);
    }
}
