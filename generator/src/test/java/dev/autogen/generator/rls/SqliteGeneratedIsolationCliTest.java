package dev.autogen.generator.rls;

import static dev.autogen.generator.rls.RowSecurityDatabase.as;
import static dev.autogen.generator.rls.RowSecurityDatabase.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.schema.Policy;
import dev.autogen.schema.RowLevelSecurity;
import dev.autogen.schema.Table;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 3: tenant isolation fails closed. A migration generated against SQLite from
 * {@code @TenantIsolated} entities still carries the row-level security operations (migrations are database-neutral;
 * SQLite's runtime skips them), so the very same migration isolates tenants on PostgreSQL for a role that is not a
 * superuser; autogenerate on SQLite does not plan them twice; and {@code check --offline} (SQLite's dialect) reports a
 * policy the migrations lack as drift.
 */
class SqliteGeneratedIsolationCliTest {
    private static final String ISOLATED = "dev.autogen.generator.rls.isolated";

    @Test
    void aMigrationGeneratedAgainstSqliteIsolatesTenantsOnPostgres() throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rls_sqlite");
        List<String> common = List.of("--migrations", migrations.toString(), "--migrations-package", "rlsq.migrations",
                "--packages", ISOLATED);
        String sqlite = TestDatabases.freshSqlite("rls_sqlite");

        CliRun generate = CliRun.of(common, "--url", sqlite, "-m", "tenant isolation", "--rev-id", "q1");
        assertEquals(0, generate.exitCode(), generate.toString());
        Path file = migrations.resolve("rlsq/migrations/V0001_TenantIsolation.java");
        String source = Files.readString(file);
        assertTrue(source.contains("schema.setRowLevelSecurity(\"note\", new RowLevelSecurity(true, true),"
                + " RowLevelSecurity.NONE);"), source);
        assertTrue(source.contains("schema.createPolicy(\"note\", PolicySpec.policy(\"tenant_isolation\")"), source);

        // SQLite skips it with its notice; the next check and autogenerate see what the migration set: no repeat
        CliRun onSqlite = CliRun.of(common, "--url", sqlite, "upgrade");
        assertEquals(0, onSqlite.exitCode(), onSqlite.toString());
        assertTrue(onSqlite.out().contains("SQLite has no row-level security; its row-level security operations are"
                + " skipped"), onSqlite.toString());
        CliRun sqliteCheck = CliRun.of(common, "--url", sqlite, "check");
        assertEquals(0, sqliteCheck.exitCode(), sqliteCheck.toString());
        CliRun again = CliRun.of(common, "--url", sqlite, "-m", "nothing new", "--rev-id", "q2");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(List.of("V0001_TenantIsolation.java", "autogen-head"),
                filesIn(migrations.resolve("rlsq/migrations")));

        // the same migration on PostgreSQL, run by the owner: policies in pg_policy, tenants kept apart
        String admin = TestDatabases.freshPostgres("rls_sqlite");
        RowSecurityDatabase.create(admin, "rlsq_owner", new String[] {"rlsq_owner", "rlsq_app"}, "rls_auditor");
        String owner = as(admin, "rlsq_owner");
        CliRun onPostgres = CliRun.of(common, "--url", owner, "upgrade");
        assertEquals(0, onPostgres.exitCode(), onPostgres.toString());
        Table note = catalog(admin).table("note").orElseThrow();
        assertEquals(new RowLevelSecurity(true, true), note.rowLevelSecurity());
        assertEquals(List.of("auditor_reads_all", "tenant_isolation"), note.policies().stream().map(Policy::name).toList());
        assertEquals(List.of("auditor_reads_all", "tenant_isolation"),
                TestSql.strings(admin, "select polname from pg_policy where polrelid = 'note'::regclass order by 1"));
        TestSql.execute(owner, "grant usage on schema public to rlsq_app",
                "grant select, insert on note to rlsq_app");
        try (Connection c = DriverManager.getConnection(as(admin, "rlsq_app")); Statement st = c.createStatement()) {
            st.execute("set app.current_tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001'");
            st.execute("insert into note (id, tenant_id, body) values (1, 'aaaaaaaa-0000-0000-0000-000000000001', 'a')");
            st.execute("set app.current_tenant_id = 'bbbbbbbb-0000-0000-0000-000000000002'");
            st.execute("insert into note (id, tenant_id, body) values (2, 'bbbbbbbb-0000-0000-0000-000000000002', 'b')");
            assertEquals(List.of("b"), bodies(st), "tenant B sees only its own row");
            st.execute("set app.current_tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001'");
            assertEquals(List.of("a"), bodies(st), "tenant A sees only its own row");
        }
        CliRun postgresCheck = CliRun.of(common, "--url", owner, "check");
        assertEquals(0, postgresCheck.exitCode(), postgresCheck.toString());

        // a migration without the tenant policy is drift offline too (SQLite's dialect, no database)
        CliRun offline = CliRun.of(common, "--url", sqlite, "check", "--offline");
        assertEquals(0, offline.exitCode(), offline.toString());
        String withoutPolicy = source.replaceFirst(
                "(?s)schema\\.createPolicy\\(\"note\", PolicySpec\\.policy\\(\"tenant_isolation\"\\).*?\\);\\n", "");
        assertTrue(!withoutPolicy.equals(source), "the policy was removed from the migration");
        Files.writeString(file, withoutPolicy);
        CliRun drift = CliRun.of(common, "--url", sqlite, "check", "--offline");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("  CreatePolicy note tenant_isolation for all to public using ("),
                drift.toString());
    }

    private static List<String> filesIn(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> bodies(Statement st) throws SQLException {
        List<String> bodies = new java.util.ArrayList<>();
        try (ResultSet rows = st.executeQuery("select body from note order by id")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        }
        return bodies;
    }
}
