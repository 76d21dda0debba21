package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Migrator#withSchema}: the run happens in that schema (version tables included) and takes that schema's own
 * advisory lock, so a lock held for one schema does not block another; the key of {@code public} is the historical
 * one.
 */
class MigratorSchemaTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            MigratorSchemaTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.runners").load();

    @Test
    void lockKeysArePerSchemaAndPublicKeepsTheHistoricalOne() {
        assertEquals(0x6175746f67656eL, MigrationLock.PostgresAdvisoryLock.keyFor("public"));
        assertEquals(0x6175746f67656eL, MigrationLock.PostgresAdvisoryLock.keyFor(null));
        assertNotEquals(MigrationLock.PostgresAdvisoryLock.keyFor("tenant_a"),
                MigrationLock.PostgresAdvisoryLock.keyFor("tenant_b"));
        assertEquals(MigrationLock.PostgresAdvisoryLock.keyFor("tenant_a"),
                MigrationLock.PostgresAdvisoryLock.keyFor("tenant_a"));
    }

    @Test
    void theServerComputesTheSameKeyAsJavaInTheLocksOneRoundTrip() throws Exception {
        String url = TestDatabases.freshPostgres("schemakey");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String schema : List.of("public", "tenant_a", "Ünïcode Tenant", "t\"quoted")) {
                st.execute("create schema if not exists " + dev.autogen.sql.DdlRenderer.quoteIdentifier(schema));
                st.execute("set search_path to " + dev.autogen.sql.DdlRenderer.quoteIdentifier(schema));
                try (var rs = st.executeQuery("select " + MigrationLock.PostgresAdvisoryLock.KEY_SQL)) {
                    rs.next();
                    assertEquals(MigrationLock.PostgresAdvisoryLock.keyFor(schema), rs.getLong(1), schema);
                }
            }
            st.execute("set search_path to ''");
            try (var rs = st.executeQuery("select " + MigrationLock.PostgresAdvisoryLock.KEY_SQL)) {
                rs.next();
                assertEquals(MigrationLock.PostgresAdvisoryLock.keyFor(null), rs.getLong(1), "no schema");
            }
        }
    }

    @Test
    void aLockHeldForOneSchemaBlocksThatSchemaOnly() throws Exception {
        String url = TestDatabases.freshPostgres("schemalock");
        try (Connection holder = DriverManager.getConnection(url); Statement st = holder.createStatement()) {
            st.execute("create schema a");
            st.execute("create schema b");
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, MigrationLock.PostgresAdvisoryLock.keyFor("a"));
                lock.execute();
            }
            Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), Dialect.POSTGRESQL, MIGRATIONS)
                    .withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(Duration.ZERO));

            assertEquals(List.of("c00000000001", "c00000000002", "c00000000003"),
                    migrator.withSchema("b").upgrade("head"));
            var blocked = assertThrows(MigrationException.class, () -> migrator.withSchema("a").upgrade("head"));

            assertTrue(blocked.getMessage().startsWith("another runner has held the migration lock (PostgreSQL"
                    + " advisory lock " + MigrationLock.PostgresAdvisoryLock.keyFor("a") + ")"), blocked.getMessage());
            assertEquals(List.of("c00000000003"), migrator.withSchema("b").current());
            assertEquals(List.of(), migrator.withSchema("a").current());
            assertEquals(List.of(), migrator.current(), "public has no version rows");
        }
    }

    @Test
    void aMissingSchemaOrSqliteIsRefused() {
        String url = TestDatabases.freshPostgres("schemamissing");
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), Dialect.POSTGRESQL, MIGRATIONS);

        var missing = assertThrows(MigrationException.class, () -> migrator.withSchema("nope").upgrade("head"));

        assertEquals("schema nope does not exist in this database — create it first (create schema \"nope\") or"
                + " check its spelling", missing.getMessage());
        String sqlite = TestDatabases.freshSqlite("schema");
        var refused = assertThrows(IllegalArgumentException.class, () -> new Migrator(
                () -> DriverManager.getConnection(sqlite), Dialect.SQLITE, MIGRATIONS).withSchema("a"));
        assertEquals("SQLITE has no schemas: a migrator can work in a schema only on PostgreSQL",
                refused.getMessage());
    }
}
