package dev.autogen.test;

import dev.autogen.sql.Dialect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says where a project's entities and compiled migrations are, and on which databases to test them, for a test class
 * that implements {@link MigrationTestSuite}:
 *
 * <pre>{@code
 * @MigrationTests(entities = "com.acme.model", migrationsPackage = "db.migration")
 * class MigrationsTest implements MigrationTestSuite {
 * }
 * }</pre>
 *
 * Kept apart from the interface so that the settings read as data at the top of the class, as JPA's own annotations
 * do, and so that a project can share one suite across modules by inheritance ({@link Inherited}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MigrationTests {
    /** The packages of the entities (and their sub-packages), as {@code autogen --packages} takes them. */
    String[] entities();

    /** The package of the compiled migration classes (not its sub-packages), e.g. {@code db.migration}. */
    String migrationsPackage();

    /** The databases to test on: a fresh database of each for every test that needs one. */
    Dialect[] databases() default {Dialect.POSTGRESQL, Dialect.SQLITE};
}
