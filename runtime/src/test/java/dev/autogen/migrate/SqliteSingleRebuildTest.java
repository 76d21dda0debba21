package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #15, item 12: two {@code alterColumn}s on one SQLite table in one revision rebuild the table once, not twice
 * (every row is copied once). Counted two ways: SQLite's {@code schema_version}, which every create, drop and rename
 * bumps, moves exactly as much for two alterations as for one; and the offline script creates the new table once.
 */
class SqliteSingleRebuildTest {
    private static final String ACCOUNTS = """
            schema.createTable(table("accounts")
                    .column(column("id", integer()))
                    .column(column("name", varchar(40)))
                    .column(column("balance", numeric(12, 2)).nullable())
                    .primaryKey("pk_accounts", "id"));
            """;

    @TempDir
    Path dir;

    @Test
    void twoAlterationsOfOneTableRebuildItOnce() throws Exception {
        int one = schemaChanges(dir.resolve("one"), List.of(
                "schema.alterColumn(\"accounts\", column(\"name\", varchar(40)), column(\"name\", varchar(80)));"));
        int two = schemaChanges(dir.resolve("two"), List.of(
                "schema.alterColumn(\"accounts\", column(\"name\", varchar(40)), column(\"name\", varchar(80)));",
                "schema.alterColumn(\"accounts\", column(\"balance\", numeric(12, 2)).nullable(),"
                        + " column(\"balance\", numeric(14, 2)).nullable());"));
        assertTrue(one > 0, "a rebuild changes the schema: " + one);
        assertEquals(one, two, "two alterations cost one rebuild");

        String script = new OfflineScript(Dialect.SQLITE, new RevisionGraph(
                new SourceDirectoryMigrationSource(dir.resolve("two")).load()), "test").upgrade(Set.of(), "head");
        Matcher created = Pattern.compile("create table \"_autogen_new_accounts\"").matcher(script);
        int rebuilds = 0;
        while (created.find()) {
            rebuilds++;
        }
        assertEquals(1, rebuilds, script);
        assertTrue(script.contains("\"name\" varchar(80)") && script.contains("\"balance\" numeric(14,2)"), script);
    }

    /** How much revision 2 ({@code alterations}) moved {@code schema_version}; checks every row survived it. */
    private int schemaChanges(Path migrations, List<String> alterations) throws Exception {
        MigrationFiles.writeText(migrations, "V0001_Accounts", revision("V0001_Accounts", "aaa111", null, ACCOUNTS));
        MigrationFiles.writeText(migrations, "V0002_Alter", revision("V0002_Alter", "bbb222", "aaa111",
                String.join("\n", alterations)));
        String url = TestDatabases.freshSqlite("single_rebuild");
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), Dialect.SQLITE,
                new SourceDirectoryMigrationSource(migrations).load());
        migrator.upgrade("+1");
        TestSql.execute(url, "insert into accounts (id, name, balance) values (1, 'a', 1.5), (2, 'b', null)");
        int before = schemaVersion(url);
        migrator.upgrade("head");
        int after = schemaVersion(url);
        assertEquals(List.of("1 a 1.5", "2 b null"), TestSql.strings(url,
                "select id || ' ' || name || ' ' || coalesce(balance, 'null') from accounts order by id"));
        return after - before;
    }

    private static String revision(String className, String id, String parent, String upgrade) {
        return """
                package migrations;

                import static dev.autogen.dsl.Dsl.*;

                @dev.autogen.migrate.Revision(id = "%s"%s, message = "m")
                public final class %s implements dev.autogen.migrate.Migration {
                    public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                        %s
                    }
                    public void downgrade(dev.autogen.dsl.SchemaChanges schema) {
                    }
                }
                """.formatted(id, parent == null ? "" : ", parent = \"" + parent + "\"", className, upgrade);
    }

    private static int schemaVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
