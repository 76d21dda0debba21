package dev.autogen.generator.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.generator.testing.CatalogShape;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.generator.testing.HibernateOracle;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole loop of issue #2, through the command line, on real PostgreSQL and SQLite: empty database → generate →
 * upgrade → check clean → Hibernate accepts the schema → entities change (a column with an index, a new entity with
 * a many-to-many) → check fails → generate → upgrade → clean → downgrade -1 restores the previous schema exactly.
 */
class EndToEndLoopTest {
    private static final String BEFORE = "dev.autogen.generator.loop.before";
    private static final String AFTER = "dev.autogen.generator.loop.after";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void entitiesToMigrationsToDatabaseAndBack(Dialect dialect) throws Exception {
        String url = freshDatabase(dialect);
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "loop-migrations");
        List<String> common = List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "loop.migrations");

        // empty database: everything is drift
        CliRun check = cli(common, "--packages", BEFORE, "check");
        assertEquals(1, check.exitCode(), check.toString());
        assertTrue(check.out().contains("CreateTable customer"), check.toString());

        // generate the initial migration, apply it, and it is in sync
        CliRun initial = cli(common, "--packages", BEFORE, "-m", "initial schema", "--rev-id", "aaaaaaaaaaa1");
        assertEquals(0, initial.exitCode(), initial.toString());
        assertTrue(Files.exists(migrations.resolve("loop/migrations/V0001_InitialSchema.java")));
        assertEquals(0, cli(common, "--packages", BEFORE, "upgrade").exitCode());
        CliRun clean = cli(common, "--packages", BEFORE, "check");
        assertEquals(0, clean.exitCode(), clean.toString());
        assertHibernateAccepts(BEFORE, url, dialect);
        Schema afterFirst = catalog(url, dialect);

        // the entities change: a column with an index, a new entity with a many-to-many join table
        CliRun drift = cli(common, "--packages", AFTER, "check");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("AddColumn customer phone varchar(20) null"), drift.toString());
        assertTrue(drift.out().contains("CreateTable tag"), drift.toString());
        assertTrue(drift.out().contains("CreateTable purchase_tag"), drift.toString());
        assertTrue(drift.out().contains("CreateIndex customer ix_customer_phone (phone)"), drift.toString());

        CliRun second = cli(common, "--packages", AFTER, "-m", "add phone and tags", "--rev-id", "aaaaaaaaaaa2");
        assertEquals(0, second.exitCode(), second.toString());
        String source = Files.readString(migrations.resolve("loop/migrations/V0002_AddPhoneAndTags.java"));
        assertTrue(source.contains("@Revision(id = \"aaaaaaaaaaa2\", parent = \"aaaaaaaaaaa1\""), source);
        assertEquals(0, cli(common, "--packages", AFTER, "upgrade").exitCode());
        CliRun cleanAgain = cli(common, "--packages", AFTER, "check");
        assertEquals(0, cleanAgain.exitCode(), cleanAgain.toString());
        assertHibernateAccepts(AFTER, url, dialect);

        // downgrade -1 restores the previous schema exactly (names included)
        CliRun downgrade = cli(common, "--packages", AFTER, "downgrade", "-1");
        assertEquals(0, downgrade.exitCode(), downgrade.toString());
        assertEquals(afterFirst, catalog(url, dialect));
        CliRun behind = cli(common, "--packages", BEFORE, "check");
        assertEquals(1, behind.exitCode(), behind.toString());
        assertTrue(behind.out().contains("behind the migrations (database: aaaaaaaaaaa1, head: aaaaaaaaaaa2)"),
                behind.toString());
        assertTrue(!behind.out().contains("entities differ"), behind.toString());
    }

    /**
     * Hibernate's own validation accepts the migrated schema, and on PostgreSQL the catalog equals the one Hibernate's
     * own schema export creates in a fresh database, names left out (validate alone misses most constraint changes).
     */
    private static void assertHibernateAccepts(String entityPackage, String url, Dialect dialect) throws Exception {
        List<Class<?>> entities = EntityScanner.scan(List.of(), List.of(entityPackage));
        HibernateOracle.validate(entities, url, dialect);
        if (dialect == Dialect.POSTGRESQL) {
            String reference = TestDatabases.freshPostgres("hibernate_export");
            HibernateOracle.export(entities, reference, dialect);
            assertEquals(CatalogShape.of(catalog(reference, dialect), dialect),
                    CatalogShape.of(catalog(url, dialect), dialect));
        }
    }

    private static Schema catalog(String url, Dialect dialect) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(dialect).read(connection, null);
        }
    }

    private static String freshDatabase(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("loop");
            case SQLITE -> TestDatabases.freshSqlite("loop");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("loop");
        };
    }

    private static CliRun cli(List<String> common, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        return CliRun.of(Stream.of(all.toArray(String[]::new)).toArray(String[]::new));
    }
}
