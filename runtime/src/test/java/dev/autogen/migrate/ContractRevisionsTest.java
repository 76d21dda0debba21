package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract revisions on real PostgreSQL and SQLite: a plain upgrade to head stops before them and says so,
 * {@code --contract} and an explicit target apply them, the rows survive, and the flag is outside the checksum.
 *
 * <p>The revisions are a column rename done in phases: V0001 creates {@code users(name)}, V0002 (expand) adds
 * {@code full_name} and copies, V0003 (contract) drops {@code name}, V0004 follows the contract.
 */
class ContractRevisionsTest {
    @TempDir
    Path dir;

    private String url;
    private final List<String> lines = new ArrayList<>();

    private void database(Dialect dialect) {
        url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("contract");
            case SQLITE -> TestDatabases.freshSqlite("contract");
            case MARIADB -> throw new UnsupportedOperationException("MariaDB is not part of this test");
        };
    }

    private void writeRevisions(boolean contract) {
        MigrationFiles.write(dir, "V0001_Users", "aaa111", null, "users",
                List.of("create table users (id integer primary key, name varchar(50))"), List.of("drop table users"));
        MigrationFiles.write(dir, "V0002_ExpandFullName", "bbb222", "aaa111", "expand full name",
                List.of("alter table users add column full_name varchar(50)", "update users set full_name = name"),
                List.of("alter table users drop column full_name"));
        String source = MigrationFiles.source("V0003_ContractName", "ccc333", "bbb222", "contract name",
                List.of("alter table users drop column name"),
                List.of("alter table users add column name varchar(50)", "update users set name = full_name"));
        MigrationFiles.writeText(dir, "V0003_ContractName",
                contract ? source.replace("message = \"contract name\"", "message = \"contract name\", contract = true")
                        : source);
        MigrationFiles.write(dir, "V0004_Orders", "ddd444", "ccc333", "orders",
                List.of("create table orders (id integer primary key)"), List.of("drop table orders"));
    }

    private Migrator migrator(Dialect dialect) {
        return new Migrator(ConnectionFactory.of(url, null, null), dialect,
                new SourceDirectoryMigrationSource(dir).load()).withListener(lines::add);
    }

    private static final String WAITS = "contract revision V0003_ContractName (ccc333) waits: run autogen upgrade"
            + " --contract when every running instance is on the new version";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void upgradeToHeadStopsBeforeTheContractAndSaysSo(Dialect dialect) throws SQLException {
        database(dialect);
        writeRevisions(true);

        assertEquals(List.of("aaa111", "bbb222"), migrator(dialect).upgrade("head"));
        assertEquals(List.of("bbb222"), migrator(dialect).current());
        assertEquals(List.of("id", "name", "full_name"), columns(dialect));
        assertEquals(WAITS, lines.get(lines.size() - 1));

        // the application at the old version keeps writing the old column meanwhile
        execute("insert into users (id, name, full_name) values (1, 'Ada', 'Ada')");
        lines.clear();
        assertEquals(List.of(), migrator(dialect).upgrade("heads"));
        assertEquals(List.of(WAITS), lines);
        assertEquals(List.of("bbb222"), migrator(dialect).current());

        assertEquals(List.of("ccc333", "ddd444"), migrator(dialect).upgrade("head", ContractRevisions.APPLY));
        assertEquals(List.of("ddd444"), migrator(dialect).current());
        assertEquals(List.of("id", "full_name"), columns(dialect));
        assertEquals(List.of("1 Ada"), TestSql.rows(url, "select id, full_name from users"));

        // reverting the contract brings the old column back with its values
        assertEquals(List.of("ddd444", "ccc333"), migrator(dialect).downgrade("bbb222"));
        assertEquals(List.of("1 Ada Ada"), TestSql.rows(url, "select id, name, full_name from users"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void anExplicitTargetAtOrAfterTheContractAppliesIt(Dialect dialect) throws SQLException {
        database(dialect);
        writeRevisions(true);
        assertEquals(List.of("aaa111", "bbb222"), migrator(dialect).upgrade("head"));

        assertEquals(List.of("ccc333"), migrator(dialect).upgrade("ccc"));
        assertEquals(List.of("id", "full_name"), columns(dialect));
        // nothing waits any more: head applies what follows the contract
        lines.clear();
        assertEquals(List.of("ddd444"), migrator(dialect).upgrade("head"));
        assertFalse(lines.stream().anyMatch(line -> line.contains("waits")), lines.toString());

        assertEquals(List.of("ddd444", "ccc333", "bbb222", "aaa111"), migrator(dialect).downgrade("base"));
        // a revision id after the contract applies everything up to it, the contract included
        assertEquals(List.of("aaa111", "bbb222", "ccc333", "ddd444"), migrator(dialect).upgrade("ddd444"));
        assertEquals(List.of("ddd444", "ccc333"), migrator(dialect).downgrade("-2"));
        assertEquals(List.of("ccc333"), migrator(dialect).upgrade("+1"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void theFlagIsOutsideTheChecksum(Dialect dialect) {
        database(dialect);
        writeRevisions(false);
        Migrator plain = migrator(dialect);
        String before = MigrationChecksum.of(plain.graph().get("ccc333"));
        assertEquals(List.of("aaa111", "bbb222", "ccc333", "ddd444"), plain.upgrade("head"));

        writeRevisions(true); // marked contract after it was applied
        Migrator marked = migrator(dialect);
        assertTrue(marked.graph().get("ccc333").contract());
        assertEquals(before, MigrationChecksum.of(marked.graph().get("ccc333")));
        assertEquals(List.of(), marked.validate("the test migrations").problems());
        assertEquals(List.of(), marked.upgrade("head"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void theOfflineScriptLeavesTheContractOutUnlessAsked(Dialect dialect) {
        writeRevisions(true);
        var script = new OfflineScript(dialect, new RevisionGraph(new SourceDirectoryMigrationSource(dir).load()),
                "tester");

        String waiting = script.upgrade(List.of(), "head");
        assertTrue(waiting.contains("-- " + WAITS), waiting);
        assertFalse(waiting.contains("drop column name"), waiting);
        assertFalse(waiting.contains("create table orders"), waiting);

        String applied = script.upgrade(List.of(), "head", ContractRevisions.APPLY);
        assertTrue(applied.contains("drop column name"), applied);
        assertTrue(applied.contains("create table orders"), applied);
        assertFalse(applied.contains("waits"), applied);
    }

    private List<String> columns(Dialect dialect) throws SQLException {
        return TestSql.strings(url, switch (dialect) {
            case POSTGRESQL -> "select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'users' order by ordinal_position";
            case SQLITE -> "select name from pragma_table_info('users') order by cid";
            case MARIADB -> throw new UnsupportedOperationException();
        });
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
