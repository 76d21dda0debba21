package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code check --offline} needs no database: the committed sample migrations, replayed, build exactly what the sample
 * entities map (on both dialects), and an empty migrations directory is drift. The URL names a host that does not
 * exist, so any connection attempt would fail the test.
 */
class CheckOfflineTest {
    private static final String MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize().toString();
    private static final String NOWHERE = "jdbc:postgresql://nowhere.invalid/db";

    @Test
    void theSampleMigrationsBuildTheSampleEntitiesWithoutADatabase() {
        CliRun postgres = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "check", "--offline");
        assertEquals(0, postgres.exitCode(), postgres.toString());
        assertTrue(postgres.out().startsWith("In sync (offline): the migrations up to head 209336e70286"),
                postgres.toString());
        CliRun sqlite = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "check", "--offline",
                "--dialect", "sqlite");
        assertEquals(0, sqlite.exitCode(), sqlite.toString());
    }

    @Test
    void entitiesWithoutMigrationsAreDrift() throws Exception {
        Path empty = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "no-migrations");
        CliRun run = CliRun.of("--url", NOWHERE, "--migrations", empty.toString(), "check", "--offline");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("the entities differ from what the migrations build by 8 operations"),
                run.toString());
        assertTrue(run.out().contains("CreateTable tenants"), run.toString());
    }

    @Test
    void dialectWithoutOfflineIsAUsageError() {
        CliRun run = CliRun.of("--url", NOWHERE, "--migrations", MIGRATIONS, "check", "--dialect", "sqlite");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--dialect only applies to --offline"), run.toString());
    }
}
