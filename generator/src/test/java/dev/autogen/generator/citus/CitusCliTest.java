package dev.autogen.generator.citus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Citus declarations ({@code @Distributed}, {@code @ReferenceTable}): {@code -m} writes the
 * {@code create_reference_table} / {@code create_distributed_table} steps after the tables it creates (checked as
 * text: no Citus server runs here), they render as PostgreSQL SQL in {@code upgrade --sql} and do nothing on SQLite;
 * a distributed table whose primary key leaves out the distribution column is refused before anything is written.
 */
class CitusCliTest {
    @Test
    void generatedMigrationDistributesTheTablesItCreates() throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "citus");
        List<String> common = List.of("--migrations", migrations.toString(), "--migrations-package", "citus.m",
                "--packages", "dev.autogen.generator.citus.sharded");
        String sqlite = TestDatabases.freshSqlite("citus");

        CliRun generate = CliRun.of(common, "--url", sqlite, "-m", "sharded", "--rev-id", "c1");

        assertEquals(0, generate.exitCode(), generate.toString());
        String source = Files.readString(migrations.resolve("citus/m/V0001_Sharded.java"));
        int reference = source.indexOf("select create_reference_table('\\\"country\\\"')");
        int distributed = source.indexOf("select create_distributed_table('\\\"orders\\\"', 'tenant_id')");
        assertTrue(reference > source.lastIndexOf("schema.createTable("), source);
        assertTrue(distributed > reference, source);
        assertTrue(source.contains("select undistribute_table('\\\"orders\\\"')"), source);

        CliRun script = CliRun.of(common, "--url", sqlite, "upgrade", "--sql", "--dialect", "postgresql");
        assertEquals(0, script.exitCode(), script.toString());
        assertTrue(script.out().contains("select create_reference_table('\"country\"');"), script.out());
        assertTrue(script.out().contains("select create_distributed_table('\"orders\"', 'tenant_id');"), script.out());

        CliRun onSqlite = CliRun.of(common, "--url", sqlite, "upgrade");
        assertEquals(0, onSqlite.exitCode(), onSqlite.toString());
        CliRun check = CliRun.of(common, "--url", sqlite, "check");
        assertEquals(0, check.exitCode(), check.toString());
    }

    @Test
    void aDistributedTableWhoseKeyLeavesOutTheColumnIsRefusedBeforeWriting() throws Exception {
        Path migrations = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "citus_bad");

        CliRun generate = CliRun.of(List.of("--migrations", migrations.toString(), "--migrations-package", "citus.b",
                "--packages", "dev.autogen.generator.citus.badkey"), "--url", TestDatabases.freshSqlite("citus_bad"),
                "-m", "sharded", "--rev-id", "b1");

        assertEquals(2, generate.exitCode(), generate.toString());
        assertEquals("autogen: table invoice is distributed by tenant_id, but its primary key (id) leaves it out:"
                + " Citus enforces a key only when it contains the distribution column — add tenant_id to the key, or"
                + " make the table a @ReferenceTable; nothing was written", generate.err().strip());
        assertFalse(Files.exists(migrations.resolve("citus/b")), "nothing written");
    }
}
