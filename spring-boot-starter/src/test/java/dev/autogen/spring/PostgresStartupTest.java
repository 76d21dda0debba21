package dev.autogen.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.AutogenMigrations;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.spring.actuate.AutogenEndpoint;
import dev.autogen.spring.app.Customer;
import dev.autogen.spring.app.CustomerRepository;
import dev.autogen.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Spring Boot applications with the starter, on a real PostgreSQL: migrated before JPA so that Hibernate's
 * {@code ddl-auto=validate} passes; two instances started together (one waits on the lock, nothing is applied twice);
 * an edited applied revision refusing start-up; tenant schemas; the actuator endpoint over HTTP.
 */
class PostgresStartupTest {
    /** The migrator's advisory-lock key for the schema {@code public} ("autogen" in ASCII, docs/migrations.md). */
    private static final long LOCK_KEY = 27432215686636910L;

    @Test
    void twoInstancesStartedTogetherMigrateOnceAndPassHibernatesValidation() throws Exception {
        String url = TestDatabases.freshPostgres("starter_pair");
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try (Connection holder = DriverManager.getConnection(url); Statement st = holder.createStatement()) {
            // the test holds the migration lock, so both instances must reach it and wait
            st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            Future<ConfigurableApplicationContext> first = starters.submit(() -> TestApps.start(url));
            Future<ConfigurableApplicationContext> second = starters.submit(() -> TestApps.start(url));
            awaitLockWaiters(st, 2, first, second);
            assertEquals(List.of(), TestApps.rows(url, "select tablename from pg_tables where tablename = 'customers'"),
                    "nothing is migrated while the lock is held");
            st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");

            try (ConfigurableApplicationContext a = first.get(3, TimeUnit.MINUTES);
                 ConfigurableApplicationContext b = second.get(3, TimeUnit.MINUTES)) {
                // each revision applied exactly once, by one of the two
                assertEquals(List.of("c0ffee000001 upgrade t", "c0ffee000002 upgrade t"), TestApps.rows(url,
                        "select revision, direction, success from autogen_history order by id"));
                assertEquals(List.of("c0ffee000002"), TestApps.rows(url, "select revision from autogen_version"));
                // both started with ddl-auto=validate, and JPA works on the migrated table from either
                a.getBean(CustomerRepository.class).save(new Customer("Ada", "+44 1"));
                assertEquals(List.of("Ada"), b.getBean(CustomerRepository.class).findByPhone("+44 1").stream()
                        .map(Customer::getName).toList());
                assertEquals(List.of("ix_customers_phone"), TestApps.rows(url,
                        "select indexname from pg_indexes where tablename = 'customers' and indexname like 'ix%'"));
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private static void awaitLockWaiters(Statement st, int waiters, Future<?>... starts) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (ResultSet rs = st.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                    + " and not granted")) {
                rs.next();
                if (rs.getInt(1) == waiters) {
                    return;
                }
            }
            for (Future<?> start : starts) {
                if (start.isDone()) {
                    start.get(); // a start that failed says why
                }
            }
            assertTrue(System.nanoTime() < deadline, "both instances should be waiting for the migration lock");
            Thread.sleep(100);
        }
    }

    @Test
    void anEditedAppliedRevisionStopsStartUpAndAppliesNothing() {
        String url = TestDatabases.freshPostgres("starter_edited");
        AutogenMigrations.forConnections(ConnectionFactory.of(url, null, null)).migrationsIn("db.migration")
                .appliedBy("deploy").upgrade();

        // the code now ships V0002 edited (a wider phone) and a new V0003
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> TestApps.start(url, "autogen.migrations-package=dev.autogen.spring.edited").close());

