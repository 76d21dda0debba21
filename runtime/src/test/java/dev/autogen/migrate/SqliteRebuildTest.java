package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite table rebuild through the migrator, on a 100 000-row table with everything hanging off it: a self-reference,
 * a referencing table with ON DELETE CASCADE, a plain, an expression and a partial index, a trigger and a view. The
 * rebuild keeps every row and value (a checksum over every row), every foreign key, index and trigger; a failing
 * rebuild leaves the table exactly as it was.
 */
class SqliteRebuildTest {
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void accounts() {
        url = TestDatabases.freshSqlite("rebuild");
        MigrationFiles.write(dir, "V0001_Accounts", "aaa111", null, "accounts", List.of(
                "create table accounts (id integer primary key, name varchar(40) not null, balance numeric(12,2),"
                        + " note text, parent_id integer references accounts (id))",
                "create table payments (id integer primary key,"
                        + " account_id integer not null references accounts (id) on delete cascade)",
                "create table audit (account_id integer, action text)",
                "insert into accounts (id, name, balance, note, parent_id) with recursive n(i) as (select 1 union all"
                        + " select i + 1 from n where i < " + ROWS + ") select i, 'name ' || i, i * 1.25,"
                        + " case when i % 3 = 0 then 'note ' || i end, case when i > 1 then i / 2 end from n",
                "insert into payments (id, account_id) select id, id from accounts where id % 10 = 0",
                "create index ix_accounts_name on accounts (name)",
                "create index ix_accounts_lower_name on accounts (lower(name))",
                "create index ix_accounts_note on accounts (note) where note is not null",
                "create trigger tr_accounts_insert after insert on accounts"
                        + " begin insert into audit (account_id, action) values (new.id, 'insert'); end",
                "create view v_accounts as select id, name from accounts"),
                List.of("drop view v_accounts", "drop table audit", "drop table payments", "drop table accounts"));
    }

    private Migrator migrator() {
        return new Migrator(() -> DriverManager.getConnection(url), Dialect.SQLITE,
                new SourceDirectoryMigrationSource(dir).load());
    }

    private void writeAlter(String from, String to) {
        MigrationFiles.writeText(dir, "V0002_Alter", """
                package migrations;

                import static dev.autogen.dsl.Dsl.*;

                @dev.autogen.migrate.Revision(id = "bbb222", parent = "aaa111", message = "alter")
                public final class V0002_Alter implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.alterColumn("accounts", %s, %s);
                    }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) {
                        schema.alterColumn("accounts", %s, %s);
                    }
                }
                """.formatted(from, to, to, from));
    }

    @Test
    void aRebuildOfAHundredThousandRowsKeepsEveryRowForeignKeyIndexAndTrigger() throws Exception {
        writeAlter("column(\"name\", varchar(40))", "column(\"name\", varchar(80))");
        Migrator migrator = migrator();
        migrator.upgrade("+1");
        String accounts = checksum("select id, name, balance, typeof(balance), note, parent_id from accounts order by id");
        String payments = checksum("select id, account_id from payments order by id");
        List<String> objects = schemaObjects();

        assertEquals(List.of("bbb222"), migrator.upgrade("head"));

        assertTrue(strings("select sql from sqlite_schema where name = 'accounts'").getFirst()
                .contains("\"name\" varchar(80) not null"));
        assertEquals(accounts, checksum("select id, name, balance, typeof(balance), note, parent_id from accounts"
                + " order by id"), "every row and value of accounts");
        assertEquals(payments, checksum("select id, account_id from payments order by id"));
        assertEquals(objects, schemaObjects(), "indexes (expression and partial included), trigger and view");
        assertEquals(List.of(), strings("select * from pragma_foreign_key_check"));
        assertEquals(List.of("parent_id accounts id NO ACTION"), strings("select \"from\" || ' ' || \"table\" || ' ' ||"
                + " \"to\" || ' ' || on_delete from pragma_foreign_key_list('accounts')"));

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("pragma foreign_keys = on");
            st.execute("insert into accounts (id, name) values (" + (ROWS + 1) + ", 'new')"); // the trigger fires
            st.execute("delete from accounts where id = " + ROWS); // cascades to its payment
        }
        assertEquals(List.of((ROWS + 1) + " insert"), strings("select account_id || ' ' || action from audit"));
        assertEquals(List.of(Integer.toString(ROWS / 10 - 1)), strings("select count(*) from payments"));
        assertEquals(List.of(Integer.toString(ROWS)), strings("select count(*) from v_accounts"));
    }

    @Test
    void aFailingRebuildLeavesTheTableAsItWas() throws Exception {
        writeAlter("column(\"note\", text()).nullable()", "column(\"note\", text())");
        Migrator migrator = migrator();
        migrator.upgrade("+1");
        String accounts = checksum("select * from accounts order by id");
        List<String> objects = schemaObjects();

        var e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision bbb222 (alter) failed at statement: insert into"
                + " \"_autogen_new_accounts\" (\"id\", \"name\", \"balance\", \"note\", \"parent_id\") select \"id\","
                + " \"name\", \"balance\", \"note\", \"parent_id\" from \"accounts\"; database says: "), e.getMessage());
        assertTrue(e.getMessage().contains("NOT NULL constraint failed: _autogen_new_accounts.note"), e.getMessage());
        assertEquals(List.of("aaa111"), migrator.current());
        assertEquals(accounts, checksum("select * from accounts order by id"));
        assertEquals(objects, schemaObjects());
    }

    /** Every index, trigger and view with its SQL, and every table, sorted. */
    private List<String> schemaObjects() throws SQLException {
        return strings("select type || ' ' || name || ' ' || coalesce(sql, '') from sqlite_schema"
                + " where type <> 'table' or name not like 'autogen%' order by type, name").stream()
                .map(line -> line.startsWith("table ") ? line.substring(0, line.indexOf(' ', 6)) : line)
                .toList();
    }

    private String checksum(String sql) throws SQLException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
        }
        return rows + " rows " + HexFormat.of().formatHex(sha.digest());
    }

    private List<String> strings(String sql) throws SQLException {
        return ConcurrentRunnersTest.strings(url, sql);
    }
}
