package dev.autogen.generator.namespaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables in other schemas ({@code @Table(schema = ...)}) through the command line on real PostgreSQL: {@code -m}
 * writes schema-qualified names, {@code upgrade} creates the schema and the tables in it, {@code check} is then clean
 * (the catalog reader reads the schemas the entities name, and {@code schema = "public"} means the default schema),
 * a removed entity's table in another schema is still found and dropped (the schemas the migrations created tables
 * in are read too), and {@code downgrade base} removes the tables. On SQLite, which has no schemas, the same entities are refused with
 * one line.
 */
class SchemaQualifiedTablesCliTest {
    private static final String PACKAGE = "dev.autogen.generator.namespaces.entities";
    /** The same entities without Invoice. */
    private static final String REMOVED = "dev.autogen.generator.namespaces.removed";

    @Test
    void tablesInOtherSchemasAreCreatedCheckedAndDropped() throws Exception {
        String url = TestDatabases.freshPostgres("namespaces");
        Path migrations = Files.createTempDirectory("namespaces");

        CliRun generate = cli(url, migrations, "-m", "initial", "--rev-id", "aaaaaaaaaaa1");
        assertEquals(0, generate.exitCode(), generate.toString());
        String source = Files.readString(migrations.resolve("ns/migrations/V0001_Initial.java"));
        assertTrue(source.contains("schema.createTable(table(\"billing.invoice\")"), source);
        assertTrue(source.contains("schema.createTable(table(\"customer\")"), source);
        assertFalse(source.contains("public.customer"), source);

        // the offline check replays the migration and compares without a database (schema = "public" included)
        CliRun offline = cli(url, migrations, "check", "--offline");
        assertEquals(0, offline.exitCode(), offline.toString());

        CliRun upgrade = cli(url, migrations, "upgrade");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        TestSql.execute(url, "insert into customer (id, name) values (1, 'Ada')",
                "insert into billing.invoice (id, number, customer_id) values (7, 'F-1', 1)");
        assertEquals(List.of("7|F-1|1"), TestSql.strings(url,
                "select id || '|' || number || '|' || customer_id from billing.invoice"));
        assertEquals(List.of("ix_invoice_number"), TestSql.strings(url,
                "select indexname from pg_indexes where schemaname = 'billing' and indexname like 'ix_%'"));

        CliRun check = cli(url, migrations, "check");
        assertEquals(0, check.exitCode(), check.toString());

        // the Invoice entity removed: its table, in a schema no entity names any more, is still read and dropped
        CliRun drift = cliWith(REMOVED, url, migrations, "check");
        assertEquals(1, drift.exitCode(), drift.toString());
        assertTrue(drift.out().contains("DropTable billing.invoice"), drift.toString());
        assertTrue(drift.out().contains("DATA_LOSS: drops table billing.invoice"), drift.toString());

        CliRun downgrade = cli(url, migrations, "downgrade", "base", "--allow-data-loss");
        assertEquals(0, downgrade.exitCode(), downgrade.toString());
        assertEquals(List.of("0"), TestSql.strings(url,
                "select count(*) from pg_class where relname in ('invoice', 'customer') and relkind = 'r'"));
    }

    @Test
    void sqliteRefusesSchemaQualifiedEntitiesInOneLine() throws Exception {
        String url = TestDatabases.freshSqlite("namespaces");
        Path migrations = Files.createTempDirectory("namespaces");
        CliRun generate = cli(url, migrations, "-m", "initial");
        assertEquals(2, generate.exitCode(), generate.toString());
        assertEquals(1, generate.err().strip().lines().count(), generate.toString());
        assertTrue(generate.err().contains("names a schema, which SQLite does not have"), generate.toString());
        try (var files = Files.list(migrations)) {
            assertEquals(0, files.count(), "no migration written");
        }
    }

    private static CliRun cli(String url, Path migrations, String... args) {
        return cliWith(PACKAGE, url, migrations, args);
    }

    private static CliRun cliWith(String packages, String url, Path migrations, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", "ns.migrations", "--packages", packages));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