        AutogenStartupException cause = TestApps.startupFailure(failure);
        assertNotNull(cause, () -> "expected an AutogenStartupException in " + failure);
        assertTrue(cause.getMessage().startsWith("the database does not match the migrations in package"
                + " dev.autogen.spring.edited; nothing was applied:\nrevision c0ffee000002 (V0002_AddPhone) was"
                + " edited after it was applied (upgrade "), cause::getMessage);
        assertTrue(cause.getMessage().endsWith("restore the applied version and put the change in a new revision"),
                cause::getMessage);
        FailureAnalysis analysis = new AutogenStartupFailureAnalyzer().analyze(failure);
        assertEquals(cause.getMessage(), analysis.getDescription());
        assertTrue(analysis.getAction().contains("autogen.validate-on-start=false"), analysis::getAction);
        // no partial damage: V0003 did not run
        assertEquals(List.of("c0ffee000002"), TestApps.rows(url, "select revision from autogen_version"));
        assertEquals(List.of(), TestApps.rows(url, "select tablename from pg_tables where tablename = 'notes'"));
        assertEquals(List.of("2"), TestApps.rows(url, "select count(*) from autogen_history"));
    }

    @Test
    void tenantSchemasAreEachMigratedWithTheirOwnVersionTables() {
        String url = TestDatabases.freshPostgres("starter_tenants");
        try (ConfigurableApplicationContext app = TestApps.start(url,
                "autogen.schemas=tenant_a,tenant_b", "autogen.create-schemas=true", "autogen.parallelism=2",
                // Hibernate validates the tenant the application's own entity manager works in
                "spring.jpa.properties.hibernate.default_schema=tenant_a")) {
            for (String schema : List.of("tenant_a", "tenant_b")) {
                assertEquals(List.of("c0ffee000001", "c0ffee000002"), TestApps.rows(url, "select revision from "
                        + schema + ".autogen_history order by id"), schema);
            }
            assertEquals(List.of("tenant_a customers", "tenant_b customers"), TestApps.rows(url,
                    "select schemaname, tablename from pg_tables where tablename = 'customers' order by 1"));

            List<String> listed = new AutogenEndpoint(app.getBean(ApplicationMigrations.class)).revisions().schemas()
                    .stream().map(s -> s.schema() + " " + s.current() + " " + s.revisions().stream()
                            .map(r -> r.state() + ":" + r.checksumOk()).toList()).toList();
            assertEquals(List.of("tenant_a [c0ffee000002] [applied:true, applied:true]",
                    "tenant_b [c0ffee000002] [applied:true, applied:true]"), listed);
        }
    }

    @Test
    void theActuatorEndpointListsEachRevisionsStateOverHttp() throws Exception {
        String url = TestDatabases.freshPostgres("starter_actuator");
        // stop at the first revision: the entity's phone column is missing, so Hibernate must not validate here
        try (ConfigurableApplicationContext app = TestApps.start(url, "server.port=0",
                "autogen.target=c0ffee000001", "autogen.applied-by=orders-service",
                "spring.jpa.hibernate.ddl-auto=none", "management.endpoints.web.exposure.include=autogen")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/autogen")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response::body);
            JsonNode body = JsonMapper.builder().build().readTree(response.body());
            assertEquals("db.migration", body.get("migrationsPackage").asString());
            assertEquals("c0ffee000001", body.get("target").asString());
            JsonNode database = body.get("schemas").get(0);
            assertTrue(database.get("schema").isNull(), response::body);
            assertEquals("[\"c0ffee000001\"]", database.get("current").toString());
            JsonNode applied = database.get("revisions").get(0);
            JsonNode pending = database.get("revisions").get(1);
            assertEquals(List.of("c0ffee000001", "create customers", "applied", "orders-service", "true"),
                    List.of(applied.get("id").asString(), applied.get("message").asString(),
                            applied.get("state").asString(), applied.get("appliedBy").asString(),
                            applied.get("checksumOk").toString()), response::body);
            assertTrue(applied.get("appliedAt").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), response::body);
            assertEquals(List.of("c0ffee000002", "pending", "null", "null", "[\"c0ffee000001\"]"),
                    List.of(pending.get("id").asString(), pending.get("state").asString(),
                            pending.get("appliedAt").toString(), pending.get("checksumOk").toString(),
                            pending.get("parents").toString()), response::body);
            assertEquals("[]", database.get("problems").toString());
        }
    }
}
