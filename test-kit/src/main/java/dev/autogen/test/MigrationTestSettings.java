package dev.autogen.test;

import dev.autogen.sql.Dialect;
import java.util.List;

/**
 * What {@link MigrationTests} says, read once from the test class.
 *
 * @param entityPackages    where the entities are
 * @param migrationsPackage where the compiled migrations are
 * @param databases         the databases to test on, in the order given
 * @param classLoader       the test class's loader, through which the migrations are found
 */
public record MigrationTestSettings(List<String> entityPackages, String migrationsPackage, List<Dialect> databases,
                                    ClassLoader classLoader) {

    public MigrationTestSettings {
        entityPackages = List.copyOf(entityPackages);
        databases = List.copyOf(databases);
    }

    /**
     * The settings {@code testClass} declares.
     *
     * @throws IllegalStateException saying what to add when the annotation is missing or empty
     */
    public static MigrationTestSettings of(Class<?> testClass) {
        MigrationTests declared = testClass.getAnnotation(MigrationTests.class);
        if (declared == null) {
            throw new IllegalStateException(testClass.getName() + " implements MigrationTestSuite without"
                    + " @MigrationTests: annotate it, e.g. @MigrationTests(entities = \"com.acme.model\","
                    + " migrationsPackage = \"db.migration\")");
        }
        if (declared.entities().length == 0 || declared.migrationsPackage().isBlank()
                || declared.databases().length == 0) {
            throw new IllegalStateException("@MigrationTests on " + testClass.getName() + " needs at least one"
                    + " entity package, a migrations package and a database");
        }
        return new MigrationTestSettings(List.of(declared.entities()), declared.migrationsPackage(),
                List.of(declared.databases()), testClass.getClassLoader());
    }
}
