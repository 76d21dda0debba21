package dev.autogen.migrate;

import static dev.autogen.dsl.Dsl.bigint;
import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.migrate.LentSessions.lending;
import static dev.autogen.migrate.LentSessions.row;
import static dev.autogen.migrate.LentSessions.session;
import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A migrator told that the version tables exist ({@link Migrator#expectingVersionTables}, as a fleet rollout tells it)
 * runs a path that fits in one transaction there ({@link PostgresTransactionRun}) and anything else on the session
 * lock, with the same outcome either way: the schema and the version and history rows as the migrations say, nothing
 * applied twice, an edited revision refused before anything runs, and a pooled connection lent to it given back with
 * its own settings and no lock.
 */
class PostgresTransactionRunTest {
    private static final List<LoadedMigration> NOTE = new ClassPathMigrationSource(
            PostgresTransactionRunTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.note").load();
    private static final String SESSION = "select current_setting('search_path') || '|'"
            + " || current_setting('synchronous_commit') || '|' || current_setting('client_connection_check_interval')"
            + " || '|' || exists (select from pg_locks where locktype = 'advisory' and pid = pg_backend_pid())";
    private static final String LENT_AS = "pooled_app|local|9s|false";

    @Test
    void oneRevisionRunsInOneTransactionAndTheLentSessionComesBackAsItWas() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_one");
        execute(url, "create schema tenant_a");
        new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                .upgrade("a10000000001");
        try (Connection pooled = lent(url)) {
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                    .expectingVersionTables();

            assertEquals(List.of("a10000000002"), migrator.upgrade("head"));

            assertEquals(LENT_AS, row(pooled, SESSION));
            assertEquals(List.of("a10000000002"), strings(url, "select revision from tenant_a.autogen_version"));
            assertEquals(List.of("a10000000001 upgrade", "a10000000002 upgrade"), strings(url,
                    "select revision || ' ' || direction from tenant_a.autogen_history order by id"));
            assertEquals(List.of("note"), strings(url, "select column_name from information_schema.columns"
                    + " where table_schema = 'tenant_a' and table_name = 't01' and column_name = 'note'"));

            assertEquals(List.of(), migrator.upgrade("head"), "nothing left: nothing runs twice");
            assertEquals(List.of("a10000000002", "a10000000001"), migrator.downgrade("base"),
                    "two revisions to revert: on the session lock");
            assertEquals(LENT_AS, row(pooled, SESSION));
            assertEquals(List.of(), strings(url, "select revision from tenant_a.autogen_version"));
        }
    }

    @Test
    void rowsMovedBehindTheCallersBackAreReadUnderTheLockAndNothingRunsTwice() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_moved");
        execute(url, "create schema tenant_a", "create schema tenant_b");
        ConnectionFactory connections = ConnectionFactory.of(url, null, null);
        for (String schema : List.of("tenant_a", "tenant_b")) {
            new Migrator(connections, Dialect.POSTGRESQL, NOTE).withSchema(schema).upgrade("a10000000001");
        }
        // as a rollout would see them, then changed before it runs: tenant_a already at head, tenant_b back at base
        new Migrator(connections, Dialect.POSTGRESQL, NOTE).withSchema("tenant_a").upgrade("head");
        new Migrator(connections, Dialect.POSTGRESQL, NOTE).withSchema("tenant_b").downgrade("base");

        assertEquals(List.of(), new Migrator(connections, Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                .expectingVersionTables().upgrade("head"));
        assertEquals(List.of("a10000000001", "a10000000002"), new Migrator(connections, Dialect.POSTGRESQL, NOTE)
                .withSchema("tenant_b").expectingVersionTables().upgrade("head"), "two revisions: on the session lock");

        for (String schema : List.of("tenant_a", "tenant_b")) {
            assertEquals(List.of("a10000000002"), strings(url, "select revision from " + schema + ".autogen_version"));
        }
        assertEquals(List.of("a10000000001 upgrade", "a10000000002 upgrade"), strings(url,
                "select revision || ' ' || direction from tenant_a.autogen_history order by id"));
        assertEquals(List.of("a10000000001 upgrade", "a10000000001 downgrade", "a10000000001 upgrade",
                "a10000000002 upgrade"), strings(url,
                "select revision || ' ' || direction from tenant_b.autogen_history order by id"));
        assertEquals(List.of(), strings(url, "select objid::text from pg_locks where locktype = 'advisory'"));
    }

    @Test
    void anEditedRevisionIsRefusedBeforeAnythingRuns() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_edited");
        execute(url, "create schema tenant_a");
        new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                .upgrade("a10000000001");
        execute(url, "update tenant_a.autogen_history set checksum = 'edited'");
        try (Connection pooled = lent(url)) {
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                    .expectingVersionTables();

            assertThrows(EditedRevisionsException.class, () -> migrator.upgrade("head"));

            assertEquals(LENT_AS, row(pooled, SESSION));
            assertEquals(List.of("a10000000001"), strings(url, "select revision from tenant_a.autogen_version"));
            assertEquals(List.of(), strings(url, "select column_name from information_schema.columns"
                    + " where table_schema = 'tenant_a' and column_name = 'note'"));
        }
    }

    @Test
    void aFailingRevisionLeavesNothingAndTheRerunAppliesIt() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_failing");
        execute(url, "create schema tenant_a");
        new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                .upgrade("a10000000001");
        execute(url, "create index ix_t01_note on tenant_a.t01 (id)"); // the revision's index name is taken
        try (Connection pooled = lent(url)) {
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                    .expectingVersionTables();

            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertTrue(e.getMessage().contains("ix_t01_note"), e.getMessage());
            assertEquals(LENT_AS, row(pooled, SESSION));
            assertEquals(List.of("a10000000001"), strings(url, "select revision from tenant_a.autogen_version"));
            assertEquals(List.of("1"), strings(url, "select count(*)::text from tenant_a.autogen_history"));
            assertEquals(List.of(), strings(url, "select column_name from information_schema.columns"
                    + " where table_schema = 'tenant_a' and column_name = 'note'"));

            execute(url, "drop index tenant_a.ix_t01_note");
            assertEquals(List.of("a10000000002"), migrator.upgrade("head"));
            assertEquals(List.of("a10000000002"), strings(url, "select revision from tenant_a.autogen_version"));
        }
    }

    @Test
    void aBusyLockIsWaitedForOnTheSessionLockWithNothingWritten() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_busy");
        execute(url, "create schema tenant_a");
        new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                .upgrade("a10000000001");
        try (Connection pooled = lent(url); Connection holder = ConnectionFactory.of(url, null, null).open()) {
            session(holder, "select pg_advisory_lock(" + MigrationLock.PostgresAdvisoryLock.keyFor("tenant_a") + ")");
            Migrator migrator = new Migrator(lending(pooled), Dialect.POSTGRESQL, NOTE).withSchema("tenant_a")
                    .expectingVersionTables()
                    .withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(Duration.ofMillis(300)));

            MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertTrue(e.getMessage().startsWith("another runner has held the migration lock"), e.getMessage());
            assertEquals(LENT_AS, row(pooled, SESSION));
            assertEquals(List.of("a10000000001"), strings(url, "select revision from tenant_a.autogen_version"));

            session(holder, "select pg_advisory_unlock_all()");
            assertEquals(List.of("a10000000002"), migrator.upgrade("head"));
        }
    }

    @Test
    void aRevisionThatMayCommitOnItsOwnRunsOnTheSessionLock() throws Exception {
        String url = TestDatabases.freshPostgres("txrun_raw");
        execute(url, "create schema tenant_a");
        List<LoadedMigration> migrations = List.of(
                migration("b1", List.of(), s -> s.createTable(table("t01").column(column("id", bigint())))),
                migration("b2", List.of("b1"), s -> s.execute("insert into t01 values (1); insert into t01 values (2)")),
                migration("b3", List.of("b2"), s -> s.createIndex("ix_t01_id", "t01", "id").online()),
                migration("b4", List.of("b3"), s -> s.run("a Java step", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("insert into t01 values (3)");
                    }
                })));
        ConnectionFactory connections = ConnectionFactory.of(url, null, null);
        new Migrator(connections, Dialect.POSTGRESQL, migrations).withSchema("tenant_a").upgrade("b1");
        List<String> lines = new ArrayList<>();
        Migrator migrator = new Migrator(connections, Dialect.POSTGRESQL, migrations).withSchema("tenant_a")
                .expectingVersionTables().withListener(lines::add);

        assertEquals(List.of("b2"), migrator.upgrade("+1"), "raw SQL");
        assertEquals(List.of("b3"), migrator.upgrade("+1"), "an online index, built concurrently");
        assertEquals(List.of("b4"), migrator.upgrade("+1"), "a Java step");

        assertEquals(List.of("1", "2", "3"), strings(url, "select id::text from tenant_a.t01 order by id"));
        assertEquals(List.of("b4"), strings(url, "select revision from tenant_a.autogen_version"));
        assertEquals(List.of("b1", "b2", "b3", "b4"), strings(url,
                "select revision from tenant_a.autogen_history order by id"));
        assertEquals(List.of("ix_t01_id"), strings(url, "select indexname from pg_indexes where schemaname = 'tenant_a'"
                + " and indexname = 'ix_t01_id'"));
        assertEquals(3, lines.stream().filter(l -> l.startsWith("applying")).count(), String.join("\n", lines));
    }

    private static LoadedMigration migration(String id, List<String> parents, Consumer<SchemaChanges> upgrade) {
        return TestMigrations.upgrading(id, parents, "", "m.V_" + id, upgrade);
    }

    /** A session with settings of an application's own, as a pool would lend it. */
    private static Connection lent(String url) throws SQLException {
        Connection c = ConnectionFactory.of(url, null, null).open();
        session(c, "set search_path = pooled_app", "set synchronous_commit = local",
                "set client_connection_check_interval = '9s'");
        return c;
    }
}
