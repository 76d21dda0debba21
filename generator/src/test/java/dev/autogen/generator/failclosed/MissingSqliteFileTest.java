package dev.autogen.generator.failclosed;

import static dev.autogen.generator.failclosed.FailClosedRun.autogen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.cli.AutogenCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, item 10: a command that only reads never creates a SQLite database. A mistyped file is one line (exit 2)
 * saying the file does not exist, and no file is left behind; {@code upgrade} and {@code stamp} still create it.
 */
class MissingSqliteFileTest {
    private static final String SAMPLES = "../migrations/src/main/java";

    @ParameterizedTest
    @ValueSource(strings = {"diff", "check", "history", "current", "validate", "downgrade -1", "repair"})
    void aReadingCommandRefusesAMissingFileAndCreatesNone(String command) throws Exception {
        Path typo = FailClosedRun.scratch("missing-sqlite").resolve("typo.db");
        List<String> args = new ArrayList<>(List.of("--url", "jdbc:sqlite:" + typo, "--migrations", SAMPLES));
        args.addAll(List.of(command.split(" ")));
        FailClosedRun run = autogen(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().strip().equals("autogen: SQLite database file does not exist: " + typo
                + " — check --url; autogen upgrade, stamp or -m create it"), run::toString);
        assertFalse(Files.exists(typo), "the command created " + typo);
    }

    /**
     * The embedded default ({@code jdbc:sqlite:autogen.db}, no configuration) before anything made it: read as the
     * empty database it stands for (the README's first command is {@code autogen diff}), and still not created.
     */
    @Test
    void theEmbeddedDefaultIsReadAsEmptyWithoutBeingCreated() throws Exception {
        Path dir = FailClosedRun.scratch("default-sqlite");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AutogenCommand.class.getName(), "--migrations", Path.of(SAMPLES).toAbsolutePath().toString(),
                "history").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("[ ] ") && output.contains("04c351a8712d"), output);
        assertFalse(Files.exists(dir.resolve("autogen.db")), output);
    }

    @Test
    void upgradeAndStampCreateIt() throws Exception {
        Path dir = FailClosedRun.scratch("missing-sqlite");
        Path upgraded = dir.resolve("upgraded.db");
        autogen("--url", "jdbc:sqlite:" + upgraded, "--migrations", SAMPLES, "upgrade").assertExit(0);
        assertTrue(Files.size(upgraded) > 0);
        Path stamped = dir.resolve("stamped.db");
        autogen("--url", "jdbc:sqlite:" + stamped, "--migrations", SAMPLES, "stamp", "base").assertExit(0);
        assertTrue(Files.exists(stamped));
        // an existing database is read as before
        autogen("--url", "jdbc:sqlite:" + upgraded, "--migrations", SAMPLES, "current").assertExit(0);
    }
}
