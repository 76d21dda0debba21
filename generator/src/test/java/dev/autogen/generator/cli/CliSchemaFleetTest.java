package dev.autogen.generator.cli;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static dev.autogen.testing.TestSql.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen upgrade --schemas} / {@code --schemas-query} on a real PostgreSQL with the repository's sample
 * migrations: every tenant schema gets its own tables and version tables, one failing schema is reported (exit 3)
 * without stopping the others, a rerun finishes it, and {@code --schema} makes {@code check} and {@code current} read
 * that schema's version table.
 */
class CliSchemaFleetTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final String HEAD = "209336e70286";
    private static final List<String> SAMPLE_TABLES = List.of("agents", "autogen_history", "autogen_version",
            "executions", "organizations", "tenants", "user_identities", "users");

    @Test
    void twentyTenantSchemasOneFailingThenARerunFinishesIt() throws Exception {
        String url = TestDatabases.freshPostgres("clifleet");
        List<String> schemas = IntStream.rangeClosed(1, 20).mapToObj(i -> "tenant_%02d".formatted(i)).toList();
        execute(url, schemas.stream().map(s -> "create schema " + s).toArray(String[]::new));
        // a table left over in tenant_07 makes the first revision (create table tenants) fail there
        execute(url, "create table tenant_07.tenants (legacy integer)");

        CliRun first = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schemas",
                String.join(",", schemas), "--parallel", "4");

        assertEquals(3, first.exitCode(), first.toString());
        List<String> summary = summary(first.out(), schemas);
        for (int i = 0; i < schemas.size(); i++) {
            String schema = schemas.get(i);
            if (schema.equals("tenant_07")) {
                assertTrue(summary.get(i).startsWith("tenant_07: FAILED at revision 04c351a8712d (at base): revision"
                        + " 04c351a8712d (initial schema) failed at statement: create table \"tenants\""),
                        summary.get(i));
                assertTrue(summary.get(i).contains("relation \"tenants\" already exists"), summary.get(i));
            } else {
                assertEquals(schema + ": applied 2 revisions, at " + HEAD, summary.get(i));
                assertEquals(SAMPLE_TABLES, tables(url, schema), schema);
                assertEquals(List.of(HEAD), strings(url, "select revision from " + schema + ".autogen_version"));
            }
        }
        assertTrue(first.out().contains("tenant_03: applying 04c351a8712d initial schema … "), first.out());
        assertTrue(first.out().endsWith("20 schemas: 19 upgraded, 0 already up to date, 1 failed.\n"), first.out());
        assertEquals("autogen: 1 of 20 schemas failed (tenant_07); the others are migrated — fix the cause and run"
                + " the same command again: it finishes what is left\n", first.err());
        assertEquals(List.of("autogen_history", "autogen_version", "tenants"), tables(url, "tenant_07"),
                "nothing of the failed revision is left");
        assertEquals(List.of(), strings(url, "select revision from tenant_07.autogen_version"));
        assertEquals(List.of(), tables(url, "public"), "nothing went to public");

        // --schema points current and check at one tenant's version table and tables
        CliRun current = CliRun.of("--url", url, "--migrations", MIGRATIONS, "current", "--schema", "tenant_07");
        assertEquals("base (no revision applied)\n", current.out(), current.toString());
        CliRun check = CliRun.of("--url", url, "--migrations", MIGRATIONS, "check", "--schema", "tenant_03");
        assertEquals(0, check.exitCode(), check.toString());
        assertTrue(check.out().contains("is at head " + HEAD), check.toString());

        execute(url, "drop table tenant_07.tenants");
        CliRun rerun = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schemas-query",
                "select nspname from pg_namespace where nspname like 'tenant\\_%' order by 1");

        assertEquals(0, rerun.exitCode(), rerun.toString());
        List<String> again = summary(rerun.out(), schemas);
        for (int i = 0; i < schemas.size(); i++) {
            String schema = schemas.get(i);
            assertEquals(schema + (schema.equals("tenant_07") ? ": applied 2 revisions, at " : ": nothing to apply, at ")
                    + HEAD, again.get(i));
            assertEquals(SAMPLE_TABLES, tables(url, schema), schema);
        }
        assertTrue(rerun.out().endsWith("20 schemas: 1 upgraded, 19 already up to date, 0 failed.\n"), rerun.out());
        assertEquals("", rerun.err());
    }

    @Test
    void oneSchemaWithSchemaOptionAndMissingSchemas() throws Exception {
        String url = TestDatabases.freshPostgres("clischema");
        execute(url, "create schema acme");

        CliRun single = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schema", "acme");
        assertEquals(0, single.exitCode(), single.toString());
        assertEquals(SAMPLE_TABLES, tables(url, "acme"));
        assertEquals(List.of(), tables(url, "public"));
        assertEquals(HEAD + " V0002_AddPhone - add phone (head)\n",
                CliRun.of("--url", url, "--migrations", MIGRATIONS, "current", "--schema", "acme").out());
        assertEquals("base (no revision applied)\n",
                CliRun.of("--url", url, "--migrations", MIGRATIONS, "current").out(), "public is untouched");

        CliRun missing = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schemas",
                "acme,globex,initech");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals("autogen: schemas globex, initech do not exist: create them, or pass --create-schemas; nothing"
                + " was migrated\n", missing.err());

        CliRun created = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schemas",
                "acme,globex", "--create-schemas", "--parallel", "1");
        assertEquals(0, created.exitCode(), created.toString());
        assertEquals(List.of("acme: nothing to apply, at " + HEAD, "globex: applied 2 revisions, at " + HEAD),
                summary(created.out(), List.of("acme", "globex")));
        assertEquals(SAMPLE_TABLES, tables(url, "globex"));
    }

    @Test
    void usageErrors() {
        String sqlite = TestDatabases.freshSqlite("clifleet");
        assertUsage("autogen: --schemas and --schemas-query need PostgreSQL: SQLITE has no schemas (the database is "
                + sqlite + ")", "--url", sqlite, "upgrade", "--schemas", "a,b");
        assertUsage("autogen: --sql prints one script and --schemas runs one migration per schema: run the script in"
                + " each schema yourself (set search_path first), or drop --sql",
                "--url", sqlite, "upgrade", "--schemas", "a", "--sql");
        assertUsage("autogen: --parallel and --create-schemas apply to several schemas: add --schemas A,B,C or"
                + " --schemas-query SQL", "--url", sqlite, "upgrade", "--parallel", "2");
        assertUsage("autogen: give the schemas once: --schemas or --schemas-query, not both",
                "--url", sqlite, "upgrade", "--schemas", "a", "--schemas-query", "select 'a'");
        assertUsage("autogen: --parallel must be at least 1, not 0",
                "--url", sqlite, "upgrade", "--schemas", "a", "--parallel", "0");
    }

    private static void assertUsage(String message, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--migrations";
        all[1] = MIGRATIONS;
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun run = CliRun.of(all);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(message + "\n", run.err());
    }

    /** The summary lines (after the progress lines), one per schema in the order given. */
    private static List<String> summary(String out, List<String> schemas) {
        List<String> lines = out.lines().toList();
        List<String> summary = lines.subList(lines.size() - 1 - schemas.size(), lines.size() - 1);
        for (int i = 0; i < schemas.size(); i++) {
            assertTrue(summary.get(i).startsWith(schemas.get(i) + ": "), out);
        }
        return summary;
    }

    @Test
    void downgradeRevertsEachSchemaByItsOwnVersionTable() throws Exception {
        String url = TestDatabases.freshPostgres("clifleet_down");
        List<String> schemas = List.of("shop_a", "shop_b", "shop_c");
        CliRun up = CliRun.of("--url", url, "--migrations", MIGRATIONS, "upgrade", "--schemas",
                String.join(",", schemas), "--create-schemas");
        assertEquals(0, up.exitCode(), up.toString());
        // a downgrade of several schemas is not probed for data: dropping a column needs --allow-data-loss
        CliRun unconfirmed = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "-1", "--schemas",
                "shop_c");
        assertEquals(2, unconfirmed.exitCode(), unconfirmed.toString());
        assertTrue(unconfirmed.err().endsWith(": pass --allow-data-loss to revert anyway\n"), unconfirmed.toString());
        assertEquals(List.of(HEAD), strings(url, "select revision from shop_c.autogen_version"));
        // shop_c is already one revision down: -1 means one revision less than each schema's own state
        CliRun one = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "-1", "--schemas", "shop_c",
                "--allow-data-loss");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals("shop_c: reverted 1 revision, at 04c351a8712d", summary(one.out(), List.of("shop_c")).get(0));

        // shop_b lost the column its last revision added: reverting that revision fails there, and only there
        execute(url, "alter table shop_b.users drop column phone");
        CliRun down = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "base", "--schemas",
                String.join(",", schemas), "--parallel", "2", "--allow-data-loss");

        assertEquals(3, down.exitCode(), down.toString());
        List<String> lines = summary(down.out(), schemas);
        assertEquals("shop_a: reverted 2 revisions, at base", lines.get(0));
        assertTrue(lines.get(1).startsWith("shop_b: FAILED at revision " + HEAD + " (at " + HEAD + "): revision " + HEAD),
                lines.get(1));
        assertEquals("shop_c: reverted 1 revision, at base", lines.get(2));
        assertTrue(down.out().endsWith("3 schemas: 2 downgraded, 0 already there, 1 failed.\n"), down.out());

        execute(url, "alter table shop_b.users add column phone varchar(16)",
                "create index ix_users_phone on shop_b.users (phone)");
        CliRun rerun = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "base", "--schemas",
                String.join(",", schemas), "--allow-data-loss");
        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertEquals(List.of("shop_a: nothing to revert, at base", "shop_b: reverted 2 revisions, at base",
                "shop_c: nothing to revert, at base"), summary(rerun.out(), schemas));
        for (String schema : schemas) {
            assertEquals(List.of("autogen_history", "autogen_version"), tables(url, schema), schema);
            assertEquals(List.of(), strings(url, "select revision from " + schema + ".autogen_version"));
        }

        CliRun refused = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "base", "--schemas",
                "shop_a,shop_z", "--create-schemas");
        assertEquals(2, refused.exitCode(), refused.toString());
        assertEquals("autogen: --create-schemas applies to upgrade: a schema that does not exist has nothing to revert\n",
                refused.err());
        CliRun missing = CliRun.of("--url", url, "--migrations", MIGRATIONS, "downgrade", "base", "--schemas",
                "shop_a,shop_z", "--allow-data-loss");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertEquals("autogen: schema shop_z does not exist: create it; nothing was migrated\n", missing.err());
    }
}
