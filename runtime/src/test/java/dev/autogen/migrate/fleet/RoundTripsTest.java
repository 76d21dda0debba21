package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.TenantBatch;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What one tenant schema costs a rollout, counted rather than timed (the machine's load does not move it): the round
 * trips between the migrator and PostgreSQL for a run that applies one revision, and for one that finds nothing to do.
 * Each {@code execute*} of a statement and each {@code commit}/{@code rollback} counts one; a JDBC batch and a
 * multi-statement string count one each, as pgjdbc sends them together. {@code psql} running the same revision by hand
 * takes 5 ({@code begin}, {@code set local search_path}, two DDL statements, {@code commit}); the migrator takes 3: its
 * session set up, locked and read in one ({@code PostgresRunSession}), the revision's batch, and the unlock with the
 * session's settings back; and 2 where a rollout's summary query saw the version tables (one transaction,
 * {@code PostgresTransactionRun}: no unlock, the commit ends the lock and the settings). The bench's fleet section
 * (bench/RESULTS.md) times the same path.
 */
class RoundTripsTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            RoundTripsTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.note").load();
    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit", "rollback");

    @Test
    void applyingOneRevisionToATenantSchemaTakesThreeRoundTrips() throws Exception {
        String url = TestDatabases.freshPostgres("roundtrips");
        execute(url, "create schema tenant_01");
        List<String> calls = new ArrayList<>();
        Migrator migrator = new Migrator(counting(ConnectionFactory.of(url, null, null), calls), Dialect.POSTGRESQL,
                MIGRATIONS).withSchema("tenant_01");
        migrator.upgrade("a10000000001");
        calls.clear();

        assertEquals(List.of("a10000000002"), migrator.upgrade("head"));

        // search_path, version tables, lock, session settings and both reads; the revision's batch (DDL, bookkeeping,
        // commit); unlock with the settings back
        assertEquals(3, calls.size(), String.join("\n", calls));
        assertEquals(List.of("a10000000002"), strings(url, "select revision from tenant_01.autogen_version"));

        calls.clear();
        assertEquals(List.of(), migrator.upgrade("head"));
        assertEquals(2, calls.size(), "nothing to do, under the lock: " + String.join("\n", calls));
    }

    @Test
    void aRunToldTheVersionTablesExistTakesTwoRoundTripsAndFallsBackWhenTheyAreGone() throws Exception {
        String url = TestDatabases.freshPostgres("roundtripsseen");
        execute(url, "create schema tenant_01", "create schema tenant_02");
        List<String> calls = new ArrayList<>();
        ConnectionFactory counted = counting(ConnectionFactory.of(url, null, null), calls);
        new Migrator(counted, Dialect.POSTGRESQL, MIGRATIONS).withSchema("tenant_01").upgrade("a10000000001");
        try (Connection c = ConnectionFactory.of(url, null, null).open()) {
            var found = FleetVersions.read(c, List.of("tenant_01", "tenant_02"));
            assertEquals(new FleetVersions.Found(List.of("a10000000001"), true), found.get("tenant_01").orElseThrow());
            assertEquals(new FleetVersions.Found(List.of(), false), found.get("tenant_02").orElseThrow());
        }
        calls.clear();

        assertEquals(List.of("a10000000002"), new Migrator(counted, Dialect.POSTGRESQL, MIGRATIONS)
                .withSchema("tenant_01").expectingVersionTables().upgrade("head"));

        // one transaction: set up, locked for it and read; the revision's batch, whose commit ends lock and settings
        assertEquals(2, calls.size(), String.join("\n", calls));
        assertTrue(calls.getFirst().contains("pg_try_advisory_xact_lock"), calls.getFirst());
        assertTrue(calls.stream().noneMatch(call -> call.contains("do $autogen$")), String.join("\n", calls));

        // told wrongly (no version tables in tenant_02): the set-up's read fails, is undone, the ordinary path runs
        calls.clear();
        assertEquals(List.of("a10000000001", "a10000000002"), new Migrator(counted, Dialect.POSTGRESQL, MIGRATIONS)
                .withSchema("tenant_02").expectingVersionTables().upgrade("head"));
        assertEquals(List.of("a10000000002"), strings(url, "select revision from tenant_02.autogen_version"));
        assertEquals(List.of("a10000000001", "a10000000002"),
                strings(url, "select revision from tenant_02.autogen_history order by revision"));
        assertEquals(List.of(), strings(url, "select objid::text from pg_locks where locktype = 'advisory'"));
    }

    @Test
    void aBatchOfTenTenantSchemasInALedgerTakesTwoRoundTrips() throws Exception {
        String url = TestDatabases.freshPostgres("roundtripsbatch");
        List<String> tenants = IntStream.rangeClosed(1, 10).mapToObj("t%02d"::formatted).toList();
        execute(url, tenants.stream().map(s -> "create schema " + s).toArray(String[]::new));
        TenantLedger ledger = new TenantLedger("autogen");
        Migrator migrator = new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, MIGRATIONS);
        for (String tenant : tenants) {
            migrator.withSchema(tenant).withLedger(ledger).upgrade("a10000000001");
        }
        TenantBatch batch = migrator.withSchema("t01").withLedger(ledger).tenantBatch(List.of("a10000000001"), "head",
                true).orElseThrow();
        List<String> calls = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        try (Connection c = counting(ConnectionFactory.of(url, null, null), calls).open()) {
            assertTrue(batch.run(c, tenants, notes::add), notes.toString());
            assertFalse(inTransaction(c), "the batch's own commit ended its transaction");
        }

        // the locks tried and the ledger read; every tenant's DDL, one ledger update, one history insert, commit
        assertEquals(2, calls.size(), String.join("\n", calls));
        assertEquals(Collections.nCopies(10, "a10000000002"), strings(url,
                "select revision from autogen.autogen_tenant_version order by tenant"));
        assertEquals(tenants, strings(url, "select table_schema from information_schema.columns where column_name"
                + " = 'note' order by 1"));
    }

    @Test
    void aSessionThatCommitsSynchronouslyIsMadeDurableAndRestoredInTheUnlockRoundTrip() throws Exception {
        String url = TestDatabases.freshPostgres("roundtripsdurable");
        execute(url, "create schema tenant_01");
        List<String> calls = new ArrayList<>();
        try (Connection pooled = ConnectionFactory.of(url, null, null).open()) {
            session(pooled, "set synchronous_commit = on", "set search_path = pooled_app");
            Connection lent = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : invoke(method, pooled, args));
            Migrator migrator = new Migrator(counting(() -> lent, calls), Dialect.POSTGRESQL, MIGRATIONS)
                    .withSchema("tenant_01");

            assertEquals(List.of("a10000000001", "a10000000002"), migrator.upgrade("head"));

            // set-up, two revisions committed asynchronously, the unlock that makes them durable
            assertEquals(4, calls.size(), String.join("\n", calls));
            assertTrue(calls.getLast().contains("txid_current()"), calls.getLast());
            assertEquals("on|pooled_app|false", row(pooled, "select current_setting('synchronous_commit') || '|'"
                    + " || current_setting('search_path') || '|' || exists (select from pg_locks where locktype ="
                    + " 'advisory' and pid = pg_backend_pid())"));
        }
    }

    private static void session(Connection c, String... statements) throws java.sql.SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static String row(Connection c, String sql) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Connections whose statements note each round trip in {@code calls}. */
    private static ConnectionFactory counting(ConnectionFactory raw, List<String> calls) {
        return () -> {
            Connection real = raw.open();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (ROUND_TRIPS.contains(method.getName()) && inTransaction(real)) {
                            calls.add(method.getName()); // pgjdbc sends commit/rollback only inside a transaction
                        }
                        Object result = invoke(method, real, args);
                        if (result instanceof Statement statement) {
                            return statement(statement, calls, args == null ? "" : String.valueOf(args[0]));
                        }
                        return result;
                    });
        };
    }

    private static boolean inTransaction(Connection c) throws java.sql.SQLException {
        return c.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                != org.postgresql.core.TransactionState.IDLE;
    }

    private static Object statement(Statement real, List<String> calls, String sql) {
        Class<?> type = real instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (ROUND_TRIPS.contains(method.getName())) {
                calls.add(method.getName() + " " + (args != null && args.length > 0 ? args[0] : sql));
            }
            return invoke(method, real, args);
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
