package dev.autogen.generator.teams;

import static dev.autogen.generator.teams.SquashTest.args;
import static dev.autogen.generator.teams.SquashTest.catalog;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Squashing revisions that databases have applied ({@code @Revision(replaces = ...)}), on real PostgreSQL and SQLite.
 * Four revisions (a table, a column, a data migration, a column); the first three are squashed while five databases
 * stand at different places: one fully past the range reads as being at the squash (current, validate, upgrade and
 * check agree) and is recorded at it; one part-way is upgraded through the originals while they are in the code, and
 * refused, untouched, once they are gone; a fresh one runs only the squash and ends with the originals' catalog; and
 * the squash is downgraded like any revision, a target naming a replaced id resolving to it.
 */
class SquashAppliedTest {
    private static final String A = "aaaaaaaaaaa1";
    private static final String B = "bbbbbbbbbbb2";
    private static final String C = "ccccccccccc3";
    private static final String D = "ddddddddddd4";
    private static final String SQUASH = "eeeeeeeeeee5";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void databasesAnywhereAroundTheRangeStayValid(Dialect dialect) throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "squash-applied");
        List<String> common = List.of("--migrations", migrations.toString(), "--migrations-package", "migrations");
        String reference = fresh(dialect, "squash_ref");
        run(0, common, reference, "base", "revision", "--offline", "-m", "initial", "--rev-id", A);
        run(0, common, reference, "left", "revision", "--offline", "-m", "add email", "--rev-id", B);
        MigrationFiles.write(migrations, "V0003_Backfill", C, B, "backfill",
                List.of("insert into customer (id, full_name, email) values (1, 'Ada', 'ada@example.invalid')"),
                List.of("delete from customer where id = 1"));
        run(0, common, reference, "both", "revision", "--offline", "-m", "add phone", "--rev-id", D);
        run(0, common, reference, "both", "upgrade");
        Schema originals = catalog(reference, dialect);

        String past = at(dialect, common, "squash_past", C);
        String partWay = at(dialect, common, "squash_part", B);
        String stranded = at(dialect, common, "squash_stranded", B);
        String pastLater = at(dialect, common, "squash_later", C);
        String empty = fresh(dialect, "squash_fresh");

        CliRun squash = run(0, common, partWay, "both", "squash", C, "-m", "customer with email", "--rev-id", SQUASH,
                "--keep-originals");
        assertTrue(squash.out().endsWith("(revision " + SQUASH + ") replacing " + A + ", " + B + ", " + C + "; " + D
                + " now follows it.\n"), squash::toString);
        Path dir = migrations.resolve("migrations");
        assertTrue(Files.readString(dir.resolve("V0001_CustomerWithEmail.java")).contains("@Revision(id = \"" + SQUASH
                + "\", message = \"customer with email\", replaces = {\"" + A + "\", \"" + B + "\", \"" + C + "\"})"));
        assertTrue(Files.exists(dir.resolve("V0002_AddEmail.java")));
        assertTrue(run(0, common, past, "both", "show", SQUASH).out()
                .contains("\nReplaces:   " + A + ", " + B + ", " + C + " (a squash)\n"));

        // fully past the range, originals present: at the squash everywhere, then recorded at it
        assertEquals(SQUASH + " V0001_CustomerWithEmail - customer with email (recorded as " + C + ", which it"
                + " replaces)\n", run(0, common, past, "both", "current").out());
        assertEquals("Valid: 1 applied revision matches the checksum recorded when applied.\n",
                run(0, common, past, "both", "validate").out());
        CliRun upgraded = run(0, common, past, "both", "upgrade");
        assertEquals(List.of("squash " + SQUASH + " stands for " + A + ", " + B + ", " + C + ": the database at " + C
                        + " is recorded at " + SQUASH, "applying " + D + " add phone",
                "Applied 1 revision; the database is at " + D + "."), lines(upgraded.out()));
        run(0, common, past, "both", "check");
        run(0, common, past, "both", "validate");
        assertTrue(run(0, common, past, "both", "history").out().contains("squash " + SQUASH + " by "));
        assertEquals(originals, catalog(past, dialect));
        assertEquals(1, customers(past));

        // part-way, originals present: through the originals to the end of the range, then on from the squash
        upgraded = run(0, common, partWay, "both", "upgrade");
        assertEquals(List.of("applying " + C + " backfill", "squash " + SQUASH + " stands for " + A + ", " + B + ", "
                        + C + ": the database at " + C + " is recorded at " + SQUASH, "applying " + D + " add phone",
                "Applied 2 revisions; the database is at " + D + "."), lines(upgraded.out()));
        assertEquals(originals, catalog(partWay, dialect));
        assertEquals(1, customers(partWay));
        run(0, common, partWay, "both", "check");
        run(0, common, partWay, "both", "validate");

        // a fresh database runs only the squash
        upgraded = run(0, common, empty, "both", "upgrade");
        assertEquals(List.of("applying " + SQUASH + " customer with email", "applying " + D + " add phone",
                "Applied 2 revisions; the database is at " + D + "."), lines(upgraded.out()));
        assertEquals(originals, catalog(empty, dialect));
        assertEquals(1, customers(empty));

        for (String original : List.of("V0001_Initial", "V0002_AddEmail", "V0003_Backfill")) {
            Files.delete(dir.resolve(original + ".java"));
        }

        // part-way, originals gone: refused, nothing run
        Schema before = catalog(stranded, dialect);
        assertEquals("autogen: the database is at revision " + B + ", part-way through squash " + SQUASH + " (it"
                + " holds " + A + ", " + B + " of " + A + ", " + B + ", " + C + ") and the originals are no longer in"
                + " this code: running " + SQUASH + " would repeat what it has — upgrade it to " + C + " with a"
                + " release that still has the originals, then with this one",
                CliRun.of(args(common, stranded, "both", "upgrade")).assertOneLineError(2));
        assertEquals(before, catalog(stranded, dialect));
        assertEquals(List.of(B), versionRows(stranded));
        assertTrue(run(1, common, stranded, "both", "validate").out().contains("part-way through squash " + SQUASH));

        // fully past, originals gone: the same as with them
        run(0, common, pastLater, "both", "validate");
        upgraded = run(0, common, pastLater, "both", "upgrade");
        assertTrue(upgraded.out().startsWith("squash " + SQUASH + " stands for "), upgraded::toString);
        run(0, common, pastLater, "both", "check");
        assertEquals(originals, catalog(pastLater, dialect));

        // a target naming a replaced id resolves to the squash; downgrading below the squash reverts it
        CliRun reverted = run(0, common, pastLater, "both", "downgrade", A);
        assertEquals(List.of("note: " + A + " is squashed into " + SQUASH + " and the originals are not in this code,"
                        + " so the target is " + SQUASH + ", which stands for " + A + ", " + B + ", " + C,
                "reverting " + D + " add phone", "Reverted 1 revision; the database is at " + SQUASH + "."),
                lines(reverted.out()).stream().filter(line -> !line.startsWith(" ") && !line.startsWith("Hazards"))
                        .toList());
        run(0, common, pastLater, "both", "downgrade", "base", "--allow-data-loss");
        assertFalse(catalog(pastLater, dialect).tables().stream().anyMatch(t -> t.name().equals("customer")));
        run(0, common, pastLater, "both", "upgrade");
        assertEquals(originals, catalog(pastLater, dialect));
        assertEquals(1, customers(pastLater));
    }

    /** A fresh database upgraded to {@code revision} through the original revisions. */
    private static String at(Dialect dialect, List<String> common, String hint, String revision) {
        String url = fresh(dialect, hint);
        run(0, common, url, "both", "upgrade", revision);
        return url;
    }

    private static List<String> lines(String out) {
        return out.lines().map(line -> line.replaceAll(" … \\d+ ms$", "")).toList();
    }

    private static int customers(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from customer where email ="
                     + " 'ada@example.invalid'")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static List<String> versionRows(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select revision from autogen_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
