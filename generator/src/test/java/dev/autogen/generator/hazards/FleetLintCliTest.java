package dev.autogen.generator.hazards;

import static dev.autogen.testing.TestSql.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --targets FILE} over two real PostgreSQL servers' tenant schemas and a SQLite file: each target's own
 * pending revisions are linted on its own dialect (a tenant already past the drop passes, one behind it fails, a
 * missing schema is linted over every revision with a note), one row per target, exit 1 while any target has an
 * unacknowledged hazard pending, and 0 once the drop is acknowledged in the source.
 */
class FleetLintCliTest {
    @TempDir
    Path dir;

    @Test
    void eachTargetsPendingRevisionsAreLintedAndAnyUnacknowledgedHazardFailsTheGate() throws Exception {
        String a = TestServers.freshDatabase(0, "fleetlint");
        String b = TestServers.freshDatabase(1, "fleetlint");
        execute(a, "create schema t1", "create schema t2");
        execute(b, "create schema t1");
        String sqlite = TestDatabases.freshSqlite("fleetlint");
        Path migrations = NotesMigrations.write(Files.createDirectories(dir.resolve("migrations")));
        Path targets = dir.resolve("fleet.txt");
        Files.write(targets, List.of(
                "a " + bare(a) + " user=postgres schemas=t1,t2",
                "b " + bare(b) + " user=postgres schemas=t1,t9",
                "s " + sqlite));
        List<String> common = List.of("--migrations", migrations.toString());
        CliRun upgraded = CliRun.of(common, "upgrade", "--targets", targets.toString(), "--max-failures", "9");
        assertEquals(3, upgraded.exitCode(), "b/t9 does not exist: it fails, the others are upgraded: " + upgraded);
        NotesMigrations.dropBody(migrations, "");
        assertEquals(0, CliRun.of(common, "--url", a, "--schema", "t1", "upgrade").exitCode(), "a/t1 is past the drop");

        CliRun failed = CliRun.of(common, "lint", "--targets", targets.toString());

        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals("", failed.err());
        assertTrue(failed.out().startsWith("""
                TARGET  PENDING  HAZARDS
                a/t1    0        none
                a/t2    1        2 unacknowledged (DATA_LOSS, BREAKS_RUNNING_APP)
                b/t1    1        2 unacknowledged (DATA_LOSS, BREAKS_RUNNING_APP)
                b/t9    3 (all)  2 unacknowledged (DATA_LOSS, BREAKS_RUNNING_APP)
                s       1        4 unacknowledged (DATA_LOSS, TABLE_REWRITE, BLOCKS_WRITES, BREAKS_RUNNING_APP)
                Note: b/t9: schema t9 does not exist: create it first, or drop it from fleet.txt:2: linting every revision.
                5 targets: 4 with unacknowledged hazards pending, 1 passed.
                """), failed.out());
        assertTrue(failed.out().contains("Lint failed: 4 unacknowledged hazards pending on 4 targets:\n  "
                + NotesMigrations.THIRD + " V0003_DropBody, upgrade operation 1: DropColumn notes body\n"
                + "    ! DATA_LOSS: drops column notes.body and its values\n"), failed.out());

        CliRun json = CliRun.of(common, "lint", "--targets", targets.toString(), "--format", "json");
        assertEquals(1, json.exitCode(), json.toString());
        assertTrue(json.out().startsWith("{\"passed\":false,\"targets\":[{\"target\":\"a/t1\",\"dialect\":"
                + "\"PostgreSQL\",\"current\":[\"" + NotesMigrations.THIRD + "\"],\"pending\":[],\"note\":null,"
                + "\"findings\":[]},{\"target\":\"a/t2\",\"dialect\":\"PostgreSQL\",\"current\":[\""
                + NotesMigrations.SECOND + "\"],\"pending\":[\"" + NotesMigrations.THIRD + "\"],\"note\":null,"
                + "\"findings\":[{\"revision\":\"" + NotesMigrations.THIRD + "\",\"class\":\"V0003_DropBody\","
                + "\"operation\":1,\"op\":\"DropColumn\","), json.out());
        assertTrue(json.out().endsWith("],\"counts\":{\"targets\":5,\"failed\":4}}\n"), json.out());

        CliRun group = CliRun.of(common, "lint", "--targets", targets.toString(), "--group", "none");
        assertEquals("autogen: no target is in group none: the groups are none (add group=G to the targets file)",
                group.assertOneLineError(2));
        CliRun scope = CliRun.of(common, "lint", "--all", "--targets", targets.toString());
        assertEquals("autogen: lint --targets lints what is pending on each target: drop REV and --all (lint --all"
                + " needs no database)", scope.assertOneLineError(2));

        NotesMigrations.dropBody(migrations, ".acknowledge(DATA_LOSS, \"body moved to note_texts in 2.3\")"
                + ".acknowledge(BREAKS_RUNNING_APP, \"2.3 is deployed everywhere\")");
        CliRun acknowledged = CliRun.of(common, "lint", "--targets", targets.toString(), "--lint-accept",
                "TABLE_REWRITE,BLOCKS_WRITES");

        assertEquals(0, acknowledged.exitCode(), acknowledged.toString());
        assertTrue(acknowledged.out().endsWith("5 targets: 0 with unacknowledged hazards pending, 5 passed.\n"),
                acknowledged.out());
    }

    private static String bare(String url) {
        return url.substring(0, url.indexOf('?'));
    }
}
