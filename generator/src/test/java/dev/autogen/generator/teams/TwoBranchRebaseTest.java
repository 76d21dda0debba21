package dev.autogen.generator.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13's two-branch scenario with real git branches in a temporary repository: two branches each add a
 * revision through the command line on the same parent, git stops the merge on {@code autogen-head}, {@code check}
 * says so, {@code autogen rebase} puts this branch's revision after the other's (ids kept, file renumbered, sentinel
 * rewritten), the merge commits, and the database upgrades to one head that matches both branches' entities (SQLite:
 * the graph and the files are the same for every database).
 */
class TwoBranchRebaseTest {
    private static final String ENTITIES = "dev.autogen.generator.teams.";
    private static final String BASE = "aaaaaaaaaaa1";
    private static final String LEFT = "bbbbbbbbbbb2";
    private static final String RIGHT = "ccccccccccc3";
    private static final String LEFT_EMPTY = "ddddddddddd4";

    private GitRepository git;
    private Path migrations;
    private Path sentinel;
    private String url;

    @BeforeEach
    void repository() throws IOException {
        git = GitRepository.create("teams-rebase");
        migrations = Files.createDirectories(git.root().resolve("migrations"));
        sentinel = migrations.resolve("teams/migrations/autogen-head");
        url = TestDatabases.freshSqlite("teams");
    }

    private CliRun autogen(String entities, String... args) {
        return autogenAt(url, entities, args);
    }

    private CliRun autogenAt(String database, String entities, String... args) {
        return CliRun.of(List.of("--url", database, "--migrations", migrations.toString(), "--migrations-package",
                "teams.migrations", "--packages", ENTITIES + entities), args);
    }

    private static CliRun assertExit(int code, CliRun run) {
        assertEquals(code, run.exitCode(), run::toString);
        return run;
    }

    /** main: the base revision (written offline, as a developer without a database would); branch left adds email, branch right adds phone; both on {@link #BASE}. */
    private void twoBranches(String rightEntities) {
        assertExit(0, autogen("base", "revision", "--offline", "-m", "initial", "--rev-id", BASE));
        assertEquals(BASE, sentinelId());
        git.commitAll("initial");
        git.run("checkout", "-q", "-b", "left");
        assertExit(0, autogen("left", "revision", "--offline", "-m", "add email", "--rev-id", LEFT));
        git.commitAll("add email");
        git.run("checkout", "-q", "-b", "right", "main");
        assertExit(0, autogen(rightEntities, "revision", "--offline", "-m", "add phone", "--rev-id", RIGHT));
        git.commitAll("add phone");
        git.run("checkout", "-q", "left");
    }

    @Test
    void aMergeConflictsOnTheSentinelAndRebaseEndsInOneHead() throws IOException, SQLException {
        twoBranches("right");
        // a second revision on this branch: rebase moves the line, renumbering each and re-parenting the first only
        assertExit(0, autogen("left", "revision", "--offline", "--empty", "-m", "backfill", "--rev-id", LEFT_EMPTY));
        git.commitAll("backfill");
        assertExit(0, autogen("left", "upgrade", BASE)); // this developer's database: the shared revision only

        // git stops the merge on autogen-head, and only there
        assertEquals(1, git.exitCode("merge", "-q", "--no-edit", "right"));
        assertEquals(List.of("migrations/teams/migrations/autogen-head"), git.conflictedFiles());
        CliRun check = assertExit(1, autogen("both", "check"));
        assertTrue(check.out().contains("Out of sync: autogen-head holds git conflict markers (" + LEFT_EMPTY + " here, "
                + RIGHT + " merged in): two branches each added a revision; put this branch's revisions after the"
                + " other's with autogen rebase"), check::toString);
        assertTrue(check.out().contains("the migrations have several heads (" + RIGHT + ", " + LEFT_EMPTY + ")"),
                check::toString);

        // a database that applied this branch's revision keeps rebase from moving it
        String applied = TestDatabases.freshSqlite("teams_applied");
        assertExit(0, autogenAt(applied, "left", "upgrade", LEFT));
        String refusal = autogenAt(applied, "left", "rebase").assertOneLineError(2);
        assertTrue(refusal.startsWith("autogen: revision " + LEFT + " (V0002_AddEmail) is applied to "), refusal);
        assertTrue(refusal.endsWith(": moving it would rewrite what that database recorded; join the heads with"
                + " autogen merge -m \"merge heads\" (or downgrade it first)"), refusal);
        assertTrue(Files.exists(migrations.resolve("teams/migrations/V0002_AddEmail.java")), "nothing moved");

        CliRun rebase = assertExit(0, autogen("both", "rebase"));
        assertEquals("Rebased 2 revisions onto " + RIGHT + ":\n  " + LEFT + " V0002_AddEmail -> V0003_AddEmail\n  "
                + LEFT_EMPTY + " V0003_Backfill -> V0004_Backfill\n"
                + "The head is " + LEFT_EMPTY + "; commit the migrations and autogen-head.\n", rebase.out());
        Path moved = migrations.resolve("teams/migrations/V0003_AddEmail.java");
        assertFalse(Files.exists(migrations.resolve("teams/migrations/V0002_AddEmail.java")));
        String source = Files.readString(moved);
        assertTrue(source.contains("@Revision(id = \"" + LEFT + "\", parent = \"" + RIGHT + "\""), source);
        assertTrue(source.contains("public final class V0003_AddEmail implements Migration"), source);
        String empty = Files.readString(migrations.resolve("teams/migrations/V0004_Backfill.java"));
        assertTrue(empty.contains("@Revision(id = \"" + LEFT_EMPTY + "\", parent = \"" + LEFT + "\""), empty);
        assertEquals(LEFT_EMPTY, sentinelId());
        git.commitAll("merge right");
        assertEquals(List.of(), git.conflictedFiles());

        assertEquals(LEFT_EMPTY + " V0004_Backfill - backfill (head)\n", assertExit(0, autogen("both", "heads")).out());
        assertTrue(assertExit(0, autogen("both", "upgrade")).out().endsWith("Applied 3 revisions; the database is at "
                + LEFT_EMPTY + ".\n"));
        assertExit(0, autogen("both", "check"));
        assertEquals(List.of("email", "full_name", "id", "phone"), columns("customer"));
    }

