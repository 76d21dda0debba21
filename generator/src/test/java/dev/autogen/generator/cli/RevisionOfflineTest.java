package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen -m MESSAGE --offline} / {@code revision --offline} need no database: they plan against the schema the
 * existing migrations build (the replay of {@code check --offline}). The URL names a host that does not exist, so any
 * connection attempt fails the test; the written migration is then applied to a real SQLite database, where the online
 * {@code check} must find it matching the entities.
 */
class RevisionOfflineTest {
    private static final Path SAMPLE_MIGRATIONS =
            Path.of("..", "migrations", "src", "main", "java").toAbsolutePath().normalize();
    private static final String NOWHERE = "jdbc:postgresql://nowhere.invalid/db";
    private static final String WRITTEN =
            "dev/autogen/sample/migrations/V0001_InitialSchema.java";

    @Test
    void writesTheWholeSchemaFromNoMigrationsAndTheResultIsInSyncOfflineAndOnline() throws IOException {
        Path migrations = ScratchDirectory.create("offline-revision");
        CliRun generate = CliRun.of("--url", NOWHERE, "--migrations", migrations.toString(),
                "-m", "initial schema", "--offline", "--rev-id", "0ff11e000001");
        assertEquals(0, generate.exitCode(), generate.toString());
        assertTrue(generate.out().contains("(revision 0ff11e000001, 8 operations)"), generate.toString());
        Path file = migrations.resolve(WRITTEN);
        String source = Files.readString(file);
        assertTrue(source.contains("against the schema its migrations build (offline, PostgreSQL)"), source);
        assertTrue(source.contains("schema.createTable(table(\"tenants\")"), source);

        CliRun offlineCheck = CliRun.of("--url", NOWHERE, "--migrations", migrations.toString(), "check", "--offline");
        assertEquals(0, offlineCheck.exitCode(), offlineCheck.toString());

        String sqlite = "jdbc:sqlite:" + ScratchDirectory.create("offline-revision-db").resolve("app.db");
        CliRun upgrade = CliRun.of("--url", sqlite, "--migrations", migrations.toString(), "upgrade");
        assertEquals(0, upgrade.exitCode(), upgrade.toString());
        CliRun onlineCheck = CliRun.of("--url", sqlite, "--migrations", migrations.toString(), "check");
        assertEquals(0, onlineCheck.exitCode(), onlineCheck.toString());
        assertTrue(onlineCheck.out().startsWith("In sync: "), onlineCheck.toString());
    }

    @Test
    void theSameInputsWriteByteIdenticalFilesOnEitherCommand() throws IOException {
        Path first = ScratchDirectory.create("offline-revision-a");
        Path second = ScratchDirectory.create("offline-revision-b");
        CliRun a = CliRun.of("--url", NOWHERE, "--migrations", first.toString(),
                "-m", "initial schema", "--offline", "--rev-id", "0ff11e000002");
        CliRun b = CliRun.of("--url", NOWHERE, "--migrations", second.toString(),
                "revision", "-m", "initial schema", "--offline", "--rev-id", "0ff11e000002");
        assertEquals(0, a.exitCode(), a.toString());
        assertEquals(0, b.exitCode(), b.toString());
        assertArrayEquals(Files.readAllBytes(first.resolve(WRITTEN)), Files.readAllBytes(second.resolve(WRITTEN)));
    }

    @Test
    void migrationsThatAlreadyBuildTheEntitiesGiveNoRevision() throws IOException {
        Path migrations = ScratchDirectory.create("offline-revision-sample");
        copyTree(SAMPLE_MIGRATIONS, migrations);
        long before = countFiles(migrations);
        CliRun run = CliRun.of("--url", NOWHERE, "--migrations", migrations.toString(),
                "revision", "-m", "nothing", "--offline", "--dialect", "sqlite");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("No changes: the migrations already build what the entities in "
                + "dev.autogen.sample map; no migration written."), run.toString());
        assertEquals(before, countFiles(migrations));
    }

    @Test
    void dialectWithoutOfflineAndOfflineWithoutMessageAreUsageErrors() {
        CliRun dialect = CliRun.of("--url", NOWHERE, "--migrations", SAMPLE_MIGRATIONS.toString(),
                "revision", "-m", "x", "--dialect", "sqlite");
        assertEquals(2, dialect.exitCode(), dialect.toString());
        assertTrue(dialect.err().contains("--dialect only applies to --offline"), dialect.toString());
        CliRun noMessage = CliRun.of("--url", NOWHERE, "--offline");
        assertEquals(2, noMessage.exitCode(), noMessage.toString());
        assertTrue(noMessage.err().contains("need a message: autogen -m MESSAGE --offline"), noMessage.toString());
        CliRun beforeCommand = CliRun.of("--url", NOWHERE, "--offline", "check");
        assertEquals(2, beforeCommand.exitCode(), beforeCommand.toString());
        assertFalse(beforeCommand.out().contains("In sync"), beforeCommand.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
