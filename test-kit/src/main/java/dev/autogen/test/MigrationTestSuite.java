package dev.autogen.test;

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
        return MigrationTestPlan.of(getClass()).tests();
    }
}
