package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --lock advisory|lease} on {@code upgrade} and {@code downgrade}: with {@code lease}, a live lease another
 * runner holds makes the upgrade give up after {@code --lock-wait} with one line, changing nothing, while the advisory
 * lock is not even looked at; once the lease has expired the upgrade runs and leaves no lease behind. An unknown kind
 * is a usage error. On real PostgreSQL, with the repository's sample migrations.
 */
class CliLockKindTest {
    private static final Path SAMPLE_MIGRATIONS = Path.of("../migrations/src/main/java");

    @Test
    void upgradeWithTheLeaseWaitsForALiveLeaseAndTakesOverAnExpiredOne() throws Exception {
        String url = TestDatabases.freshPostgres("cli_lock_kind");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("create table autogen_lock (name varchar(64) primary key, owner varchar(255)"
                    + " not null, expires_at timestamp with time zone not null);"
                    + " insert into autogen_lock values ('migration', 'other runner', now() + interval '1 hour')");

            CliOutcome blocked = autogen(url, "upgrade", "--lock", "lease", "--lock-wait", "300ms");

            assertEquals(ExitCodes.DATABASE, blocked.exitCode(), blocked::toString);
            assertEquals(1, blocked.err().strip().lines().count(), blocked::toString);
            assertTrue(blocked.err().contains("another runner (other runner until "), blocked::toString);
            assertEquals(List.of("autogen_lock"),
                    TestSql.tables(url, "public").stream().sorted().toList(), "nothing was migrated");

            c.createStatement().execute("update autogen_lock set expires_at = now() - interval '1 second'");
        }
        CliOutcome applied = autogen(url, "upgrade", "--lock", "LEASE");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertTrue(TestSql.tables(url, "public").contains("users"), applied::toString);
        try (Connection c = DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("select count(*) from autogen_lock")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the lease is released");
        }

        CliOutcome reverted = autogen(url, "downgrade", "base", "--lock", "lease", "--allow-data-loss");
        assertEquals(0, reverted.exitCode(), reverted::toString);
        assertTrue(!TestSql.tables(url, "public").contains("users"), reverted::toString);
    }

    @Test
    void anUnknownLockKindIsAUsageError() {
        CliOutcome outcome = autogen("jdbc:sqlite::memory:", "upgrade", "--lock", "mutex");
        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::toString);
        assertEquals("autogen: --lock mutex is not a lock kind: use advisory or lease", outcome.err().strip());
    }

    private static CliOutcome autogen(String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", SAMPLE_MIGRATIONS.toString()));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }
}
