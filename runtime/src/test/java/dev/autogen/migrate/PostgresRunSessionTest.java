package dev.autogen.migrate;

import static dev.autogen.migrate.LentSessions.lending;
import static dev.autogen.migrate.LentSessions.row;
import static dev.autogen.migrate.LentSessions.session;
import static dev.autogen.testing.TestSql.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When {@link PostgresRunSession}'s one-round-trip set-up cannot be had (the schema is missing, another runner holds
 * the lock), the migrator falls back to its step-by-step path; a pooled connection lent to it comes back as it was lent:
 * its own settings, no lock held, and nothing created in the schema the waiting runner never got.
 */
class PostgresRunSessionTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            PostgresRunSessionTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.note").load();
    private static final String SESSION = "select current_setting('search_path') || '|'"
            + " || current_setting('synchronous_commit') || '|' || current_setting('client_connection_check_interval')"
            + " || '|' || exists (select from pg_locks where locktype = 'advisory' and pid = pg_backend_pid())";

    @Test
    void aMissingSchemaFailsPlainlyAndLeavesTheLentSessionAsItWas() throws Exception {
        String url = TestDatabases.freshPostgres("runsession_missing");
        try (Connection pooled = ConnectionFactory.of(url, null, null).open()) {
            session(pooled, "set search_path = pooled_app", "set synchronous_commit = local",
                    "set client_connection_check_interval = '9s'");
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, MIGRATIONS).withSchema("nope");

            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertTrue(e.getMessage().startsWith("schema nope does not exist in this database"), e.getMessage());
            assertEquals("pooled_app|local|9s|false", row(pooled, SESSION));
        }
    }

    @Test
    void aBusyLockIsWaitedForOnTheOrdinaryPathWithNothingCreatedMeanwhile() throws Exception {
        String url = TestDatabases.freshPostgres("runsession_busy");
        execute(url, "create schema tenant_a");
        try (Connection pooled = ConnectionFactory.of(url, null, null).open();
                Connection holder = ConnectionFactory.of(url, null, null).open()) {
            session(pooled, "set search_path = pooled_app", "set synchronous_commit = local",
                    "set client_connection_check_interval = '9s'");
            session(holder, "select pg_advisory_lock(" + MigrationLock.PostgresAdvisoryLock.keyFor("tenant_a") + ")");
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, MIGRATIONS).withSchema("tenant_a")
                    .withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(Duration.ofMillis(300)));

            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertTrue(e.getMessage().startsWith("another runner has held the migration lock"), e.getMessage());
            assertEquals("pooled_app|local|9s|false", row(pooled, SESSION));
            assertEquals("0", row(pooled, "select count(*) from pg_tables where schemaname = 'tenant_a'"),
                    "the runner that waited created no version tables");

            session(holder, "select pg_advisory_unlock_all()");
            assertEquals(List.of("a10000000001", "a10000000002"), migrator.upgrade("head"));
            assertEquals("pooled_app|local|9s|false", row(pooled, SESSION));
        }
    }
}
