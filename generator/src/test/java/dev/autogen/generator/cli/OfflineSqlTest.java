package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.testing.CatalogShape;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code upgrade --sql} and {@code downgrade --sql}: the script, run by the database's own client with no autogen
 * in the loop, leaves the same catalog and the same version rows as {@code autogen upgrade}, so {@code autogen
 * check} is clean afterwards. PostgreSQL's script runs through {@code psql -v ON_ERROR_STOP=1}; SQLite's through the
 * JDBC driver, statement by statement (no {@code sqlite3} binary needed).
 */
class OfflineSqlTest {
    private static final String SAMPLES = "../migrations/src/main/java";
    private static final String HEAD = "209336e70286";
    private static final String FIRST = "04c351a8712d";

    @Test
    void postgresScriptRunByPsqlBuildsWhatUpgradeBuilds() throws Exception {
        String viaScript = TestDatabases.freshPostgres("offline_psql");
        String viaUpgrade = TestDatabases.freshPostgres("offline_upgrade");

        // the URL is only read for its dialect: the script is printed with no connection (this database is empty)
        CliOutcome script = assertExit(0, autogen(viaScript, SAMPLES, "upgrade", "--sql"));
        assertEquals(2, count(script.out(), "\nBEGIN;\n"), script.out());
        assertEquals(2, count(script.out(), "\nCOMMIT;\n"), script.out());
        assertTrue(script.out().contains("create table if not exists \"autogen_version\""), script.out());
        assertTrue(script.out().contains("\ninsert into \"autogen_version\" (\"revision\") values ('" + FIRST
                + "');\n"), script.out());
        assertTrue(script.out().contains("\nupdate \"autogen_version\" set \"revision\" = '" + HEAD
                + "' where \"revision\" = '" + FIRST + "';\n"), script.out());
        assertEquals(List.of(), tables(viaScript), "printing the script touched the database");

        psql(viaScript, script.out());
        assertExit(0, autogen(viaUpgrade, SAMPLES, "upgrade"));

        assertSameCatalog(viaUpgrade, viaScript, Dialect.POSTGRESQL);
        assertEquals(versionRows(viaUpgrade), versionRows(viaScript));
        assertEquals(List.of(FIRST + " upgrade", HEAD + " upgrade"), historyRows(viaScript));
        assertEquals(historyChecksums(viaUpgrade), historyChecksums(viaScript));
        CliOutcome check = assertExit(0, autogen(viaScript, SAMPLES, "check"));
        assertEquals("", check.err());

        // back down: the downgrade script from head (the default start) to base leaves the version tables only
        CliOutcome down = assertExit(0, autogen(viaScript, SAMPLES, "downgrade", "base", "--sql"));
        psql(viaScript, down.out());
        assertEquals(List.of("autogen_history", "autogen_version"), tables(viaScript));
        assertEquals(List.of(), versionRows(viaScript));
        assertEquals(List.of(FIRST + " upgrade", HEAD + " upgrade", HEAD + " downgrade", FIRST + " downgrade"),
                historyRows(viaScript));
    }

    @Test
    void postgresScriptFromARevisionCoversOnlyWhatFollowsIt() throws Exception {
        String url = TestDatabases.freshPostgres("offline_from");
        assertExit(0, autogen(url, SAMPLES, "upgrade", FIRST));
        CliOutcome script = assertExit(0, autogen(url, SAMPLES, "upgrade", FIRST.substring(0, 6) + ":head", "--sql"));
        assertEquals(1, count(script.out(), "\nBEGIN;\n"), script.out());
        psql(url, script.out());
        assertEquals(List.of(HEAD), versionRows(url));
        assertExit(0, autogen(url, SAMPLES, "check"));
        // --from says the same as FROM:TARGET
        assertEquals(script.out(), autogen(url, SAMPLES, "upgrade", "head", "--sql", "--from", FIRST).out());
    }

