package dev.autogen.generator.rls;

import static dev.autogen.generator.rls.RowSecurityDatabase.as;
import static dev.autogen.generator.rls.RowSecurityDatabase.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.schema.Policy;
import dev.autogen.schema.PolicyCommand;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restrictive policy ({@code @Policy(restrictive = true)}) on a real PostgreSQL, through the command line: it is
 * generated {@code as restrictive}, narrows what the permissive policy grants for a role that is not a superuser, is
 * read back as restrictive (so {@code check} is clean), and a policy turned permissive by hand is a drift that
 * {@code check} reports as a drop and a create.
 */
class RestrictivePolicyCliTest {

    @Test
    void aRestrictivePolicyRoundTripsNarrowsAndItsDriftIsCaught() throws Exception {
        String admin = TestDatabases.freshPostgres("rls_restrictive");
        RowSecurityDatabase.create(admin, "rp_owner", new String[] {"rp_owner", "rp_app_user"});
        String owner = as(admin, "rp_owner");
        String app = as(admin, "rp_app_user");
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rls_restrictive");
        List<String> common = List.of("--url", owner, "--migrations", migrations.toString(),
                "--migrations-package", "rls.restrictive", "--packages", "dev.autogen.generator.rls.restrictive");

        CliRun generate = CliRun.of(common, "-m", "documents", "--rev-id", "d1");
        assertEquals(0, generate.exitCode(), generate.toString());
        String source = Files.readString(migrations.resolve("rls/restrictive/V0001_Documents.java"));
        assertTrue(source.contains("schema.createPolicy(\"document\", PolicySpec.policy(\"not_archived\").restrictive()\n"),
                source);
        assertTrue(source.contains("schema.createPolicy(\"document\", PolicySpec.policy(\"everyone\")\n"), source);
        CliRun upgrade = CliRun.of(common, "upgrade");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        CliRun inSync = CliRun.of(common, "check");
        assertEquals(0, inSync.exitCode(), inSync.toString());
        assertEquals(List.of(new Policy("everyone", PolicyCommand.ALL, List.of(), "true", null, false),
                        new Policy("not_archived", PolicyCommand.ALL, List.of(), "NOT archived", null, true)),
                catalog(admin).table("document").orElseThrow().policies());

        TestSql.execute(owner, "grant usage on schema public to rp_app_user",
                "grant select, insert, update, delete on document to rp_app_user");
        TestSql.execute(admin, "insert into document (id, archived, title) values (1, false, 'live'), (2, true, 'old')");
        try (Connection c = DriverManager.getConnection(app); Statement st = c.createStatement()) {
            assertEquals(List.of("live"), titles(st), "the restrictive policy hides archived rows");
            assertEquals(0, st.executeUpdate("delete from document where id = 2"));
        }

        // a restrictive policy turned permissive by hand is a drift
        TestSql.execute(admin, "drop policy not_archived on document",
                "create policy not_archived on document as permissive using (not archived)");
        try (Connection c = DriverManager.getConnection(app); Statement st = c.createStatement()) {
            assertEquals(List.of("live", "old"), titles(st), "permissive, it grants instead of narrowing");
        }
        CliRun drift = CliRun.of(common, "check");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("  DropPolicy document not_archived\n"), drift.toString());
        assertTrue(drift.out().contains("  CreatePolicy document not_archived as restrictive for all to public"
                + " using (not archived)\n"), drift.toString());
        CliRun sql = CliRun.of(common, "diff", "--format", "sql");
        assertEquals("drop policy \"not_archived\" on \"document\";\ncreate policy \"not_archived\" on \"document\""
                + " as restrictive for all to public using (not archived);\n", sql.out(), sql.toString());

        CliRun fix = CliRun.of(common, "-m", "restrict again", "--rev-id", "d2");
        assertEquals(0, fix.exitCode(), fix.toString());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        assertEquals(0, CliRun.of(common, "check").exitCode());
        try (Connection c = DriverManager.getConnection(app); Statement st = c.createStatement()) {
            assertEquals(List.of("live"), titles(st));
        }
        CliRun down = CliRun.of(common, "downgrade", "-1");
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals(false, catalog(admin).table("document").orElseThrow().policy("not_archived").orElseThrow()
                .restrictive(), "the downgrade restores the permissive policy the revision replaced");
    }

    private static List<String> titles(Statement st) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (ResultSet rows = st.executeQuery("select title from document order by id")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }

}
