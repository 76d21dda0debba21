package dev.autogen.generator.unmanaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.schema.Index;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #3, "unmanaged objects", through the command line on real databases: a table made by hand (no migration
 * created it, no entity maps it) is never dropped by {@code diff}, {@code check} or {@code -m}, only hinted at, and
 * {@code check} stays green because of it; a table a migration created whose entity is then removed is dropped, with
 * the data-loss warning printed and written above the operation.
 */
class UnmanagedTablesCliTest {
    private static final String BEFORE = "dev.autogen.generator.unmanaged.before";
    private static final String AFTER = "dev.autogen.generator.unmanaged.after";
    private static final String HINT =
            "hint: unmanaged table audit_log: no entity maps it and no migration created it; left alone";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void handMadeTablesAreHintsAndRemovedEntitiesAreDrops(Dialect dialect) throws Exception {
        String url = dialect == Dialect.POSTGRESQL ? TestDatabases.freshPostgres("unmanaged")
                : TestDatabases.freshSqlite("unmanaged");
        execute(url, "create table audit_log (id integer primary key, message varchar(100))",
                "create index ix_audit_log_message on audit_log (message)",
                "insert into audit_log (id, message) values (1, 'kept')");
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "unmanaged");
        List<String> common = List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "unmanaged.migrations");

        // no migrations yet: the hand-made table is unmanaged; the entities' tables are drift
        CliRun firstCheck = cli(common, "--packages", BEFORE, "check");
        assertEquals(1, firstCheck.exitCode(), firstCheck.toString());
        assertTrue(firstCheck.out().startsWith(HINT + "\n"), firstCheck.toString());
        assertTrue(firstCheck.out().contains("  CreateTable note"), firstCheck.toString());
        assertFalse(firstCheck.out().contains("DropTable"), firstCheck.toString());
        assertFalse(firstCheck.out().contains("DropIndex"), firstCheck.toString());

        CliRun initial = cli(common, "--packages", BEFORE, "-m", "initial", "--rev-id", "u1");
        assertEquals(0, initial.exitCode(), initial.toString());
        assertTrue(initial.out().startsWith(HINT + "\n"), initial.toString());
        String first = Files.readString(migrations.resolve("unmanaged/migrations/V0001_Initial.java"));
        assertTrue(first.contains("    public void upgrade(SchemaChanges schema) {\n        // "
                + HINT.substring("hint: ".length()) + "\n"), first);
        assertFalse(first.contains("audit_log\""), first);

        assertEquals(0, cli(common, "--packages", BEFORE, "upgrade").exitCode());
        CliRun clean = cli(common, "--packages", BEFORE, "check");
        assertEquals(0, clean.exitCode(), clean.toString());
        assertEquals(HINT + "\n", clean.out().lines().findFirst().orElseThrow() + "\n", clean.toString());
        assertTrue(clean.out().contains("In sync: "), clean.toString());

        CliRun diff = cli(common, "--packages", BEFORE, "diff");
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().startsWith(HINT + "\nNo differences: "), diff.toString());
        CliRun json = cli(common, "--packages", BEFORE, "diff", "--format", "json");
        assertEquals("{\"operations\":[],\"hints\":[\"" + HINT.substring("hint: ".length()) + "\"]}\n", json.out(),
                json.toString());
        CliRun sql = cli(common, "--packages", BEFORE, "diff", "--format", "sql");
        assertEquals("-- " + HINT.substring("hint: ".length()) + "\n", sql.out(), sql.toString());
        CliRun checkJson = cli(common, "--packages", BEFORE, "check", "--format", "json");
        assertEquals(0, checkJson.exitCode(), checkJson.toString());
        assertTrue(checkJson.out().contains("\"hints\":[\"unmanaged table audit_log"), checkJson.toString());

        // the entity Note is removed: its table, which a migration created, is dropped with a data-loss warning
        CliRun drift = cli(common, "--packages", AFTER, "check");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("  ! DATA_LOSS: drops table note and every row in it\n  ! BREAKS_RUNNING_APP: the"
                        + " application still deployed fails on the missing table note\n  DropTable note\n"),
                drift.toString());
        CliRun explained = cli(common, "--packages", AFTER, "diff");
        assertTrue(explained.out().contains("  DropTable note\n      because: note: no entity maps it;"
                + " database: table with 3 columns\n"), explained.toString());
        CliRun second = cli(common, "--packages", AFTER, "-m", "drop note", "--rev-id", "u2");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().startsWith(HINT + "\n"), second.toString());
        assertTrue(second.out().contains("  ! DATA_LOSS: drops table note and every row in it\n  ! BREAKS_RUNNING_APP: the"
                        + " application still deployed fails on the missing table note\n  DropTable note\n"),
                second.toString());
        assertFalse(second.out().contains("DropTable audit_log"), second.toString());
        String source = Files.readString(migrations.resolve("unmanaged/migrations/V0002_DropNote.java"));
        assertTrue(source.contains("        // hazard DATA_LOSS: drops table note and every row in it\n"
                + "        // hazard BREAKS_RUNNING_APP: the application still deployed fails on the missing table note\n"
                + "        schema.dropTable("), source);
        assertFalse(source.contains("\"audit_log\""), source);

        assertEquals(0, cli(common, "--packages", AFTER, "upgrade").exitCode());
        CliRun done = cli(common, "--packages", AFTER, "check");
        assertEquals(0, done.exitCode(), done.toString());
        Schema catalog = catalog(url, dialect);
        assertTrue(catalog.table("note").isEmpty());
        assertEquals(List.of("ix_audit_log_message"),
                catalog.table("audit_log").orElseThrow().indexes().stream().map(Index::name).toList());
        assertEquals(1, count(url, "audit_log"));
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int count(String url, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Schema catalog(String url, Dialect dialect) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return CatalogReader.forDialect(dialect).read(connection, null);
        }
    }

    private static CliRun cli(List<String> common, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
