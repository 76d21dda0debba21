package dev.autogen.generator.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.migrate.MigrationFiles;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code autogen squash} on real PostgreSQL and SQLite: three revisions of a feature branch (a table, a column, a data
 * migration) become one (the table created with its column, then the data migration) that builds the same catalog as the originals and runs the data migration in its place; what
 * followed the last is re-parented onto it; a database part-way through the range keeps squash from deleting the
 * originals ({@link SquashAppliedTest} covers databases that applied some or all of the range).
 */
class SquashTest {
    private static final String ENTITIES = "dev.autogen.generator.teams.";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void threeRevisionsBecomeOneThatBuildsTheSameCatalog(Dialect dialect) throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "squash");
        String reference = fresh(dialect, "squash_ref");
        String target = fresh(dialect, "squash_new");
        List<String> common = List.of("--migrations", migrations.toString(), "--migrations-package", "migrations");
        run(0, common, reference, "base", "revision", "--offline", "-m", "initial", "--rev-id", "aaaaaaaaaaa1");
        run(0, common, reference, "left", "revision", "--offline", "-m", "add email", "--rev-id", "bbbbbbbbbbb2");
        MigrationFiles.write(migrations, "V0003_Backfill", "ccccccccccc3", "bbbbbbbbbbb2", "backfill",
                List.of("insert into customer (id, full_name, email) values (1, 'Ada', 'ada@example.invalid')"),
                List.of("delete from customer where id = 1"));
        run(0, common, reference, "both", "revision", "--offline", "-m", "add phone", "--rev-id", "ddddddddddd4");
        run(0, common, reference, "both", "upgrade");
        Schema originals = catalog(reference, dialect);

        // a database part-way through the range could not be upgraded without the originals: squash refuses to
        // delete them and leaves the files alone
        String partWay = fresh(dialect, "squash_part");
        run(0, common, partWay, "both", "upgrade", "bbbbbbbbbbb2");
        String refusal = CliRun.of(args(common, partWay, "both", "squash", "ccccccccccc3", "-m", "customer"))
                .assertOneLineError(2);
        assertTrue(refusal.endsWith(" is part-way through the range (at bbbbbbbbbbb2): without the originals it could"
                + " not be upgraded; keep them with --keep-originals until every database is past ccccccccccc3, or"
                + " upgrade it first"), refusal);
        assertTrue(Files.exists(migrations.resolve("migrations/V0002_AddEmail.java")));

        CliRun squash = run(0, common, target, "both", "squash", "ccccccccccc3", "-m", "customer with email",
                "--rev-id", "eeeeeeeeeee5");
        Path file = migrations.resolve("migrations/V0001_CustomerWithEmail.java");
        assertTrue(squash.out().endsWith(file.getFileName() + " (revision eeeeeeeeeee5) in place of aaaaaaaaaaa1,"
                + " bbbbbbbbbbb2, ccccccccccc3; ddddddddddd4 now follows it.\n"), squash::toString);
        try (var files = Files.list(migrations.resolve("migrations"))) {
            assertEquals(List.of("V0001_CustomerWithEmail.java", "V0004_AddPhone.java", "autogen-head"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(migrations.resolve("migrations/V0004_AddPhone.java"))
                .contains("@Revision(id = \"ddddddddddd4\", parent = \"eeeeeeeeeee5\""));
        String source = Files.readString(file);
        // the minimal plan: the table is created with the column the second revision added, before the data migration
        assertFalse(source.contains("addColumn"), source);
        assertTrue(source.indexOf("column(\"email\"") < source.indexOf("insert into customer"), source);

        CliRun upgraded = run(0, common, target, "both", "upgrade");
        assertTrue(upgraded.out().endsWith("Applied 2 revisions; the database is at ddddddddddd4.\n"), upgraded::toString);
        assertEquals(originals, catalog(target, dialect));
        assertEquals("ada@example.invalid", email(target));
        run(0, common, target, "both", "check");
        assertEquals("autogen: nothing to squash: eeeeeeeeeee5 is not after ddddddddddd4; pass BASE:REV with BASE"
                + " before REV", CliRun.of(args(common, target, "both", "squash", "ddddddddddd4:eeeeeeeeeee5", "-m",
                "again", "--offline")).assertOneLineError(2));
        assertFalse(Files.exists(migrations.resolve("migrations/V0001_Again.java")));
    }

    static CliRun run(int code, List<String> common, String url, String entities, String... args) {
        CliRun run = CliRun.of(args(common, url, entities, args));
        assertEquals(code, run.exitCode(), run::toString);
        return run;
    }

    static String[] args(List<String> common, String url, String entities, String... args) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of("--url", url, "--packages", ENTITIES + entities));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    static String fresh(Dialect dialect, String hint) {
        return switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres(hint);
            case SQLITE -> TestDatabases.freshSqlite(hint);
            case MARIADB -> throw new IllegalArgumentException("not tested on MariaDB yet");
        };
    }

    static Schema catalog(String url, Dialect dialect) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(dialect).read(connection, null);
        }
    }

    static String email(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select email from customer where id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