    @Test
    void sqliteScriptRunStatementByStatementBuildsWhatUpgradeBuilds() throws Exception {
        String viaScript = TestDatabases.freshSqlite("offline-script");
        String viaUpgrade = TestDatabases.freshSqlite("offline-upgrade");
        // dialect from --dialect; the URL (PostgreSQL, never opened) would say otherwise
        CliOutcome script = assertExit(0, autogen("jdbc:postgresql://nowhere.invalid/db", SAMPLES, "upgrade",
                "--sql", "--dialect", "sqlite"));
        assertTrue(script.out().contains("\nPRAGMA foreign_keys=OFF;\nBEGIN;\n"), script.out());
        runSqlite(viaScript, script.out());
        assertExit(0, autogen(viaUpgrade, SAMPLES, "upgrade"));
        assertSameCatalog(viaUpgrade, viaScript, Dialect.SQLITE);
        assertEquals(List.of(HEAD), versionRows(viaScript));
        assertEquals(historyChecksums(viaUpgrade), historyChecksums(viaScript));
        assertExit(0, autogen(viaScript, SAMPLES, "check"));

        // one step back, then the rest, each by its own script from where the last one left the database
        runSqlite(viaScript, assertExit(0, autogen(viaScript, SAMPLES, "downgrade", "-1", "--sql")).out());
        assertEquals(List.of(FIRST), versionRows(viaScript));
        assertExit(0, autogen(viaUpgrade, SAMPLES, "downgrade", "-1"));
        assertSameCatalog(viaUpgrade, viaScript, Dialect.SQLITE);
        runSqlite(viaScript, assertExit(0, autogen(viaScript, SAMPLES, "downgrade", FIRST + ":base", "--sql")).out());
        assertEquals(List.of(), versionRows(viaScript));
        assertEquals(List.of("autogen_history", "autogen_version"),
                rows(viaScript, "select name from sqlite_master where type = 'table' order by name"));
    }

    @Test
    void sqliteRebuildsAndDataStepsInAScript() throws Exception {
        Path migrations = RebuildMigrations.write(ScratchDirectory.create("offline-rebuild"));
        String viaScript = TestDatabases.freshSqlite("offline-rebuild-script");
        String viaUpgrade = TestDatabases.freshSqlite("offline-rebuild-upgrade");
        CliOutcome script = assertExit(0, autogen(viaScript, migrations.toString(), "upgrade", "--sql"));
        // the rebuild's "before" state comes from replaying the migrations: the new table keeps every column
        assertTrue(script.out().contains("insert into \"_autogen_new_notes\" (\"id\", \"body\", \"slug\") select "
                + "\"id\", \"body\", \"slug\" from \"notes\";"), script.out());
        assertTrue(script.out().contains("\n-- NOT RUN: Java callback \"fill slugs\" — a script cannot run Java; do"
                + " its work by hand here, or apply this revision with autogen upgrade\n"), script.out());
        runSqlite(viaScript, script.out());
        assertExit(0, autogen(viaUpgrade, migrations.toString(), "upgrade"));
        // names left out: the live rebuild reads "id" back as a rowid alias and drops the name pk_notes, which the
        // replayed definition keeps (a difference of the live SQLite reader, not of the script)
        assertEquals(CatalogShape.of(catalog(viaUpgrade, Dialect.SQLITE), Dialect.SQLITE),
                CatalogShape.of(catalog(viaScript, Dialect.SQLITE), Dialect.SQLITE));
        assertEquals(versionRows(viaUpgrade), versionRows(viaScript));
        // the per-dialect SQL ran in both; only the Java step is missing from the scripted database
        assertEquals(List.of("1 hello hello-world", "2 bye bye-now"), rows(viaUpgrade, "select id, body, slug from notes order by id"));
        assertEquals(List.of("1 hello null", "2 bye null"), rows(viaScript, "select id, body, slug from notes order by id"));
    }

