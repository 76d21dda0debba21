package dev.autogen.migrate.offline;

import static dev.autogen.dsl.Dsl.column;
import static dev.autogen.dsl.Dsl.integer;
import static dev.autogen.dsl.Dsl.table;
import static dev.autogen.dsl.Dsl.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.history.MigrationChecksum;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestSql;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code upgrade --sql} and {@code downgrade --sql} for MariaDB, piped into Debian's {@code mariadb} client against the
 * throwaway server: the catalog, the version row and the history afterwards are what the migrator writes. The
 * revisions carry what the one sanitiser must get through the client intact: a table comment and a message with a
 * quote, a backslash and a newline, and a check in PostgreSQL's double quotes (the script sets ANSI_QUOTES as the
 * migrator's sessions do).
 */
class MariadbOfflineScriptTest {
    private static final String COMMENT = "O'Brien's \\ people\nsecond line";
    private static final LoadedMigration FIRST = OfflineScriptTest.revision("a1", null, "people", schema -> schema.createTable(
            table("people").column(column("id", integer()).identity()).column(column("name", varchar(10)).nullable())
                    .primaryKey("pk_people", "id")), schema -> schema.dropTable("people"));
    private static final LoadedMigration SECOND = OfflineScriptTest.revision("b2", "a1", "age\nand -- comment", schema -> schema
            .addColumn("people", column("age", integer()).nullable())
            .addCheckConstraint("people", "ck_people_age", "\"age\" >= 0")
            .setComment("people", COMMENT, null), schema -> schema
            .setComment("people", null, COMMENT)
            .dropCheckConstraint("people", "ck_people_age", "\"age\" >= 0")
            .dropColumn("people", "age"));
    private static final RevisionGraph GRAPH = new RevisionGraph(List.of(FIRST, SECOND));

    @Test
    void theMariadbClientRunsTheUpgradeAndDowngradeScripts() throws Exception {
        assumeTrue(clientInstalled(), "the mariadb client (Debian's mariadb-client) is not installed: skipped");
        String url = TestMariadb.fresh("offline");
        OfflineScript script = new OfflineScript(Dialect.MARIADB, GRAPH, "dba");

        String upgrade = script.upgrade(List.of(), "head");
        assertTrue(upgrade.startsWith("-- autogen upgrade base -> head for MariaDB, generated offline\n"), upgrade);
        assertEquals("", client(url, upgrade));

        assertEquals(List.of("age", "id", "name"), TestSql.strings(url, "select column_name from"
                + " information_schema.columns where table_schema = database() and table_name = 'people' order by 1"));
        assertEquals(List.of(COMMENT), TestSql.strings(url, "select table_comment from information_schema.tables"
                + " where table_schema = database() and table_name = 'people'"));
        assertEquals(List.of("ck_people_age"), TestSql.strings(url, "select constraint_name from"
                + " information_schema.check_constraints where constraint_schema = database()"));
        assertEquals(List.of("b2"), TestSql.strings(url, "select revision from autogen_version"));
        assertEquals(List.of("a1 upgrade " + MigrationChecksum.of(FIRST), "b2 upgrade " + MigrationChecksum.of(SECOND)),
                TestSql.strings(url, "select concat_ws(' ', revision, direction, checksum) from autogen_history"
                        + " order by id"));
        // the check means the column, not a string: a negative age is refused
        assertTrue(client(url, "insert into people (name, age) values ('x', -1);").contains("ck_people_age"));

        assertEquals("", client(url, script.downgrade(List.of("b2"), "base")));

        assertEquals(List.of("autogen_history", "autogen_version"), TestSql.strings(url, "select table_name from"
                + " information_schema.tables where table_schema = database() order by 1"));
        assertEquals(List.of(), TestSql.strings(url, "select revision from autogen_version"));
        assertEquals(4, TestSql.strings(url, "select id from autogen_history").size());
    }

    private static boolean clientInstalled() {
        try {
            return new ProcessBuilder("mariadb", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code script} with {@code mariadb} (which stops at the first error); returns what it printed. */
    private static String client(String jdbcUrl, String script) throws IOException, InterruptedException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Path file = Files.createTempFile("autogen-mariadb", ".sql");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("mariadb", "--no-defaults", "--protocol=TCP", "-h", uri.getHost(),
                "-P", String.valueOf(uri.getPort()), "-u", query.get("user"), uri.getPath().substring(1))
                .redirectInput(file.toFile()).redirectErrorStream(true);
        pb.environment().put("MYSQL_PWD", query.getOrDefault("password", ""));
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
        return output.strip();
    }
}
