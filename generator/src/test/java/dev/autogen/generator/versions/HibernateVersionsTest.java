package dev.autogen.generator.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.jpa.EntityScanner;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schema another Hibernate 7.x patch version created itself, checked by autogen with its own bundled Hibernate
 * (issue #16): an application runs its own Hibernate, rarely exactly autogen's. Hibernate 7.4.6's export runs from
 * {@code target/other-hibernate/} in a JVM of its own ({@link OtherHibernate}); then {@code check} must be clean.
 * Versions disagree on the column order of a collection table's derived key (issue #16 met a 7.4.6 {@code Set} join
 * table keyed {@code (owner_id, e00004_id)} where 7.4.5 says {@code (e00004_id, owner_id)}); the shapes below happen
 * to be ordered alike by both, so the other order is then made by hand, as the other version would have: still clean
 * for a collection table, whose order is Hibernate's choice, and drift for an entity's own key.
 */
class HibernateVersionsTest {
    private static final String PACKAGE = "dev.autogen.generator.versions.zoo";

    @Test
    void aSchemaAnotherHibernateExportedChecksCleanWhateverTheOrderOfDerivedKeys() throws Exception {
        List<Class<?>> entities = EntityScanner.scan(List.of(), List.of(PACKAGE));
        String url = TestDatabases.freshPostgres("versions");
        assertEquals("7.4.6.Final", OtherHibernate.exportPostgres(entities, url));
        assertEquals(List.of("animals_id", "zoo_id"), primaryKey(url, "zoo_animal"), "7.4.6's own export");

        Path migrations = Files.createTempDirectory("versions");
        List<String> common = List.of("--url", url, "--packages", PACKAGE, "--migrations", migrations.toString(),
                "--migrations-package", "versions.migrations");
        CliRun check = CliRun.of(common, "check");
        assertEquals(0, check.exitCode(), check.toString());
        CliRun diff = CliRun.of(common, "diff");
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().startsWith("No differences: "), diff.toString());

        // the other order of a join table's and a map table's derived keys: still the same keys
        execute(url, "alter table zoo_animal drop constraint zoo_animal_pkey, add primary key (zoo_id, animals_id)",
                "alter table zoo_feeding drop constraint zoo_feeding_pkey, add primary key (animal_kind, zoo_id)");
        assertEquals(List.of("zoo_id", "animals_id"), primaryKey(url, "zoo_animal"));
        CliRun reordered = CliRun.of(common, "check");
        assertEquals(0, reordered.exitCode(), reordered.toString());

        // an entity's own key in another order is a real change (a user can order it)
        execute(url, "alter table visit drop constraint visit_pkey, add primary key (visitor_id, day_number)");
        CliRun entityKey = CliRun.of(common, "check");
        assertEquals(1, entityKey.exitCode(), entityKey.toString());
        assertTrue(entityKey.out().contains("DropPrimaryKey visit") && entityKey.out().contains("AddPrimaryKey visit"),
                entityKey.toString());
        assertTrue(!entityKey.out().contains("zoo_animal") && !entityKey.out().contains("zoo_feeding"),
                entityKey.toString());
    }

    private static List<String> primaryKey(String url, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            Schema schema = CatalogReader.forDialect(Dialect.POSTGRESQL).read(connection, null);
            return schema.table(table).orElseThrow().primaryKey().columns();
        }
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