    @Test
    void showPrintsOneRevisionAndItsSql() {
        CliOutcome sql = assertExit(0, autogen("jdbc:postgresql://nowhere.invalid/db", SAMPLES, "show", "2093", "--sql"));
        assertEquals("""
                -- 209336e70286 (add phone): upgrade statements for PostgreSQL
                alter table "users" add column "phone" character varying(16);
                -- hazard BLOCKS_WRITES: builds index ix_users_phone while writes to users wait (SHARE lock)
                -- hazard SCANS_TABLE: reads every row of users to build ix_users_phone
                create index "ix_users_phone" on "users" ("phone");
                """, sql.out());
        // the text form of show is pinned by CliRevisionGraphTest
    }

    @Test
    void offlineOptionsAreUsageErrors() {
        String url = TestDatabases.freshSqlite("offline-usage");
        assertTrue(autogen(url, SAMPLES, "upgrade", "--from", FIRST).assertOneLineError(2).contains("add --sql"));
        assertTrue(autogen(url, SAMPLES, "upgrade", "--sql", "--dialect", "oracle").assertOneLineError(2)
                .contains("unknown dialect 'oracle'"));
        assertTrue(autogen(url, SAMPLES, "upgrade", FIRST + ":head", "--from", FIRST, "--sql").assertOneLineError(2)
                .contains("give the start once"));
        assertTrue(autogen(url, SAMPLES, "downgrade", "base", "--sql", "--from", "ffff").assertOneLineError(2)
                .contains("no revision matches ffff"));
    }

    // ---- helpers

    private static CliOutcome autogen(String url, String migrations, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }

    private static CliOutcome assertExit(int code, CliOutcome outcome) {
        assertEquals(code, outcome.exitCode(), outcome::toString);
        return outcome;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Runs {@code script} with psql against the database of a {@code TestDatabases} URL; fails on its first error. */
    private static void psql(String jdbcUrl, String script) throws IOException, InterruptedException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Path file = Files.createTempFile(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "offline", ".sql");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", query.get("user"),
                "-d", uri.getPath().substring(1), "-f", file.toString()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", query.get("password"));
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "psql did not finish");
        assertEquals(0, process.exitValue(), () -> "psql failed:\n" + output + "\nscript:\n" + script);
    }

    /**
     * Runs a SQLite script through JDBC in autocommit, one statement per {@code ;} that ends a line (how the script
     * writer ends statements), so its own {@code BEGIN;}/{@code COMMIT;} make the transactions.
     */
    private static void runSqlite(String url, String script) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            StringBuilder statement = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.startsWith("--") || (statement.isEmpty() && line.isBlank())) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    st.execute(statement.toString());
                    statement.setLength(0);
                }
            }
            assertEquals("", statement.toString().strip(), "unterminated statement at the end of the script");
        }
    }

    private static void assertSameCatalog(String expectedUrl, String actualUrl, Dialect dialect) throws SQLException {
        Schema expected = catalog(expectedUrl, dialect);
        Schema actual = catalog(actualUrl, dialect);
        assertEquals(CatalogShape.of(expected, dialect), CatalogShape.of(actual, dialect));
        assertEquals(expected, actual);
    }

    private static Schema catalog(String url, Dialect dialect) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(dialect).read(c, null);
        }
    }

    private static List<String> tables(String url) throws SQLException {
        return rows(url, "select table_name from information_schema.tables where table_schema = 'public'"
                + " order by table_name");
    }

    private static List<String> versionRows(String url) throws SQLException {
        return rows(url, "select revision from autogen_version order by revision");
    }

    private static List<String> historyRows(String url) throws SQLException {
        return rows(url, "select revision, direction from autogen_history order by id");
    }

    private static List<String> historyChecksums(String url) throws SQLException {
        return rows(url, "select revision, direction, checksum, success from autogen_history order by id");
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        return dev.autogen.testing.TestSql.rows(url, sql);
    }
}
