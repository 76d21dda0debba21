package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --lock-wait}, {@code --lock-timeout} and {@code --statement-timeout} on {@code upgrade}: a runner that finds
 * the migration lock held gives up after the given wait with one line and changes nothing; a malformed duration is a
 * usage error; valid ones let the upgrade run. On real PostgreSQL, with the repository's sample migrations.
 */
class CliTimeoutsTest {
    /** The documented advisory-lock key of the public schema: "autogen" in ASCII (see docs/migrations.md). */
    private static final long LOCK_KEY = 0x6175746f67656eL;
    private static final Path SAMPLE_MIGRATIONS = Path.of("../migrations/src/main/java");

    @Test
    void upgradeGivesUpAfterTheLockWaitAndChangesNothing() throws Exception {
        String url = TestDatabases.freshPostgres("cli_timeouts");
        try (Connection other = DriverManager.getConnection(url)) {
            other.createStatement().execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            long start = System.nanoTime();
            CliOutcome blocked = autogen(url, "upgrade", "--lock-wait", "300ms");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ExitCodes.DATABASE, blocked.exitCode(), blocked::toString);
            assertEquals(1, blocked.err().strip().lines().count(), blocked::toString);
            assertTrue(blocked.err().contains("held the migration lock (PostgreSQL advisory lock "
                    + LOCK_KEY + ") for more than 300 ms"), blocked::toString);
            assertTrue(elapsedMillis < Duration.ofMinutes(1).toMillis(), "gave up long before the default 10 min");
        }
        assertEquals(List.of(), TestSql.tables(url, "public").stream()
                .filter(t -> !t.startsWith("autogen_")).toList(), "nothing was migrated");

        CliOutcome applied = autogen(url, "upgrade", "--lock-wait", "5s", "--lock-timeout", "0",
                "--statement-timeout", "2h");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertTrue(TestSql.tables(url, "public").contains("users"), applied::toString);
    }

    @Test
    void aMalformedDurationIsAUsageError() {
        CliOutcome outcome = autogen("jdbc:sqlite::memory:", "upgrade", "--lock-wait", "soon");
        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::toString);
        assertEquals("autogen: --lock-wait soon is not a duration: write a whole number and a unit, e.g. 500ms, 30s,"
                + " 10min or 2h (0 for none)", outcome.err().strip());
    }

    private static CliOutcome autogen(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", SAMPLE_MIGRATIONS.toString()));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }
}