    /** A sentinel resolved by hand to the wrong side is caught by check, which names the command that fixes it. */
    @Test
    void aSentinelThatDisagreesWithTheGraphFailsCheckUntilRewritten() throws IOException {
        assertExit(0, autogen("base", "revision", "--offline", "-m", "initial", "--rev-id", BASE));
        assertExit(0, autogen("left", "revision", "--offline", "-m", "add email", "--rev-id", LEFT));
        Files.writeString(sentinel, BASE + "\n");
        CliRun check = assertExit(1, autogen("left", "check", "--offline"));
        assertTrue(check.out().startsWith("Out of sync: autogen-head names " + BASE + " but the migrations' head is "
                + LEFT + ": rewrite it with autogen heads --write-sentinel\n"), check::toString);
        assertExit(0, autogen("left", "heads", "--write-sentinel"));
        assertEquals(LEFT, sentinelId());
        assertExit(0, autogen("left", "check", "--offline"));
    }

    /** Both branches add the same column: their order matters, so rebase refuses and leaves every file as it was. */
    @Test
    void bothBranchesChangingOneColumnAreRefused() throws IOException {
        twoBranches("clash");
        assertEquals(1, git.exitCode("merge", "-q", "--no-edit", "right"));
        List<String> before = git.run("ls-files", "-s", "-o", "--exclude-standard", "migrations").lines().toList();
        String sentinelBefore = Files.readString(sentinel);
        assertEquals("autogen: both branches change table customer, column email (revision " + LEFT + " here, " + RIGHT
                + " on the other branch): their order matters, so rebase cannot choose it; join the heads with autogen"
                + " merge -m \"merge heads\" and reconcile them in a revision after it",
                autogen("both", "rebase", "--offline").assertOneLineError(2));
        assertEquals(before, git.run("ls-files", "-s", "-o", "--exclude-standard", "migrations").lines().toList());
        assertEquals(sentinelBefore, Files.readString(sentinel));
        assertEquals("autogen: --onto " + BASE + " is not a head (heads: " + LEFT + ", " + RIGHT + "): name the other"
                + " branch's head", autogen("both", "rebase", "--offline", "--onto", BASE).assertOneLineError(2));

        // merge is the way out: it writes the sentinel too, which resolves its conflict
        assertExit(0, autogen("both", "merge", "-m", "merge heads", "--rev-id", "eeeeeeeeeee5"));
        assertEquals("eeeeeeeeeee5", sentinelId());
        git.commitAll("merge right");
        assertEquals(List.of(), git.conflictedFiles());
        assertEquals("autogen: nothing to rebase: the migrations have one head (eeeeeeeeeee5); rebase puts one"
                + " branch's revisions after another's", autogen("both", "rebase", "--offline").assertOneLineError(2));
    }

    private String sentinelId() {
        try {
            List<String> ids = Files.readAllLines(sentinel).stream().filter(l -> !l.startsWith("#")).toList();
            assertEquals(1, ids.size(), ids::toString);
            return ids.get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select name from pragma_table_info('" + table + "')"
                     + " order by name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
