package dev.autogen.migrate.tenants;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static dev.autogen.testing.TestSql.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Schema-per-tenant runs on a real PostgreSQL: each schema gets its own version tables and its own copy of every
 * table, a failing schema stops alone and is finished by a rerun, schemas migrate in parallel, and two fleets started
 * together never apply a revision twice in one schema. The fixtures insert one {@code events} row per revision, so a
 * revision applied twice would show.
 */
class SchemaFleetTest {
    private static final List<String> REVISIONS = List.of("c00000000001", "c00000000002", "c00000000003");
    private static final List<String> TABLES = List.of("autogen_history", "autogen_version", "events", "orders",
            "users");
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            SchemaFleetTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.runners").load();

    @Test
    void twentySchemasOneFailingTheOthersReachHeadAndARerunFinishesIt() throws Exception {
        String url = TestDatabases.freshPostgres("fleet");
        List<String> schemas = IntStream.rangeClosed(1, 20).mapToObj(i -> "tenant_%02d".formatted(i)).toList();
        execute(url, schemas.stream().map(s -> "create schema " + s).toArray(String[]::new));
        // tenant_07 already has a users table: the first revision's create table fails there
        execute(url, "create table tenant_07.users (legacy integer)");
        var connections = new CountingConnections(url);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        SchemaFleet fleet = SchemaFleet.of(connections, MIGRATIONS).parallelism(4)
                .listener((schema, line) -> lines.add(schema + ": " + line));

        FleetReport first = fleet.upgrade(schemas, "head");

        assertEquals(schemas, first.outcomes().stream().map(SchemaOutcome::schema).toList(), "in the order given");
        assertEquals(List.of("tenant_07"), first.failed().stream().map(SchemaOutcome::schema).toList());
        SchemaOutcome.Failed failed = first.failed().get(0);
        assertEquals("c00000000001", failed.revision());
        assertEquals(List.of(), failed.applied());
        assertEquals(List.of(), failed.current());
        assertTrue(failed.message().contains("relation \"users\" already exists"), failed.message());
        for (String schema : schemas) {
            if (schema.equals("tenant_07")) {
                continue;
            }
            assertEquals(new SchemaOutcome.Migrated(schema, REVISIONS, List.of("c00000000003")),
                    outcome(first, schema));
            assertAtHead(url, schema);
        }
        // nothing of the failed revision is left: no events table, no version row, no history row
        assertEquals(List.of("autogen_history", "autogen_version", "users"), tables(url, "tenant_07"));
        assertEquals(List.of(), strings(url, "select revision from tenant_07.autogen_version"));
        assertEquals(List.of(), strings(url, "select revision from tenant_07.autogen_history"));
        assertEquals(List.of(), tables(url, "public"), "nothing went to public");
        assertTrue(connections.maxOpen.get() >= 2, "schemas migrated in parallel: " + connections.maxOpen);
        assertTrue(connections.maxOpen.get() <= 4, "at most 4 at a time: " + connections.maxOpen);
        assertTrue(lines.stream().anyMatch(
                l -> l.startsWith("tenant_01: applying c00000000002 orders … ")), lines.toString());
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("waiting for the migration lock")).toList(),
                "schemas have their own locks: none waited for another");
        assertEquals(Set.of("\"$user\", public"), connections.searchPathsAtClose,
                "every connection's search_path was restored before it was closed");

        execute(url, "drop table tenant_07.users");
        FleetReport rerun = fleet.upgrade(schemas, "head");

        assertTrue(rerun.allMigrated(), rerun.toString());
        assertEquals(new SchemaOutcome.Migrated("tenant_07", REVISIONS, List.of("c00000000003")),
                outcome(rerun, "tenant_07"));
        for (String schema : schemas) {
            if (!schema.equals("tenant_07")) {
                assertEquals(List.of(), ((SchemaOutcome.Migrated) outcome(rerun, schema)).applied(), schema);
            }
            assertAtHead(url, schema);
        }
    }

    @Test
    void twoFleetsStartedTogetherApplyEachRevisionOncePerSchema() throws Exception {
        String url = TestDatabases.freshPostgres("fleets");
        List<String> schemas = IntStream.rangeClosed(1, 8).mapToObj(i -> "t" + i).toList();
        execute(url, schemas.stream().map(s -> "create schema " + s).toArray(String[]::new));
        SchemaFleet fleet = SchemaFleet.of(() -> DriverManager.getConnection(url), MIGRATIONS).parallelism(4);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<FleetReport> reports = new ArrayList<>();
        try {
            List<Future<FleetReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return fleet.upgrade(schemas, "head");
                }));
            }
            for (Future<FleetReport> run : runs) {
                reports.add(run.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        for (String schema : schemas) {
            List<String> appliedByBoth = new ArrayList<>();
            for (FleetReport report : reports) {
                appliedByBoth.addAll(((SchemaOutcome.Migrated) outcome(report, schema)).applied());
            }
            assertEquals(REVISIONS, appliedByBoth.stream().sorted().toList(), schema + ": each revision by one fleet");
            assertAtHead(url, schema);
        }
    }

    @Test
    void aMissingSchemaIsRefusedUnlessTheFleetMayCreateIt() throws Exception {
        String url = TestDatabases.freshPostgres("fleetmissing");
        execute(url, "create schema present");
        SchemaFleet fleet = SchemaFleet.of(() -> DriverManager.getConnection(url), MIGRATIONS);

        var refused = assertThrows(MigrationException.class,
                () -> fleet.upgrade(List.of("present", "Absent Tenant"), "head"));

        assertEquals("schema Absent Tenant does not exist — create it first, or let the fleet create missing"
                + " schemas; nothing was migrated", refused.getMessage());
        assertEquals(List.of(), tables(url, "present"), "nothing ran");

        FleetReport created = fleet.createMissingSchemas(true).upgrade(List.of("present", "Absent Tenant"), "head");

        assertTrue(created.allMigrated(), created.toString());
        assertAtHead(url, "present");
        assertAtHead(url, "Absent Tenant");
    }

    @Test
    void schemasListedByAQueryComeInItsOrder() throws Exception {
        String url = TestDatabases.freshPostgres("fleetquery");
        execute(url, "create schema tenant_b", "create schema tenant_a", "create schema other");
        SchemaFleet fleet = SchemaFleet.of(() -> DriverManager.getConnection(url), MIGRATIONS);

        assertEquals(List.of("tenant_a", "tenant_b"), fleet.schemasListedBy(
                "select nspname from pg_namespace where nspname like 'tenant\\_%' order by 1"));
    }

    private static SchemaOutcome outcome(FleetReport report, String schema) {
        return report.outcomes().stream().filter(o -> o.schema().equals(schema)).findFirst().orElseThrow();
    }

    private static void assertAtHead(String url, String schema) throws SQLException {
        assertEquals(TABLES, tables(url, schema), schema);
        String q = "\"" + schema + "\"";
        assertEquals(List.of("c00000000003"), strings(url, "select revision from " + q + ".autogen_version"), schema);
        assertEquals(REVISIONS, strings(url, "select revision from " + q + ".autogen_history"
                + " where direction = 'upgrade' order by id"), schema + ": one history row per revision");
        assertEquals(REVISIONS, strings(url, "select revision from " + q + ".events order by revision"),
                schema + ": each revision ran once");
    }

    /**
     * Connections that count how many are open at once (the fleet's parallelism) and record each one's
     * {@code search_path} when it is closed (a pool would hand it to the application next).
     */
    private static final class CountingConnections implements ConnectionFactory {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();
        final Set<String> searchPathsAtClose = ConcurrentHashMap.newKeySet();
        private final String url;

        CountingConnections(String url) {
            this.url = url;
        }

        @Override
        public Connection open() throws SQLException {
            Connection raw = DriverManager.getConnection(url);
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            try (Statement st = raw.createStatement();
                                 ResultSet rs = st.executeQuery("show search_path")) {
                                rs.next();
                                searchPathsAtClose.add(rs.getString(1));
                            }
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(raw, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
