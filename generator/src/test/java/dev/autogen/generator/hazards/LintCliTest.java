package dev.autogen.generator.hazards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate a reviewer opens: {@code lint} fails on a pending revision's unacknowledged hazard and names the revision,
 * the operation, the hazard and the safe alternative; an acknowledgement in the source (or {@code lint.accept}) opens
 * it; adding one to an applied revision keeps {@code validate} green; {@code check --lint} gates the same way.
 */
class LintCliTest {
    @Test
    void anUnacknowledgedDropFailsTheGateUntilAcknowledged() throws Exception {
        String url = TestDatabases.freshSqlite("lint");
        Path migrations = NotesMigrations.write(Files.createTempDirectory("lint"));
        List<String> common = List.of("--url", url, "--migrations", migrations.toString());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());

        // nothing pending: the gate is open
        CliRun nothing = CliRun.of(common, "lint");
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertEquals("Lint passed (pending, 0 revisions, SQLite): no unacknowledged hazard.\n", nothing.out());

        NotesMigrations.dropBody(migrations, "");
        CliRun failed = CliRun.of(common, "lint");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals("", failed.err());
        assertTrue(failed.out().startsWith("Lint failed (pending, 1 revision, SQLite): 4 unacknowledged hazards:\n"
                + "  " + NotesMigrations.THIRD + " V0003_DropBody, upgrade operation 1: DropColumn notes body\n"
                + "    ! DATA_LOSS: drops column notes.body and its values\n"
                + "      safe alternative: stop writing it first and drop it in a later revision\n"
                + "    ! BREAKS_RUNNING_APP: the application still deployed fails on the missing column notes.body\n"),
                failed.toString());
        assertTrue(failed.out().contains("    ! TABLE_REWRITE: rebuilds notes on SQLite (copies every row)\n"),
                failed.toString());

        CliRun json = CliRun.of(common, "lint", "--format", "json");
        assertEquals(1, json.exitCode(), json.toString());
        assertTrue(json.out().startsWith("{\"passed\":false,\"scope\":\"pending\",\"dialect\":\"SQLite\",\"revisions\":"
                + "[\"" + NotesMigrations.THIRD + "\"],\"note\":null,\"findings\":[{\"revision\":\""
                + NotesMigrations.THIRD + "\",\"class\":\"V0003_DropBody\",\"operation\":1,\"op\":\"DropColumn\","
                + "\"text\":\"DropColumn notes body\",\"kind\":\"DATA_LOSS\",\"table\":\"notes\",\"why\":\"drops column"
                + " notes.body and its values\",\"alternative\":\"stop writing it first and drop it in a later"
                + " revision\"}"), json.toString());

        CliRun check = CliRun.of(common, "check", "--lint");
        assertEquals(1, check.exitCode(), check.toString());
        assertTrue(check.out().contains("Lint failed (pending, 1 revision, SQLite)"), check.toString());

        // acknowledged in the source, each kind with its reason; the rebuild kinds accepted by configuration
        NotesMigrations.dropBody(migrations, ".acknowledge(DATA_LOSS, \"body moved to note_texts in 2.3\")"
                + ".acknowledge(BREAKS_RUNNING_APP, \"2.3 is deployed everywhere\")");
        CliRun stillRebuilds = CliRun.of(common, "lint");
        assertEquals(1, stillRebuilds.exitCode(), stillRebuilds.toString());
        assertTrue(stillRebuilds.out().contains("2 unacknowledged hazards"), stillRebuilds.toString());
        Files.writeString(migrations.resolve("autogen.properties"), "lint.accept=TABLE_REWRITE, blocks_writes\n");
        CliRun accepted = CliRun.of(common, "--config", migrations.resolve("autogen.properties").toString(), "lint");
        assertEquals(0, accepted.exitCode(), accepted.toString());
        assertEquals("Lint passed (pending, 1 revision, SQLite): no unacknowledged hazard.\n", accepted.out());
        CliRun option = CliRun.of(common, "lint", "--lint-accept", "TABLE_REWRITE,BLOCKS_WRITES");
        assertEquals(0, option.exitCode(), option.toString());

        // show lists the hazards and the acknowledgements
        CliRun show = CliRun.of(common, "show", NotesMigrations.THIRD);
        assertTrue(show.out().contains("Upgrade (1 operation):\n  ! DATA_LOSS: drops column notes.body and its values\n"),
                show.toString());
        assertTrue(show.out().contains("  DropColumn notes body\n      acknowledged DATA_LOSS: body moved to note_texts"
                + " in 2.3\n      acknowledged BREAKS_RUNNING_APP: 2.3 is deployed everywhere\n"), show.toString());

        // applied, then an acknowledgement added or changed later: the checksum is the same, validate stays green
        NotesMigrations.dropBody(migrations, "");
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        NotesMigrations.dropBody(migrations, ".acknowledge(DATA_LOSS, \"reviewed after the fact\")");
        CliRun validate = CliRun.of(common, "validate");
        assertEquals(0, validate.exitCode(), validate.toString());
        // editing an operation still breaks it
        NotesMigrations.dropBody(migrations, ".acknowledge(DATA_LOSS, \"x\");\n        schema.dropTable(\"notes\")");
        assertEquals(1, CliRun.of(common, "validate").exitCode());
    }

    @Test
    void aBadKindOrABlankReasonIsAUsageError() throws Exception {
        Path migrations = NotesMigrations.write(Files.createTempDirectory("lint-bad"));
        NotesMigrations.dropBody(migrations, ".acknowledge(DATA_LOSS, \" \")");
        List<String> common = List.of("--url", TestDatabases.freshSqlite("lint-bad"), "--migrations",
                migrations.toString());
        CliRun blank = CliRun.of(common, "lint", "--all");
        assertEquals(2, blank.exitCode(), blank.toString());
        assertEquals("autogen: a migration's upgrade() cannot be read: acknowledge(DATA_LOSS, reason) needs a reason:"
                + " say why the hazard is acceptable, e.g. \"column unused since 2.3\"\n", blank.err());
        CliRun kind = CliRun.of(common, "lint", "--all", "--lint-accept", "DATA_LOST");
        assertEquals(2, kind.exitCode(), kind.toString());
        assertTrue(kind.err().startsWith("autogen: unknown hazard kind 'DATA_LOST': use one of DATA_LOSS,"),
                kind.toString());
        CliRun scopes = CliRun.of(common, "lint", "--all", "--pending");
        assertEquals(2, scopes.exitCode(), scopes.toString());
    }

    @Test
    void withoutADatabaseFileEveryRevisionIsLinted() throws Exception {
        Path dir = Files.createTempDirectory("lint-nodb");
        Path migrations = NotesMigrations.write(dir.resolve("migrations"));
        NotesMigrations.dropBody(migrations, "");
        String url = "jdbc:sqlite:" + dir.resolve("absent.db");
        CliRun run = CliRun.of("--url", url, "--migrations", migrations.toString(), "lint", "--dialect", "postgresql");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Note: no database file " + dir.resolve("absent.db")
                + ": linting every revision.\nLint failed (all, 3 revisions, PostgreSQL): 2 unacknowledged hazards:\n"),
                run.toString());
        assertTrue(!Files.exists(dir.resolve("absent.db")), "lint created the database file");
    }
}
