package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL statements that cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY}): they run in
 * autocommit under the session timeouts, a failure names what it left (an INVALID index), and the next run finishes
 * the revision.
 */
class PostgresAutocommitTest {
    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private String url;

    @BeforeEach
    void database() {
        url = TestDatabases.freshPostgres("autocommit");
        MigrationFiles.write(dir, "V0001_Items", "aaa111", null, "items", List.of(
                "create table items (id integer primary key, name text, code text)",
                "insert into items (id, name, code) values (1, 'a', 'x'), (2, 'b', 'x'), (3, 'c', 'y')"),
                List.of("drop table items"));
    }

    private Migrator migrator(MigrationTimeouts timeouts) {
        return new Migrator(() -> DriverManager.getConnection(url), Dialect.POSTGRESQL,
                new SourceDirectoryMigrationSource(dir).load()).withListener(progress::add).withTimeouts(timeouts);
    }

    private void writeIndexes() {
        MigrationFiles.write(dir, "V0002_Indexes", "bbb222", "aaa111", "indexes", List.of(
                "create index concurrently ix_items_name on items (name)",
                "create unique index concurrently ux_items_code on items (code)"),
                List.of("drop index concurrently ux_items_code", "drop index concurrently ix_items_name"));
    }

    @Test
    void concurrentIndexesAreBuiltOutsideATransactionAndRecorded() throws SQLException {
        writeIndexes();
        Migrator migrator = migrator(MigrationTimeouts.DEFAULT);
        assertEquals(List.of("aaa111"), migrator.upgrade("+1"));
        execute("update items set code = 'z' where id = 2");

        assertEquals(List.of("bbb222"), migrator.upgrade("head"));

        assertEquals(List.of("ix_items_name true", "ux_items_code true"), indexes());
        assertEquals(List.of("bbb222"), migrator.current());
        assertEquals(List.of("aaa111", "bbb222"), migrator.history().stream().map(HistoryEntry::revision).toList());

        assertEquals(List.of("bbb222"), migrator.downgrade("-1"));
        assertEquals(List.of(), indexes());
    }

    @Test
    void aFailedConcurrentIndexIsReportedAndTheNextRunRebuildsIt() throws SQLException {
        writeIndexes();
        Migrator migrator = migrator(MigrationTimeouts.DEFAULT);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        String prefix = "revision bbb222 (indexes) failed at statement: create unique index concurrently ux_items_code"
                + " on items (code); database says: ERROR: could not create unique index \"ux_items_code\"";
        assertEquals(prefix, e.getMessage().substring(0, prefix.length()), e.getMessage());
        assertTrue(e.getMessage().endsWith(" — this revision runs outside a transaction (it has statements PostgreSQL"
                + " cannot run inside one), so its statements before this one stayed applied; index ux_items_code was"
                + " left INVALID: run the upgrade again to drop and build it again (raise the timeouts if one of them"
                + " ended it)"), e.getMessage());
        assertEquals(List.of("aaa111"), migrator.current());
        assertEquals(List.of("ix_items_name true", "ux_items_code false"), indexes());

        execute("update items set code = 'z' where id = 2"); // the data fix
        progress.clear();
        assertEquals(List.of("bbb222"), migrator.upgrade("head"));

        assertEquals(List.of("ix_items_name true", "ux_items_code true"), indexes());
        assertEquals(List.of("bbb222"), migrator.current());
        assertEquals(List.of("index ix_items_name already exists and is valid (an earlier run of this revision built"
                        + " it): skipped create index concurrently ix_items_name on items (name)",
                "index ux_items_code is INVALID (an earlier run of this revision was interrupted while building it):"
                        + " dropping it and building it again"),
                progress.subList(0, 2));
    }

    @Test
    void theLockTimeoutEndsAnIndexBuildThatWaitsBehindAnotherTransaction() throws SQLException {
        MigrationFiles.write(dir, "V0002_Index", "bbb222", "aaa111", "index",
                List.of("create index concurrently ix_items_name on items (name)"), List.of());
        Migrator migrator = migrator(MigrationTimeouts.DEFAULT.withLockTimeout(Duration.ofMillis(300)));
        migrator.upgrade("+1");
        long started;
        try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("lock table items in access exclusive mode");
            started = System.nanoTime();

            var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertTrue(e.getMessage().startsWith("revision bbb222 (index) failed at statement: create index"
                    + " concurrently ix_items_name on items (name); database says: ERROR: canceling statement due to"
                    + " lock timeout"), e.getMessage());
            other.rollback();
        }
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000);
        assertEquals(List.of("aaa111"), migrator.current());

        assertEquals(List.of("bbb222"), migrator.upgrade("head"));
        assertEquals(List.of("ix_items_name true"), indexes());
    }

    @Test
    void aRevisionMixingBothKindsIsRefusedBeforeAnythingRuns() throws SQLException {
        MigrationFiles.write(dir, "V0002_Mixed", "bbb222", "aaa111", "mixed", List.of(
                "alter table items add column note text",
                "create index concurrently ix_items_name on items (name)"), List.of());
        Migrator migrator = migrator(MigrationTimeouts.DEFAULT);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertEquals("revision bbb222 (mixed) mixes statements PostgreSQL cannot run inside a transaction (create"
                + " index concurrently ix_items_name on items (name)) with statements that must run inside one —"
                + " nothing of it was applied; move the former into a revision of their own", e.getMessage());
        assertEquals(List.of("aaa111"), migrator.current());
        assertEquals(List.of(), indexes());
        assertEquals(List.of("code", "id", "name"), ConcurrentRunnersTest.strings(url, "select column_name from"
                + " information_schema.columns where table_name = 'items' order by 1"));
    }

    @Test
    void aPooledConnectionComesBackWithItsSessionAsItWas() throws SQLException {
        MigrationFiles.write(dir, "V0002_Index", "bbb222", "aaa111", "index",
                List.of("create index concurrently ix_items_name on items (name)"), List.of());
        try (Connection pooled = DriverManager.getConnection(url)) {
            execute(pooled, "set lock_timeout = '7s'");
            execute(pooled, "set statement_timeout = '8s'");
            execute(pooled, "set client_connection_check_interval = '9s'");
            Connection lent = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close")
                            ? null : method.invoke(pooled, args));
            Migrator migrator = new Migrator(() -> lent, Dialect.POSTGRESQL,
                    new SourceDirectoryMigrationSource(dir).load());

            assertEquals(List.of("aaa111", "bbb222"), migrator.upgrade("head"));

            assertEquals(List.of("7s 8s 9s"), strings(pooled, "select current_setting('lock_timeout') || ' '"
                    + " || current_setting('statement_timeout') || ' '"
                    + " || current_setting('client_connection_check_interval')"));
            try (Connection other = DriverManager.getConnection(url)) {
                assertEquals(List.of("t"), strings(other, "select pg_try_advisory_lock(" + Migrator.LOCK_KEY + ")"),
                        "the pooled session no longer holds the migration lock");
            }
            assertTrue(pooled.getAutoCommit());
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private List<String> indexes() throws SQLException {
        return ConcurrentRunnersTest.strings(url, "select c.relname || ' ' || i.indisvalid from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid"
                + " where t.relname = 'items' and not i.indisprimary order by 1");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
