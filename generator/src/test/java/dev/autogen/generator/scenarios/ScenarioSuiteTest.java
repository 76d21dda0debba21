package dev.autogen.generator.scenarios;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.project.SchemaNamespaces;
import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.emit.JavaMigrationEmitter;
import dev.autogen.generator.emit.MigrationSpec;
import dev.autogen.generator.testing.CatalogShape;
import dev.autogen.generator.testing.HibernateOracle;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.SchemaInterpreter;
import dev.autogen.migrate.discovery.JavaSourceCompiler;
import dev.autogen.op.Operation;
import dev.autogen.schema.Column;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestMariadb;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario suite of issue #3 (DESIGN.md §6): every {@code scenarios/<name>/} under the test resources (see
 * {@link Scenario} for the format), on every dialect it names, through the real runtime:
 * <ol>
 *   <li>a fresh database gets {@code before} through the migrator (revision 1, planned against the empty catalog),
 *       and re-diffing it against {@code before} is empty;</li>
 *   <li>the plan from that catalog to {@code after} is exactly the expected lines;</li>
 *   <li>the plan, applied offline by {@link SchemaInterpreter} to the catalog, leaves nothing to diff, and applied
 *       by the migrator as revision 2 leaves a catalog that re-diffs empty, that Hibernate's {@code validate}
 *       accepts, and on PostgreSQL that has the shape of the catalog Hibernate's own export creates from
 *       {@code after} (names left out);</li>
 *   <li>{@code downgrade -1} restores the {@code before} catalog exactly, names included (only the order of
 *       columns may differ: a dropped column comes back last);</li>
 *   <li>separately, for all scenarios at once, the plan written as Java by the emitter, compiled and run, records
 *       the same operations.</li>
 * </ol>
 * A scenario with a known gap on a dialect must still fail there, so that the fix removes the marker. MariaDB runs
 * every scenario PostgreSQL and SQLite run, on one throwaway server per test JVM with a database per case
 * ({@link TestMariadb}), except those {@code scenarios/mariadb-excluded.txt} names with a reason.
 *
 * <p>Cases run in parallel (each has its own databases): much of their time is spent waiting on PostgreSQL.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScenarioSuiteTest {
    private static final List<Scenario> SCENARIOS = Scenario.all(root());
    private static final ScenarioEntities ENTITIES = ScenarioEntities.compile(SCENARIOS);

    /** {@code -Dautogen.scenario.dialect=mariadb} runs the cases of one dialect only (while working on it). */
    static Stream<Arguments> scenarios() {
        String only = System.getProperty("autogen.scenario.dialect", "");
        return SCENARIOS.stream().flatMap(s -> s.dialects().stream()
                .filter(d -> only.isBlank() || d.name().equalsIgnoreCase(only)).map(d -> Arguments.of(s, d)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("scenarios")
    void planAppliesReversesAndReachesHibernatesSchema(Scenario scenario, Dialect dialect) throws Exception {
        var gap = scenario.knownGap(dialect);
        if (gap.isEmpty()) {
            run(scenario, dialect);
            return;
        }
        Throwable failure = assertThrows(Throwable.class, () -> run(scenario, dialect),
                "known gap of " + scenario + " on " + dialect + " no longer fails (" + gap.get()
                        + "): remove it from known-gap.txt");
        System.out.println("known gap " + scenario + " on " + dialect + ": " + gap.get() + "\n  fails with: "
                + firstLine(failure));
    }

    private static void run(Scenario scenario, Dialect dialect) throws Exception {
        String where = scenario + " on " + dialect + ": ";
        SchemaDiffer differ = new SchemaDiffer(dialect, SqlExpressions::canonical);
        Schema before = ENTITIES.schema(scenario, Scenario.BEFORE, dialect);
        Schema after = ENTITIES.schema(scenario, Scenario.AFTER, dialect);
        String url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("scenario");
            case SQLITE -> TestDatabases.freshSqlite(scenario.name());
            case MARIADB -> TestMariadb.fresh("scenario");
        };

        LoadedMigration first = PlannedMigration.revision(1, differ.diff(catalog(url, dialect, scenario), before));
        new Migrator(ConnectionFactory.of(url, null, null), dialect, List.of(first)).upgrade("head");
        Schema beforeCatalog = catalog(url, dialect, scenario);
        assertEquals("", text(differ.diff(beforeCatalog, before)), where + "the before state re-diffs");

        List<Operation> plan = differ.diff(beforeCatalog, after);
        assertEquals(String.join("\n", scenario.expected().get(dialect)), text(plan), where + "the plan");
        assertEquals("", text(differ.diff(SchemaInterpreter.applyAll(beforeCatalog, plan), after)),
                where + "the plan applied offline re-diffs");

        Migrator migrator = new Migrator(ConnectionFactory.of(url, null, null), dialect,
                List.of(first, PlannedMigration.revision(2, plan)));
        migrator.upgrade("head");
        assertEquals("", text(differ.diff(catalog(url, dialect, scenario), after)),
                where + "re-diffing after the upgrade");
        List<Class<?>> afterClasses = ENTITIES.classes(scenario, Scenario.AFTER);
        var rejection = scenario.validateRejects(dialect);
        if (rejection.isPresent()) {
            var rejected = assertThrows(SchemaManagementException.class,
                    () -> HibernateOracle.validate(afterClasses, url, dialect), where + "Hibernate's validate");
            assertEquals(rejection.get(), rejected.getMessage(), where + "the reason Hibernate's validate rejects");
            String ownExport = switch (dialect) {
                case SQLITE -> TestDatabases.freshSqlite(scenario.name() + "-export");
                case POSTGRESQL -> TestDatabases.freshPostgres("scenario_export");
                case MARIADB -> TestMariadb.fresh("scenario_export");
            };
            HibernateOracle.export(afterClasses, ownExport, dialect);
            // Hibernate rejects its own export too (with a Short identity id its metadata extraction even fails)
            Throwable own = assertThrows(RuntimeException.class,
                    () -> HibernateOracle.validate(afterClasses, ownExport, dialect), where + "validate its own export");
            if (own instanceof SchemaManagementException) {
                assertEquals(rejection.get(), own.getMessage(), where + "Hibernate's validate of its own export");
            }
        } else {
            HibernateOracle.validate(afterClasses, url, dialect);
        }
        if (dialect == Dialect.POSTGRESQL) {
            String reference = TestDatabases.freshPostgres("scenario_export");
            HibernateOracle.export(afterClasses, reference, dialect);
            assertEquals(String.join("\n", CatalogShape.of(catalog(reference, dialect, scenario), dialect)),
                    String.join("\n", CatalogShape.of(catalog(url, dialect, scenario), dialect)),
                    where + "the migrated catalog against Hibernate's own export");
        }

        migrator.downgrade("-1");
        assertEquals(exactly(beforeCatalog), exactly(catalog(url, dialect, scenario)),
                where + "downgrade -1 restores the before catalog");
    }

    /**
     * Every scenario's plan (planned offline, from the {@code before} entities to the {@code after} ones, on the
     * scenario's first dialect: emitting does not depend on the database), written as Java by the emitter and compiled
     * in one {@code javac} run, records the very same operations both ways.
     */
    @Test
    void emittedJavaRecordsEveryScenarioPlan() {
        Map<String, String> sources = new TreeMap<>();
        Map<Scenario, List<Operation>> plans = new LinkedHashMap<>();
        for (Scenario scenario : SCENARIOS) {
            Dialect dialect = scenario.firstDialect();
            List<Operation> plan = new SchemaDiffer(dialect, SqlExpressions::canonical).diff(
                    ENTITIES.schema(scenario, Scenario.BEFORE, dialect),
                    ENTITIES.schema(scenario, Scenario.AFTER, dialect));
            var spec = new MigrationSpec(migrationPackage(scenario), "V0002_Scenario", PlannedMigration.id(2),
                    List.of(PlannedMigration.id(1)), scenario.name(), null, plan, PlannedMigration.reverse(plan));
            sources.put(migrationPackage(scenario).replace('.', '/') + "/V0002_Scenario.java",
                    new JavaMigrationEmitter().emit(spec));
            plans.put(scenario, plan);
        }
        var compiled = new JavaSourceCompiler().compileSources(sources);
        assertAll(plans.entrySet().stream().map(entry -> () -> {
            Scenario scenario = entry.getKey();
            Migration migration = (Migration) compiled.load(migrationPackage(scenario) + ".V0002_Scenario")
                    .getConstructor().newInstance();
            SchemaChanges up = new SchemaChanges();
            migration.upgrade(up);
            assertEquals(entry.getValue(), up.operations(), scenario + ": the emitted upgrade");
            SchemaChanges down = new SchemaChanges();
            migration.downgrade(down);
            assertEquals(PlannedMigration.reverse(entry.getValue()), down.operations(),
                    scenario + ": the emitted downgrade");
        }));
    }

    private static String migrationPackage(Scenario scenario) {
        return "scenarios.migrations." + scenario.name().replace('-', '_');
    }

    /** The catalog's default schema, and the other schemas the scenario's entities name (before or after). */
    private static Schema catalog(String url, Dialect dialect, Scenario scenario) throws SQLException {
        Set<String> otherSchemas = new TreeSet<>(
                SchemaNamespaces.of(ENTITIES.schema(scenario, Scenario.BEFORE, dialect)));
        otherSchemas.addAll(SchemaNamespaces.of(ENTITIES.schema(scenario, Scenario.AFTER, dialect)));
        try (Connection connection = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(dialect).read(connection, null, otherSchemas);
        }
    }

    /**
     * A catalog as one line per table and sequence, everything included (names too) except the order of columns, which
     * no database lets a re-added column keep.
     */
    private static String exactly(Schema schema) {
        Stream<String> tables = schema.tables().stream().map(t -> t.withColumns(
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList()).toString());
        return Stream.concat(tables, schema.sequences().stream().map(Object::toString))
                .collect(Collectors.joining("\n"));
    }

    private static String text(List<Operation> operations) {
        return String.join("\n", operations.stream().map(OperationText::line).toList());
    }

    private static String firstLine(Throwable failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
        return failure.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }

    private static Path root() {
        try {
            return Path.of(Objects.requireNonNull(ScenarioSuiteTest.class.getResource("/scenarios"),
                    "no scenarios on the test class path").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
