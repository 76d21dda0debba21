package dev.autogen.test;

import static dev.autogen.test.MigrationTestPlan.label;
import static dev.autogen.test.MigrationTestPlan.on;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.jpa.HibernateSchemaValidation;
import dev.autogen.migrate.ContractRevisions;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.Operation;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;

/**
 * The tests on one database: base to head on a fresh database, then on that migrated database autogen's check and
 * Hibernate's validation, then the stairway on a second fresh database, then each data migration on a database of its
 * own that holds rows. Tests that need the migrated database are aborted, not failed, when base to head failed, so
 * the report shows one failure where there is one cause.
 */
final class DatabaseMigrationTests {
    private final MigrationTestPlan plan;
    private final Dialect dialect;
    /** The database at head after "base to head", or null until it passed. */
    private String migratedUrl;

    DatabaseMigrationTests(MigrationTestPlan plan, Dialect dialect) {
        this.plan = plan;
        this.dialect = dialect;
    }

    Stream<DynamicNode> tests() {
        return Stream.of(
                dynamicTest("upgrade base to head", this::upgradeBaseToHead),
                dynamicTest("entities match the migrated schema (autogen check)", this::entitiesMatch),
                dynamicTest("Hibernate validates the migrated schema", this::hibernateValidates),
                dynamicContainer("stairway: up, down, up per revision", Stream.of(dialect).flatMap(d -> stairway())),
                dynamicContainer("data migrations and column changes on a database holding rows",
                        Stream.of(dialect).flatMap(d -> dataMigrations())));
    }

    private void upgradeBaseToHead() {
        RevisionGraph graph = plan.graph();
        String url = TestDatabases.fresh(dialect, plan.hint() + "_head");
        Migrator migrator = MigrationRuns.migrator(url, dialect, plan.migrations());
        List<String> applied;
        try {
            // the kit tests every revision, contract revisions included (they would wait for --contract otherwise)
            applied = migrator.upgrade("heads", ContractRevisions.APPLY);
        } catch (MigrationException e) {
            throw new AssertionFailedError(on(dialect) + "upgrade from base to head failed: " + e.getMessage(), e);
        }
        List<String> expected = graph.inOrder().stream().map(LoadedMigration::id).sorted().toList();
        Assertions.assertEquals(expected, applied.stream().sorted().toList(),
                on(dialect) + "upgrade from base to head did not apply every revision once");
        Assertions.assertEquals(graph.heads(), migrator.current().stream().sorted().toList(),
                on(dialect) + "after upgrade from base to head the database is not at the head(s)");
        migratedUrl = url;
    }

    private String migratedUrl() {
        Assumptions.assumeTrue(migratedUrl != null,
                "upgrade base to head did not pass on " + dialect.displayName() + ", so this was not tried");
        return migratedUrl;
    }

    private void entitiesMatch() {
        String url = migratedUrl();
        List<Operation> drift = EntityConformance.drift(url, dialect, plan.settings(), plan.migrations());
        if (!drift.isEmpty()) {
            Assertions.fail(on(dialect) + "at " + heads() + " the entities differ from the migrated schema by "
                    + drift.size() + " operation" + (drift.size() == 1 ? "" : "s")
                    + " (generate a migration with autogen -m MESSAGE):"
                    + drift.stream().map(op -> "\n  " + OperationText.line(op)).collect(Collectors.joining()));
        }
    }

    private void hibernateValidates() {
        String url = migratedUrl();
        Optional<String> problem = HibernateSchemaValidation.problem(plan.entities(), url, dialect);
        problem.ifPresent(message -> Assertions.fail(on(dialect) + "at " + heads()
                + " Hibernate's validation rejects the migrated schema: " + message));
    }

    private String heads() {
        RevisionGraph graph = plan.graph();
        return graph.heads().stream().map(id -> label(graph.get(id))).collect(Collectors.joining(", "));
    }

    private Stream<DynamicNode> stairway() {
        List<LoadedMigration> order = plan.graph().inOrder();
        MigrationStairway stairway = new MigrationStairway(dialect,
                TestDatabases.fresh(dialect, plan.hint() + "_stairs"), plan.migrations());
        return order.stream().map(m -> dynamicTest(label(m), () -> stairway.step(m)));
    }

    private Stream<DynamicNode> dataMigrations() {
        return plan.graph().inOrder().stream().filter(DataOperations::needsRows)
                .map(m -> dynamicTest(label(m), () -> new DataMigrationRun(dialect,
                        TestDatabases.fresh(dialect, plan.hint() + "_data"), plan.migrations()).run(m, plan.suite())));
    }
}
