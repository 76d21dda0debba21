package dev.autogen.generator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties over many random pairs of schemas, on each dialect: comparing a schema with itself plans nothing; the
 * plan applies step by step without ever missing a prerequisite ({@link SchemaApplier} is strict) and leaves a schema
 * that re-diffs empty against the target; the reversed plan applies too and gives back the current schema; and the
 * same inputs give the same plan.
 */
class SchemaDifferPropertiesTest {

    private static final int PAIRS = 400;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void plansApplyReverseAndReachAFixpoint(Dialect dialect) {
        SchemaDiffer differ = new SchemaDiffer(dialect);
        RandomSchemas schemas = new RandomSchemas(20261122L + dialect.ordinal());
        for (int i = 0; i < PAIRS; i++) {
            Schema current = schemas.next();
            Schema target = schemas.next();
            String context = "pair " + i + "\ncurrent: " + current + "\ntarget: " + target;

            assertEquals(List.of(), lines(differ.diff(current, current)), "self-diff, " + context);
            List<Operation> plan = differ.diff(current, target);
            assertEquals(plan, differ.diff(current, target), "deterministic, " + context);

            context += "\nplan:\n" + String.join("\n", lines(plan));
            try {
                Schema upgraded = SchemaApplier.apply(current, plan, dialect);
                assertEquals(List.of(), lines(differ.diff(upgraded, target)), "after upgrade");
                Schema downgraded = SchemaApplier.apply(upgraded, SchemaApplier.reverse(plan), dialect);
                assertEquals(List.of(), lines(differ.diff(downgraded, current)), "after downgrade");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + context, e);
            }
        }
    }

    private static List<String> lines(List<Operation> plan) {
        return plan.stream().map(OperationText::line).toList();
    }
}
