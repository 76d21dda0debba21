package dev.autogen.test;

import static dev.autogen.test.MigrationTestPlan.label;
import static dev.autogen.test.MigrationTestPlan.on;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.op.IrreversibleOperationException;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.schema.Table;
import dev.autogen.sql.DdlRenderer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * One revision that needs rows ({@link DataOperations}), on a fresh database: the revisions it requires are applied,
 * the suite fills the database ({@link MigrationTestSuite#insertRowsBefore}: {@link SampleRows} by default), then the
 * revision must apply (and be recorded as the database's revision) and revert (back to the revisions before it) on
 * those rows. A failure names the revision, the step and
 * the rows the database held.
 */
final class DataMigrationRun {
    private final Dialect dialect;
    private final String url;
    private final Migrator migrator;

    DataMigrationRun(Dialect dialect, String url, List<LoadedMigration> migrations) {
        this.dialect = dialect;
        this.url = url;
        this.migrator = MigrationRuns.migrator(url, dialect, migrations);
    }

    void run(LoadedMigration migration, MigrationTestSuite suite) {
        String revision = on(dialect) + label(migration) + ": ";
        for (String required : RevisionGraph.requires(migration)) {
            attempt(revision + "cannot reach the revisions it requires (" + required + ")",
                    () -> migrator.upgrade(required));
        }
        List<String> rowsBefore = migrator.current();
        Schema before = MigrationRuns.catalog(url, dialect);
        Assumptions.assumeFalse(before.tables().isEmpty(),
                () -> revision + "no table exists before it, so there are no rows to run it on");
        try (Connection connection = MigrationRuns.connect(url)) {
            suite.insertRowsBefore(migration.id(), connection, dialect);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException | IllegalStateException e) {
            throw new AssertionFailedError(revision + "cannot put rows in the database before it: " + e.getMessage(),
                    e);
        }
        Map<String, Long> rows = rowCounts(before);
        Assumptions.assumeTrue(rows.values().stream().anyMatch(n -> n > 0),
                () -> revision + "insertRowsBefore put no row in the database, so it was not run on rows");
        String held = rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", "(rows: ", ")"));

        List<String> applied = attempt(revision + "upgrade failed on a database holding rows " + held,
                () -> migrator.upgrade(migration.id()));
        if (!applied.equals(List.of(migration.id())) || !migrator.current().contains(migration.id())) {
            throw new AssertionFailedError(revision + "upgrade on a database holding rows applied " + applied
                    + " and left the database at " + migrator.current());
        }
        if (migrator.current().size() == 1) {
            attempt(revision + "downgrade failed on a database holding rows " + held,
                    () -> migrator.downgrade("-1"));
            List<String> after = migrator.current();
            if (!after.equals(rowsBefore)) {
                throw new AssertionFailedError(revision + "after its downgrade on a database holding rows the"
                        + " database is at " + after + ", expected " + rowsBefore);
            }
        }
    }

    /** How many rows each table of {@code schema} holds, by table name. */
    private Map<String, Long> rowCounts(Schema schema) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = MigrationRuns.connect(url);
             Statement statement = connection.createStatement()) {
            for (Table table : schema.tables()) {
                String count = "select count(*) from " + DdlRenderer.quoteTable(table.name());
                try (ResultSet rs = statement.executeQuery(count)) {
                    rs.next();
                    counts.put(table.name(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(dialect.displayName() + ": cannot count the rows of the test database: "
                    + e.getMessage(), e);
        }
        return counts;
    }

    private static List<String> attempt(String failure, java.util.function.Supplier<List<String>> step) {
        try {
            return step.get();
        } catch (MigrationException | IrreversibleOperationException e) {
            throw new AssertionFailedError(failure + ": " + e.getMessage(), e);
        }
    }
}
