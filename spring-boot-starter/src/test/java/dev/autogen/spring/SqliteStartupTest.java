package dev.autogen.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.AutogenMigrations;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.spring.app.Customer;
import dev.autogen.spring.app.CustomerRepository;
import dev.autogen.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications with the starter, on a SQLite file: two instances started together while the database's
 * write lock is taken (they wait, then apply each revision once) and pass Hibernate's validation; a database ahead
 * of the code refusing start-up; a failing revision rolled back; {@code autogen.enabled=false}.
 */
class SqliteStartupTest {

    @Test
    void twoInstancesStartedTogetherMigrateOnceAndPassHibernatesValidation() throws Exception {
        String url = TestDatabases.freshSqlite("starter-pair");
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try (Connection holder = DriverManager.getConnection(url); Statement st = holder.createStatement()) {
            // SQLite's write lock is the migrator's lock: hold it while both instances start
            st.execute("create table held (x integer)");
            holder.setAutoCommit(false);
            st.execute("insert into held values (1)");
            Future<ConfigurableApplicationContext> first = starters.submit(() -> TestApps.start(url));
            Future<ConfigurableApplicationContext> second = starters.submit(() -> TestApps.start(url));
            Thread.sleep(3000);
            assertTrue(!first.isDone() && !second.isDone(), "both wait for the write lock");
            holder.commit();

            try (ConfigurableApplicationContext a = first.get(3, TimeUnit.MINUTES);
                 ConfigurableApplicationContext b = second.get(3, TimeUnit.MINUTES)) {
                assertEquals(List.of("c0ffee000001 upgrade 1", "c0ffee000002 upgrade 1"), TestApps.rows(url,
                        "select revision, direction, success from autogen_history order by id"));
                assertEquals(List.of("c0ffee000002"), TestApps.rows(url, "select revision from autogen_version"));
                a.getBean(CustomerRepository.class).save(new Customer("Grace", "+1 2"));
                assertEquals(List.of("Grace"), b.getBean(CustomerRepository.class).findByPhone("+1 2").stream()
                        .map(Customer::getName).toList());
            }
        } finally {
            starters.shutdownNow();
        }
    }

    @Test
    void aContractRevisionWaitsUnlessAutogenContractIsSet() {
        String url = TestDatabases.freshSqlite("starter-contract");
        String migrations = "autogen.migrations-package=dev.autogen.spring.contract";
        try (ConfigurableApplicationContext app = TestApps.start(url, migrations)) {
            assertEquals(List.of("c0ffee000001"), TestApps.rows(url, "select revision from autogen_version"));
            assertEquals(List.of("fax"), TestApps.rows(url, "select name from pragma_table_info('customers')"
                    + " where name = 'fax'"));
        }
        try (ConfigurableApplicationContext app = TestApps.start(url, migrations, "autogen.contract=true")) {
            assertEquals(List.of("c0ffee00000f"), TestApps.rows(url, "select revision from autogen_version"));
            assertEquals(List.of(), TestApps.rows(url, "select name from pragma_table_info('customers')"
                    + " where name = 'fax'"));
        }
    }

    @Test
    void aDatabaseAheadOfTheCodeStopsStartUp() {
        String url = TestDatabases.freshSqlite("starter-ahead");
        AutogenMigrations.forConnections(ConnectionFactory.of(url, null, null)).migrationsIn("db.migration")
                .appliedBy("deploy").upgrade();

        // an older build, which knows only V0001, starts against the migrated database
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> TestApps.start(url, "autogen.migrations-package=dev.autogen.spring.behind").close());

        AutogenStartupException cause = TestApps.startupFailure(failure);
        assertNotNull(cause, () -> "expected an AutogenStartupException in " + failure);
        assertTrue(cause.getMessage().startsWith("the database does not match the migrations in package"
                + " dev.autogen.spring.behind; nothing was applied:\nthe database is at revision c0ffee000002"
                + " (upgrade "), cause::getMessage);
        assertTrue(cause.getMessage().endsWith("the database is ahead of this code — update this checkout, or"
                + " restore the deleted migration"), cause::getMessage);
        assertEquals(List.of("c0ffee000002"), TestApps.rows(url, "select revision from autogen_version"));
    }

    @Test
    void autogenEnabledFalseLeavesTheDatabaseAlone() {
        String url = TestDatabases.freshSqlite("starter-off");
        try (ConfigurableApplicationContext app = TestApps.start(url, "autogen.enabled=false",
                "spring.jpa.hibernate.ddl-auto=none")) {
            assertEquals(0, app.getBeanNamesForType(ApplicationMigrations.class).length);
            assertEquals(List.of(), TestApps.rows(url, "select name from sqlite_master where type = 'table'"));
        }
    }

    @Test
    void aFailingRevisionStopsStartUpAndIsRolledBack() {
        String url = TestDatabases.freshSqlite("starter-broken");

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> TestApps.start(url, "autogen.migrations-package=dev.autogen.spring.broken").close());

        AutogenStartupException cause = TestApps.startupFailure(failure);
        assertNotNull(cause, () -> "expected an AutogenStartupException in " + failure);
        assertTrue(cause.getMessage().startsWith("autogen could not migrate the database at start-up: revision"
                + " c0ffee0000b2 (broken) failed at statement: insert into no_such_table values (1); database says: "),
                cause::getMessage);
        assertTrue(cause.getMessage().contains("no such table: no_such_table"), cause::getMessage);
        // the revision before it stays; the failed one left nothing, not even its first statement's table
        assertEquals(List.of("c0ffee000001"), TestApps.rows(url, "select revision from autogen_version"));
        assertEquals(List.of("autogen_history", "autogen_version", "customers"), TestApps.rows(url,
                "select name from sqlite_master where type = 'table' order by name"));
    }
}
