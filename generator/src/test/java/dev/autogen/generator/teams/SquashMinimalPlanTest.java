package dev.autogen.generator.teams;

import static dev.autogen.generator.teams.SquashTest.catalog;
import static dev.autogen.generator.teams.SquashTest.email;
import static dev.autogen.generator.teams.SquashTest.fresh;
import static dev.autogen.generator.teams.SquashTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The squash is the range replayed into a minimal plan, on real PostgreSQL and SQLite: seven revisions (a table; a
 * column added, then dropped; another added, then altered; a data migration; a column after it) become one whose
 * upgrade creates the table as it ended up before the data migration, runs it, then adds the last column. A fresh
 * database upgraded through the squash has the catalog and the row of one upgraded through the originals; downgrading
 * it to base removes everything.
 */
class SquashMinimalPlanTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aColumnAddedThenDroppedDisappearsAndAddedThenAlteredIsOneAdd(Dialect dialect) throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "squash-minimal");
        List<String> common = List.of("--migrations", migrations.toString(), "--migrations-package", "migrations");
        String reference = fresh(dialect, "minimal_ref");
        String squashed = fresh(dialect, "minimal_new");
        revision(common, reference, "base", "initial", "aaaaaaaaaaa1");
        revision(common, reference, "right", "add phone", "bbbbbbbbbbb2");
        revision(common, reference, "base", "drop phone", "ccccccccccc3");
        revision(common, reference, "clash", "add short email", "ddddddddddd4");
        revision(common, reference, "left", "longer email", "eeeeeeeeeee5");
        MigrationFiles.write(migrations, "V0006_Ada", "fffffffffff6", "eeeeeeeeeee5", "ada",
                List.of("insert into customer (id, full_name, email) values (1, 'Ada', 'ada@example.invalid')"),
                List.of("delete from customer where id = 1"));
        revision(common, reference, "both", "phone again", "ggggggggggg7");
        run(0, common, reference, "both", "upgrade");
        Schema originals = catalog(reference, dialect);

        run(0, common, squashed, "both", "squash", "ggggggggggg7", "-m", "customer", "--rev-id", "00000000000a",
                "--offline");

        String source = Files.readString(migrations.resolve("migrations/V0001_Customer.java"));
        String upgrade = source.substring(source.indexOf("void upgrade"), source.indexOf("void downgrade"));
        assertFalse(upgrade.contains("dropColumn") || upgrade.contains("alterColumn"), upgrade);
        assertFalse(upgrade.contains("varchar(50)"), upgrade);
        assertTrue(upgrade.indexOf("createTable(\"customer\"") < upgrade.indexOf("column(\"email\", varchar(100))")
                && upgrade.indexOf("column(\"email\", varchar(100))") < upgrade.indexOf("insert into customer")
                && upgrade.indexOf("insert into customer")
                        < upgrade.indexOf("addColumn(\"customer\", column(\"phone\""),
                upgrade);
        assertEquals(1, upgrade.split("column\\(\"phone\"", -1).length - 1, upgrade);

        CliRun upgraded = run(0, common, squashed, "both", "upgrade");
        assertTrue(upgraded.out().endsWith("Applied 1 revision; the database is at 00000000000a.\n"),
                upgraded::toString);
        assertEquals(originals, catalog(squashed, dialect));
        assertEquals("ada@example.invalid", email(squashed));
        run(0, common, squashed, "both", "check");

        run(0, common, squashed, "both", "downgrade", "base", "--allow-data-loss");
        assertFalse(catalog(squashed, dialect).tables().stream()
                .anyMatch(t -> t.name().equals("customer")));
    }

    private static void revision(List<String> common, String url, String entities, String message, String id) {
        run(0, common, url, entities, "revision", "--offline", "-m", message, "--rev-id", id);
    }
}
