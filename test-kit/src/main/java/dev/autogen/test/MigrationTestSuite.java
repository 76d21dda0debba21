package dev.autogen.test;

import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The standard migration tests, for a test class that says where its entities and migrations are with
 * {@link MigrationTests}: one head; on each database, base to head, autogen's check and Hibernate's validation of
 * the migrated schema, a stairway of up/down/up per revision compared by catalog, and each data migration run on a
 * database holding rows. They are dynamic tests, one per check and revision, so a report names what failed.
 *
 * <p>An interface with a default {@link TestFactory} rather than a bare annotation because JUnit Jupiter discovers
 * tests on classes, and a default method is the one way to give a class tests without a custom test engine.
 */
public interface MigrationTestSuite {

    @TestFactory
    default Stream<DynamicNode> migrations() {
        return MigrationTestPlan.of(this).tests();
    }

    /**
     * Puts rows in the database before {@code revisionId}, a revision that must also run on rows (a data migration,
     * a column change); the database is at the revision's parents. By default every table gets generated rows
     * ({@link SampleRows}); override it to insert rows of your own through {@code connection} (committed afterwards
     * when it is not in autocommit), e.g. when a check the kit does not solve guards a table. Inserting no row at all
     * skips the revision's test on rows.
     */
    default void insertRowsBefore(String revisionId, Connection connection, Dialect dialect) throws SQLException {
        SampleRows.insert(connection, dialect);
    }
}
