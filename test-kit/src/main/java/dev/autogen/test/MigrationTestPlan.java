package dev.autogen.test;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicNode;

/**
 * The tests {@link MigrationTestSuite} runs for one test class: "one head" first, then one container per database
 * ({@link DatabaseMigrationTests}). The migrations and entities are loaded once, on first use, and a loading error is
 * reported by the test that needed them (not by JUnit's discovery, whose error names no check).
 */
final class MigrationTestPlan {
    private final MigrationTestSuite suite;
    private final MigrationTestSettings settings;
    private final String hint;
    private final Memo<List<LoadedMigration>> migrations;
    private final Memo<RevisionGraph> graph;
    private final Memo<List<Class<?>>> entities;

    private MigrationTestPlan(MigrationTestSuite suite, MigrationTestSettings settings, String hint) {
        this.suite = suite;
        this.settings = settings;
        this.hint = hint;
        this.migrations = new Memo<>(() -> new ClassPathMigrationSource(settings.classLoader(),
                settings.migrationsPackage()).load());
        this.graph = new Memo<>(() -> new RevisionGraph(migrations.get()));
        this.entities = new Memo<>(() -> EntityScanner.scan(List.of(), settings.entityPackages()));
    }

    static MigrationTestPlan of(MigrationTestSuite suite) {
        Class<?> testClass = suite.getClass();
        return new MigrationTestPlan(suite, MigrationTestSettings.of(testClass), testClass.getSimpleName());
    }

    Stream<DynamicNode> tests() {
        Stream<DynamicNode> head = Stream.of(dynamicTest("one head", this::oneHead));
        Stream<DynamicNode> databases = settings.databases().stream()
                .map(dialect -> dynamicContainer(dialect.displayName(),
                        Stream.of(dialect).flatMap(d -> new DatabaseMigrationTests(this, d).tests())));
        return Stream.concat(head, databases);
    }

    /** The test instance, whose {@link MigrationTestSuite#insertRowsBefore} fills databases before data migrations. */
    MigrationTestSuite suite() {
        return suite;
    }

    MigrationTestSettings settings() {
        return settings;
    }

    /** A name part for the databases this suite creates. */
    String hint() {
        return hint;
    }

    /** The migrations, loaded once; a loading or graph error fails the calling test with its message. */
    List<LoadedMigration> migrations() {
        graph();
        return migrations.get();
    }

    RevisionGraph graph() {
        return graph.get();
    }

    List<Class<?>> entities() {
        return entities.get();
    }

    private void oneHead() {
        RevisionGraph revisions = graph();
        if (revisions.isEmpty()) {
            Assertions.fail("no migration in package " + settings.migrationsPackage()
                    + ": generate one with autogen -m MESSAGE, or fix migrationsPackage in @MigrationTests");
        }
        List<String> heads = revisions.heads();
        if (heads.size() > 1) {
            Assertions.fail("the migrations have " + heads.size() + " heads: "
                    + String.join(", ", heads.stream().map(id -> label(revisions.get(id))).toList())
                    + " — join them with autogen merge -m \"merge heads\"");
        }
    }

    /** How a revision is named in test names and failures: its class and id. */
    static String label(LoadedMigration migration) {
        return migration.simpleName() + " (" + migration.id() + ")";
    }

    /** A value computed once; its failure is remembered and rethrown to every caller. */
    static final class Memo<T> {
        private final Supplier<T> compute;
        private T value;
        private RuntimeException failure;

        Memo(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (failure != null) {
                throw failure;
            }
            if (value == null) {
                try {
                    value = compute.get();
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return value;
        }
    }

    /** Shorthand for the dialect's name in messages. */
    static String on(Dialect dialect) {
        return dialect.displayName() + ": ";
    }
}
