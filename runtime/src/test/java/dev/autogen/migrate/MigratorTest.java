package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrator against real PostgreSQL and real SQLite, with migration sources compiled from a temp directory. */
class MigratorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T01:02:03Z");

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private ConnectionFactory connections;
    private String url;

    private Migrator migrator(Dialect dialect) {
        return migrator(dialect, switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("migrator");
            case SQLITE -> TestDatabases.freshSqlite("migrator");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("migrator");
        });
    }

    private Migrator migrator(Dialect dialect, String url) {
        this.url = url;
        connections = ConnectionFactory.of(url, null, null);
        return new Migrator(connections, dialect, new SourceDirectoryMigrationSource(dir).load())
                .withListener(progress::add)
                .withAppliedBy("tester")
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void writeUsersOrdersPhone() {
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key, name text)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key, user_id integer references users (id))"),
                List.of("drop table orders"));
        MigrationFiles.write(dir, "V0003_AddPhone", "ccc333", "bbb222", "add phone",
                List.of("alter table users add column phone text"), List.of("alter table users drop column phone"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void upgradeHeadCreatesTablesAndRecordsEveryRevision(Dialect dialect) throws SQLException {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(dialect);

        assertEquals(List.of("aaa111", "bbb222", "ccc333"), migrator.upgrade("head"));

        assertEquals(List.of("autogen_history", "autogen_version", "orders", "users"), tables(dialect));
        assertEquals(List.of("id", "name", "phone"), columns(dialect, "users"));
        assertEquals(List.of("ccc333"), migrator.current());
        List<LoadedMigration> loaded = migrator.graph().inOrder();
        List<HistoryEntry> history = migrator.history();
        assertEquals(3, history.size());
        for (int i = 0; i < 3; i++) {
            HistoryEntry entry = history.get(i);
            assertEquals(loaded.get(i).id(), entry.revision());
            assertEquals("upgrade", entry.direction());
            assertEquals(MigrationChecksum.of(loaded.get(i)), entry.checksum());
            assertEquals(NOW, entry.appliedAt());
            assertEquals("tester", entry.appliedBy());
            assertTrue(entry.success());
            assertTrue(entry.durationMs() >= 0);
        }
        assertEquals(List.of("applying aaa111 initial schema … ", "applying bbb222 orders … ",
                "applying ccc333 add phone … "), progress.stream().map(l -> l.replaceAll("\\d+ ms$", "")).toList());

        assertEquals(List.of(), migrator.upgrade("head")); // already there
        assertEquals(3, migrator.history().size());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void downgradeStepsBackAndToBase(Dialect dialect) throws SQLException {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(dialect);
        migrator.upgrade("head");

        assertEquals(List.of("ccc333"), migrator.downgrade("-1"));
        assertEquals(List.of("id", "name"), columns(dialect, "users"));
        assertEquals(List.of("bbb222"), migrator.current());
        HistoryEntry last = migrator.history().get(3);
        assertEquals("ccc333", last.revision());
        assertEquals("downgrade", last.direction());

        assertEquals(List.of("bbb222", "aaa111"), migrator.downgrade("base"));
        assertEquals(List.of("autogen_history", "autogen_version"), tables(dialect));
        assertEquals(List.of(), migrator.current());
        assertEquals(List.of("upgrade", "upgrade", "upgrade", "downgrade", "downgrade", "downgrade"),
                migrator.history().stream().map(HistoryEntry::direction).toList());
        assertEquals(List.of("aaa111", "bbb222", "ccc333", "ccc333", "bbb222", "aaa111"),
                migrator.history().stream().map(HistoryEntry::revision).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void upgradeStepwiseAndToARevision(Dialect dialect) throws SQLException {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(dialect);
        assertEquals(List.of(), migrator.current());

        assertEquals(List.of("aaa111"), migrator.upgrade("+1"));
        assertEquals(List.of("aaa111"), migrator.current());
        assertEquals(List.of("bbb222"), migrator.upgrade("bbb"));
        assertEquals(List.of("autogen_history", "autogen_version", "orders", "users"), tables(dialect));
        assertEquals(List.of("bbb222"), migrator.current());
        assertEquals(List.of("ccc333"), migrator.upgrade("head"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void failingRevisionLeavesNothingBehindAndTheFixedRevisionRuns(Dialect dialect) throws SQLException {
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key)", "create tabel broken (x integer)"),
                List.of("drop table orders"));
        Migrator migrator = migrator(dialect);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        String prefix = "revision bbb222 (orders) failed at statement: create tabel broken (x integer); database says: ";
        assertEquals(prefix, e.getMessage().substring(0, prefix.length()));
        assertTrue(e.getMessage().endsWith(" — nothing of it was applied; fix the migration and run it again"),
                e.getMessage());
        assertTrue(e.getMessage().contains("tabel"), e.getMessage());
        assertEquals(List.of("autogen_history", "autogen_version", "users"), tables(dialect));
        assertEquals(List.of("aaa111"), migrator.current());
        assertEquals(List.of("aaa111"), migrator.history().stream().map(HistoryEntry::revision).toList());

        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key)", "create table fixed (x integer)"),
                List.of("drop table fixed", "drop table orders"));
        Migrator fixed = migrator(dialect, url);
        assertEquals(List.of("bbb222"), fixed.upgrade("head"));
        assertEquals(List.of("autogen_history", "autogen_version", "fixed", "orders", "users"), tables(dialect));
        assertEquals(List.of("aaa111", "bbb222"), fixed.history().stream().map(HistoryEntry::revision).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailureInTheMiddleOfARevisionUndoesItsDataChangesToo(Dialect dialect) throws SQLException {
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key, name text)",
                        "insert into users (id, name) values (1, 'ann')"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Rename", "bbb222", "aaa111", "rename",
                List.of("update users set name = 'bob'", "alter table users add column phone text",
                        "insert into users (id, name) values (1, 'duplicate')"),
                List.of("alter table users drop column phone"));
        Migrator migrator = migrator(dialect);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision bbb222 (rename) failed at statement: insert into users (id, name)"
                + " values (1, 'duplicate'); database says: "), e.getMessage());
        assertEquals(List.of("id", "name"), columns(dialect, "users"));
        assertEquals(List.of("ann"), strings("select name from users"));
        assertEquals(List.of("aaa111"), migrator.current());
    }

    @Test
    void sqliteRunnersWaitForTheWriteLockInsteadOfFailingWithBusy() throws Exception {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(Dialect.SQLITE);
        try (Connection other = connections.open()) {
            other.createStatement().execute("begin immediate");
            var runner = java.util.concurrent.CompletableFuture.supplyAsync(() -> migrator.upgrade("head"));
            Thread.sleep(300);
            assertTrue(!runner.isDone(), "the runner waits for the write lock");
            other.createStatement().execute("commit");
            assertEquals(List.of("aaa111", "bbb222", "ccc333"), runner.get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aRunnerGivesUpAfterTheLockWait(Dialect dialect) throws Exception {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(dialect)
                .withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(java.time.Duration.ofMillis(200)));
        try (Connection other = connections.open()) {
            other.createStatement().execute(switch (dialect) {
                case POSTGRESQL -> "select pg_advisory_lock(" + Migrator.LOCK_KEY + ")";
                case SQLITE -> "begin immediate";
                case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
            });

            var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

            assertEquals(switch (dialect) {
                case POSTGRESQL -> "another runner has held the migration lock (PostgreSQL advisory lock "
                        + Migrator.LOCK_KEY + ") for more than 200 ms — wait for it to finish, or find it in pg_locks"
                        + " (locktype = 'advisory') and stop it";
                case SQLITE -> "another runner has held the SQLite database's write lock for more than 200 ms — wait for"
                        + " it to finish and run again";
                case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
            }, e.getMessage());
            assertEquals(dialect == Dialect.POSTGRESQL
                    ? List.of("waiting for the migration lock: another runner is migrating this database")
                    : List.of(), progress); // SQLite's busy handler waits silently
        }
        assertEquals(List.of(), migrator.current());
    }

    @Test
    void sqliteRefusesARevisionThatBreaksForeignKeys() throws SQLException {
        MigrationFiles.write(dir, "V0001_Init", "aaa111", null, "initial schema",
                List.of("create table users (id integer primary key)"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_Orders", "bbb222", "aaa111", "orders",
                List.of("create table orders (id integer primary key, user_id integer references users (id))",
                        "insert into orders (id, user_id) values (1, 99)"),
                List.of("drop table orders"));
        Migrator migrator = migrator(Dialect.SQLITE);

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertEquals("revision bbb222 (orders) leaves rows whose foreign keys point nowhere (orders row 1 -> users)"
                + " — nothing of it was applied; fix the data or the migration and run it again", e.getMessage());
        assertEquals(List.of("autogen_history", "autogen_version", "users"), tables(Dialect.SQLITE));
        assertEquals(List.of("aaa111"), migrator.current());
    }

    @Test
    void irreversibleDowngradeSaysSo() {
        MigrationFiles.writeText(dir, "V0001_Init", """
                package migrations;

                @dev.autogen.migrate.Revision(id = "aaa111", message = "initial schema")
                public final class V0001_Init implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.execute("create table users (id integer primary key)");
                    }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.apply(new dev.autogen.op.ExecuteSql("drop table users", null).reverse());
                    }
                }
                """);
        Migrator migrator = migrator(Dialect.SQLITE);
        migrator.upgrade("head");

        var e = assertThrows(MigrationException.class, () -> migrator.downgrade("base"));

        assertEquals("revision aaa111 (initial schema) cannot be downgraded: raw SQL has no reverse: drop table users"
                + " — write its downgrade by hand or stop at a later revision", e.getMessage());
        assertEquals(List.of("aaa111"), migrator.current());
    }

    @Test
    void postgresRunnersWaitForTheAdvisoryLockAndReleaseIt() throws Exception {
        writeUsersOrdersPhone();
        Migrator migrator = migrator(Dialect.POSTGRESQL);
        try (Connection other = connections.open()) {
            other.createStatement().execute("select pg_advisory_lock(" + Migrator.LOCK_KEY + ")");
            var runner = java.util.concurrent.CompletableFuture.supplyAsync(() -> migrator.upgrade("head"));
            Thread.sleep(300);
            assertEquals(List.of(), tables(Dialect.POSTGRESQL)); // still waiting for the lock
            other.createStatement().execute("select pg_advisory_unlock(" + Migrator.LOCK_KEY + ")");
            assertEquals(List.of("aaa111", "bbb222", "ccc333"), runner.get(10, java.util.concurrent.TimeUnit.SECONDS));
            try (ResultSet rs = other.createStatement()
                    .executeQuery("select pg_try_advisory_lock(" + Migrator.LOCK_KEY + ")")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the migrator released its lock");
            }
        }
    }

    private List<String> tables(Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() order by 1";
            case SQLITE -> "select name from sqlite_master where type = 'table' order by 1";
            case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
        };
        return strings(sql);
    }

    private List<String> columns(Dialect dialect, String table) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = '" + table + "' order by 1";
            case SQLITE -> "select name from pragma_table_info('" + table + "') order by 1";
            case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
        };
        return strings(sql);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connections.open(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
