package dev.autogen.migrate.fleet;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What one tenant schema costs a rollout, counted rather than timed (the machine's load does not move it): the round
 * trips between the migrator and PostgreSQL for a run that applies one revision, and for one that finds nothing to do.
 * Each {@code execute*} of a statement and each {@code commit}/{@code rollback} counts one; a JDBC batch and a
 * multi-statement string count one each, as pgjdbc sends them together. {@code psql} running the same revision by hand
 * takes 5 ({@code begin}, {@code set local search_path}, two DDL statements, {@code commit}); the migrator adds the
 * lock, the session settings it restores afterwards, reading the version tables and writing them. The bench's fleet
 * section (bench/RESULTS.md) times the same path.
 */
class RoundTripsTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            RoundTripsTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.note").load();
    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit", "rollback");

    @Test
    void applyingOneRevisionToATenantSchemaTakesSevenRoundTrips() throws Exception {
        String url = TestDatabases.freshPostgres("roundtrips");
        execute(url, "create schema tenant_01");
        List<String> calls = new ArrayList<>();
        Migrator migrator = new Migrator(counting(ConnectionFactory.of(url, null, null), calls), Dialect.POSTGRESQL,
                MIGRATIONS).withSchema("tenant_01");
        migrator.upgrade("a10000000001");
        calls.clear();

        assertEquals(List.of("a10000000002"), migrator.upgrade("head"));

        // search_path, lock, version tables + synchronous_commit, version rows + history, the revision's batch (DDL,
        // bookkeeping, commit), unlock, search_path back; and making the run durable where the server's
        // synchronous_commit is on (the embedded test servers run with it off)
        int durable = strings(url, "show synchronous_commit").equals(List.of("off")) ? 0 : 1;
        assertEquals(7 + durable, calls.size(), String.join("\n", calls));
        assertEquals(List.of("a10000000002"), strings(url, "select revision from tenant_01.autogen_version"));

        calls.clear();
        assertEquals(List.of(), migrator.upgrade("head"));
        assertEquals(6 + durable, calls.size(), "nothing to do, under the lock: " + String.join("\n", calls));
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
