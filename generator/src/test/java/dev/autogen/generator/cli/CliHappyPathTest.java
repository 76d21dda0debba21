package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The developer's loop through the command line, on SQLite in a temp directory with the sample entities: check
 * (drift), generate, refuse a second generation before upgrading, upgrade, check (in sync), nothing more to generate,
 * inspect, downgrade, diff. The steps share one database and one migrations directory, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliHappyPathTest {
    private static final String REV = "aaaaaaaaaaaa";
    private static final List<String> SAMPLE_TABLES =
            List.of("agents", "executions", "organizations", "tenants", "user_identities", "users");

    private Path migrations;
    private String url;
    private Path revisionFile;

    @BeforeAll
    void scratch() throws IOException {
        Path dir = ScratchDirectory.create("cli-happy-path");
        migrations = Files.createDirectories(dir.resolve("migrations"));
        // an empty database (a 0-byte file): check and diff do not create a missing one
        url = "jdbc:sqlite:" + Files.createFile(dir.resolve("autogen.db"));
        revisionFile = migrations.resolve("dev/autogen/sample/migrations/V0001_Initial.java");
    }

    private CliOutcome autogen(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString()));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }

    private static CliOutcome assertExit(int code, CliOutcome outcome) {
        assertEquals(code, outcome.exitCode(), outcome::toString);
        return outcome;
    }

    @Test
    @Order(1)
    void checkOnAnEmptyDatabaseListsTheDrift() {
        CliOutcome outcome = assertExit(1, autogen("check"));
        assertEquals("", outcome.err());
        assertTrue(outcome.out().startsWith("Out of sync: the entities differ from the database by 8 operations: "
                + "generate a migration with autogen -m MESSAGE\n"), outcome::toString);
        for (String table : SAMPLE_TABLES) {
            assertTrue(outcome.out().contains("\n  CreateTable " + table + " ("), () -> table + ":\n" + outcome.out());
        }
        CliOutcome json = assertExit(1, autogen("check", "--format", "json"));
        assertTrue(json.out().startsWith("{\"inSync\":false,\"problems\":[\"the entities differ"), json::toString);
        assertTrue(json.out().contains("\"operations\":[{\"op\":\"CreateTable\""), json::toString);
    }

    @Test
    @Order(2)
    void generatesTheFirstRevision() throws IOException {
        CliOutcome outcome = assertExit(0, autogen("-m", "initial", "--rev-id", REV));
        assertEquals("", outcome.err());
        assertTrue(Files.isRegularFile(revisionFile), outcome::toString);
        String source = Files.readString(revisionFile);
        assertTrue(source.contains("@Revision(id = \"" + REV + "\", message = \"initial\")"), source);
        assertTrue(source.contains("public final class V0001_Initial implements Migration"), source);
        assertTrue(source.contains("schema.createTable(table(\"users\")"), source);
        assertTrue(source.contains("schema.dropTable(table(\"users\")"), source);
        assertTrue(outcome.out().startsWith("Generated "), outcome::toString);
        assertTrue(outcome.out().contains("(revision " + REV + ", 8 operations):"), outcome::toString);
        assertTrue(outcome.out().endsWith("Review it, then apply it with: autogen upgrade\n"), outcome::toString);
    }

    @Test
    @Order(3)
    void regeneratingFromTheSameStateIsByteIdentical() throws IOException {
        byte[] first = Files.readAllBytes(revisionFile);
        Files.delete(revisionFile);
        assertExit(0, autogen("revision", "--autogenerate", "-m", "initial", "--rev-id", REV));
        assertArrayEquals(first, Files.readAllBytes(revisionFile));
    }

    @Test
    @Order(4)
    void refusesASecondRevisionBeforeUpgrading() throws IOException {
        String line = autogen("-m", "second").assertOneLineError(2);
        assertTrue(line.contains("not at the head revision"), line);
        assertTrue(line.contains("autogen upgrade"), line);
        assertEquals(List.of(revisionFile), javaFiles());
        CliOutcome check = assertExit(1, autogen("check"));
        assertTrue(check.out().contains("Out of sync: the database is behind the migrations (database: base "
                + "(nothing applied), head: " + REV + "): run autogen upgrade"), check::toString);
    }

    @Test
    @Order(5)
    void upgradeCreatesTheTables() throws SQLException {
        CliOutcome outcome = assertExit(0, autogen("upgrade"));
        assertTrue(outcome.out().endsWith("Applied 1 revision; the database is at " + REV + ".\n"), outcome::toString);
        List<String> tables = tables();
        assertTrue(tables.containsAll(SAMPLE_TABLES), tables::toString);
        assertTrue(tables.contains("autogen_version"), tables::toString);
    }

    @Test
    @Order(6)
    void checkIsInSyncAfterUpgrade() {
        CliOutcome outcome = assertExit(0, autogen("check"));
        assertEquals("In sync: " + url + " is at head " + REV + " and matches the entities in dev.autogen.sample.\n",
                outcome.out());
        assertEquals("{\"inSync\":true,\"problems\":[],\"operations\":[]}\n",
                assertExit(0, autogen("check", "--format", "json")).out());
    }

    @Test
    @Order(7)
    void nothingMoreToGenerate() throws IOException {
        CliOutcome outcome = assertExit(0, autogen("-m", "nothing"));
        assertTrue(outcome.out().startsWith("No changes:"), outcome::toString);
        assertEquals(List.of(revisionFile), javaFiles());
        assertEquals("{\"operations\":[]}\n", assertExit(0, autogen("diff", "--format", "json")).out());
    }

    @Test
    @Order(8)
    void currentHeadsAndHistoryShowTheRevision() {
        assertEquals(REV + " V0001_Initial - initial (head)\n", assertExit(0, autogen("current")).out());
        assertEquals(REV + " V0001_Initial - initial (head)\n", assertExit(0, autogen("heads")).out());
        String history = assertExit(0, autogen("history")).out();
        assertTrue(history.startsWith("[x] <base> -> " + REV + " (current)  V0001_Initial - initial\n"), history);
        assertTrue(history.contains("  upgrade " + REV + " by "), history);
    }

    @Test
    @Order(9)
    void downgradeToBaseDropsTheTables() throws SQLException {
        CliOutcome outcome = assertExit(0, autogen("downgrade", "base"));
        assertTrue(outcome.out().endsWith("Reverted 1 revision; the database is at base.\n"), outcome::toString);
        List<String> tables = tables();
        assertTrue(tables.stream().noneMatch(SAMPLE_TABLES::contains), tables::toString);
        assertEquals("base (no revision applied)\n", assertExit(0, autogen("current")).out());
    }

    @Test
    @Order(10)
    void diffShowsThePlanAsJsonAndSql() throws SQLException {
        String json = assertExit(0, autogen("diff", "--format", "json")).out();
        assertTrue(json.startsWith("{\"operations\":[{\"op\":\"CreateTable\",\"text\":\"CreateTable tenants ("), json);
        assertTrue(json.endsWith("]}\n"), json);
        assertEquals(1, json.lines().count(), json);
        String sql = assertExit(0, autogen("diff", "--format", "sql")).out();
        assertTrue(sql.startsWith("create table \"tenants\" ("), sql);
        assertTrue(sql.contains("\ncreate table \"users\" ("), sql);
        assertTrue(sql.contains("\ncreate index \"ix_users_phone\" on \"users\" (\"phone\");\n"), sql);
        String text = assertExit(0, autogen("diff")).out();
        assertTrue(text.startsWith("8 operations would bring " + url + " in line with the entities in "
                + "dev.autogen.sample:\n"), text);
        // diff writes nothing
        assertTrue(tables().stream().noneMatch(SAMPLE_TABLES::contains));
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "select name from sqlite_schema where type = 'table' order by name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(migrations)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
