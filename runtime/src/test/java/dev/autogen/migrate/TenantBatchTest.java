package dev.autogen.migrate;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.rows;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantBatch} on a real PostgreSQL server: a batch that cannot have every tenant's lock, or finds a tenant
 * moved since the rollout read it, writes nothing and says why; a path with raw SQL has no batch; a batch that may
 * run moves its tenants' DDL and ledger rows together.
 */
class TenantBatchTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            TenantBatchTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.ledger").load();
    private static final String USERS = "d00000000001";
    private static final String PHONE = "d00000000002";
    private static final TenantLedger LEDGER = new TenantLedger("autogen");

    @Test
    void aBatchThatCannotLockOrFindsATenantMovedWritesNothingAndSaysWhy() throws Exception {
        String url = TestServers.freshDatabase(0, "batch");
        execute(url, "create schema a", "create schema b");
        Migrator migrator = new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, MIGRATIONS);
        for (String tenant : List.of("a", "b")) {
            migrator.withSchema(tenant).withLedger(LEDGER).upgrade(USERS);
        }
        assertEquals(List.of("a " + USERS, "b " + USERS), ledgerRows(url));
        TenantBatch batch = migrator.withSchema("a").withLedger(LEDGER).tenantBatch(List.of(USERS), PHONE, true)
                .orElseThrow();
        List<String> notes = new ArrayList<>();
        // two statements a tenant (add column, create index): at most 128 tenants keep a batch within 256 locks
        assertEquals(50, batch.tenantsPerTransaction(50));
        assertEquals(TenantBatch.STATEMENTS_PER_BATCH / 2, batch.tenantsPerTransaction(1000));

        try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement();
             Connection c = DriverManager.getConnection(url)) {
            st.execute("select pg_advisory_lock(" + MigrationLock.PostgresAdvisoryLock.keyFor("b") + ")");
            assertFalse(batch.run(c, List.of("a", "b"), notes::add));
            assertTrue(c.getAutoCommit());
        }
        assertEquals(List.of("another runner holds 1 of the batch's 2 tenant locks"), notes);
        assertEquals(List.of(), phoneColumns(url), "nothing of the batch was applied");

        migrator.withSchema("b").withLedger(LEDGER).upgrade(PHONE); // b moves on by its own run
        notes.clear();
        try (Connection c = DriverManager.getConnection(url)) {
            assertFalse(batch.run(c, List.of("a", "b"), notes::add));
        }
        assertEquals(List.of("tenant b is at " + PHONE + ", not where the rollout read it"), notes);
        assertEquals(List.of("b"), phoneColumns(url));
        assertEquals(List.of("a " + USERS, "b " + PHONE), ledgerRows(url));

        assertTrue(migrator.withSchema("a").withLedger(LEDGER).tenantBatch(List.of(PHONE), "head", true).isEmpty(),
                "raw SQL runs tenant by tenant");
        assertTrue(migrator.withSchema("a").tenantBatch(List.of(USERS), PHONE, true).isEmpty(), "no ledger, no batch");

        try (Connection c = DriverManager.getConnection(url)) {
            assertTrue(batch.run(c, List.of("a"), notes::add));
        }
        assertEquals(List.of("a", "b"), phoneColumns(url));
        assertEquals(List.of("a " + PHONE, "b " + PHONE), ledgerRows(url));
        assertEquals(List.of(USERS + " upgrade", PHONE + " upgrade"), rows(url, "select revision, direction from"
                + " autogen.autogen_tenant_history where tenant = 'a' order by id"));
        assertEquals(List.of(PHONE), migrator.withSchema("a").withLedger(LEDGER).current());

        // a run that does not know the ledger refuses rather than start tenant a again from base
        MigrationException refused = assertThrows(MigrationException.class,
                () -> migrator.withSchema("a").upgrade("head"));
        assertEquals("schema a keeps its versions in the tenant ledger in schema autogen — nothing was run; migrate it"
                + " through --targets with ledger=autogen on its line (from Java: Migrator.withLedger)",
                refused.getMessage());
        assertEquals(List.of(), strings(url, "select table_name from information_schema.tables where table_schema ="
                + " 'a' and table_name like 'autogen%'"), "no version tables of its own were created");
    }

    private static List<String> ledgerRows(String url) throws Exception {
        return rows(url, "select tenant, revision from autogen.autogen_tenant_version order by 1");
    }

    private static List<String> phoneColumns(String url) throws Exception {
        return strings(url, "select table_schema from information_schema.columns where column_name = 'phone'"
                + " order by 1");
    }
}
