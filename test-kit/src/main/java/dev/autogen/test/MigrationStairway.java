package dev.autogen.test;

import static dev.autogen.test.MigrationTestPlan.label;
import static dev.autogen.test.MigrationTestPlan.on;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.Migrator;
import dev.autogen.op.IrreversibleOperationException;
import dev.autogen.sql.Dialect;
import dev.autogen.migrate.graph.RevisionGraph;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The stairway (as in Alembic's and Flyway's test advice): on one fresh database, each revision in turn is applied,
 * reverted and applied again. After the downgrade the catalog must equal the one read before the upgrade, and after
 * the second upgrade the one read after the first: both compared as {@link CatalogLines}, so a failure prints what the
 * downgrade forgot or left behind. Once a step fails the database is in no known state, so the later steps are
 * aborted, naming the step that stopped the climb.
 */
final class MigrationStairway {
    private final Dialect dialect;
    private final String url;
    private final Migrator migrator;
    private final RevisionGraph graph;
    /** The revision whose step failed, or null. */
    private String stoppedAt;

    MigrationStairway(Dialect dialect, String url, List<LoadedMigration> migrations) {
        this.dialect = dialect;
        this.url = url;
        this.migrator = MigrationRuns.migrator(url, dialect, migrations);
        this.graph = migrator.graph();
    }

    void step(LoadedMigration migration) {
        Assumptions.assumeTrue(stoppedAt == null, () -> "the stairway stopped at " + stoppedAt + ", so "
                + label(migration) + " was not tried");
        try {
            climb(migration);
        } catch (TestAbortedException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            stoppedAt = label(migration);
            throw e;
        }
    }

    private void climb(LoadedMigration migration) {
        String revision = on(dialect) + label(migration) + ": ";
        standOnRequirements(migration, revision);
        List<String> rowsBefore = migrator.current();
        CatalogLines before = MigrationRuns.catalogLines(url, dialect);

        List<String> applied = run(revision + "upgrade failed", () -> migrator.upgrade(migration.id()));
        if (!applied.equals(List.of(migration.id()))) {
            throw new AssertionFailedError(revision + "upgrade to it applied " + applied + ", expected only it");
        }
        CatalogLines upgraded = MigrationRuns.catalogLines(url, dialect);
        List<String> rowsAfter = migrator.current();
        if (!rowsAfter.equals(List.of(migration.id()))) {
            throw new AssertionFailedError(revision + "after its upgrade the database is at " + rowsAfter
                    + ", expected only it");
        }

        run(revision + "downgrade failed", () -> migrator.downgrade("-1"));
        CatalogLines downgraded = MigrationRuns.catalogLines(url, dialect);
        List<String> lost = downgraded.differencesFrom(before);
        if (!lost.isEmpty()) {
            throw new AssertionFailedError(revision + "downgrade did not restore the schema from before its upgrade"
                    + " (- before the upgrade, + after the downgrade):\n  " + String.join("\n  ", lost));
        }
        List<String> rowsDown = migrator.current();
        if (!rowsDown.equals(rowsBefore)) {
            throw new AssertionFailedError(revision + "after its downgrade the database is at " + rowsDown
                    + ", expected " + rowsBefore);
        }

        run(revision + "upgrade after its downgrade failed", () -> migrator.upgrade(migration.id()));
        List<String> drift = MigrationRuns.catalogLines(url, dialect).differencesFrom(upgraded);
        if (!drift.isEmpty()) {
            throw new AssertionFailedError(revision + "upgrade after its downgrade gave another schema than the first"
                    + " upgrade (- after the first, + after the second):\n  " + String.join("\n  ", drift));
        }
    }

    /**
     * Brings the database to exactly the revisions {@code migration} requires, so that it is the only row after its
     * upgrade and {@code downgrade -1} reverts it alone. In a linear history that is where the previous step left the
     * database; at a branch switch (the first revision of a second branch, or a merge) the database goes down to base
     * and up to the requirements: every revision involved has had its own step by then.
     */
    private void standOnRequirements(LoadedMigration migration, String revision) {
        List<String> required = RevisionGraph.requires(migration);
        Set<String> wanted = graph.ancestorsOf(required);
        Set<String> applied = graph.ancestorsOf(migrator.current());
        if (applied.equals(wanted)) {
            return;
        }
        if (!wanted.containsAll(applied)) {
            run(revision + "cannot go down to base to switch branches", () -> migrator.downgrade("base"));
        }
        for (String id : required) {
            run(revision + "cannot reach the revisions it requires (" + id + ")", () -> migrator.upgrade(id));
        }
    }

    private static <T> T run(String failure, Supplier<T> step) {
        try {
            return step.get();
        } catch (MigrationException | IrreversibleOperationException e) {
            throw new AssertionFailedError(failure + ": " + e.getMessage(), e);
        }
    }
}
