package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.config.Redaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error contract of DESIGN.md §4 for bad input: exactly one line on stderr, starting {@code autogen: }, naming
 * what is wrong and what to do, no stack trace unless {@code --verbose}, never a password; exit 2 for bad usage,
 * configuration or input and 3 for a database or migration failure.
 */
class CliErrorsTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/nope";

    private Path dir;

    @BeforeEach
    void scratch() throws IOException {
        dir = ScratchDirectory.create("cli-errors");
    }

    /**
     * An empty SQLite file (a 0-byte file: reading commands do not create a missing one) and an empty migrations
     * directory in the test's own temp dir (never the repository's).
     */
    private List<String> sqlite(String... args) throws IOException {
        if (!Files.exists(dir.resolve("test.db"))) {
            Files.createFile(dir.resolve("test.db"));
        }
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        List<String> all = new ArrayList<>(List.of("--url", "jdbc:sqlite:" + dir.resolve("test.db"),
                "--migrations", migrations.toString()));
        all.addAll(List.of(args));
        return all;
    }

    private static CliOutcome run(List<String> args) {
        return CliOutcome.run(args.toArray(String[]::new));
    }

    @Test
    void unreachableDatabaseIsExit3NamingTheUrlButNotThePassword() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        String line = CliOutcome.run("--url", UNREACHABLE, "--user", "u", "--password", "secret123",
                "--migrations", dir.resolve("migrations").toString(), "check").assertOneLineError(3);
        assertTrue(line.contains(UNREACHABLE), line);
        assertTrue(line.contains("--url"), line);
        assertFalse(line.contains("secret123"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            UNREACHABLE + "?password=secret123", // a password parameter
            UNREACHABLE + "?user=u&password=secret123&ssl=false", // one among others
            "jdbc:postgresql://u:secret123@127.0.0.1:1/nope", // user:password@host
    })
    void passwordInsideTheUrlIsMasked(String url) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        String line = CliOutcome.run("--url", url, "--migrations", dir.resolve("migrations").toString(), "check")
                .assertOneLineError(3);
        assertTrue(line.startsWith("autogen: cannot connect to " + Redaction.url(url) + ": "), line);
        assertTrue(line.contains("***"), line);
        assertFalse(line.contains("secret123"), line);
    }

    @Test
    void verboseAddsTheStackTraceStillWithoutThePassword() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        CliOutcome outcome = CliOutcome.run("--url", UNREACHABLE + "?password=secret123", "--password", "secret123",
                "--migrations", dir.resolve("migrations").toString(), "check", "--verbose");
        assertEquals(3, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.err().startsWith("autogen: cannot connect to " + UNREACHABLE), outcome::toString);
        assertTrue(outcome.err().lines().count() > 5, outcome::toString);
        assertTrue(outcome.err().contains("\tat "), outcome::toString);
        assertTrue(outcome.err().contains("Caused by"), outcome::toString);
        assertFalse(outcome.err().contains("secret123"), outcome::toString);
    }

    @Test
    void unknownOptionIsExit2() {
        String line = CliOutcome.run("--frobnicate").assertOneLineError(2);
        assertTrue(line.contains("--frobnicate"), line);
        assertTrue(line.contains("autogen --help"), line);
    }

    @Test
    void unknownSubcommandIsExit2() {
        String line = CliOutcome.run("frobnicate").assertOneLineError(2);
        assertTrue(line.contains("'frobnicate'"), line);
    }

    @Test
    void revisionWithoutMessageIsExit2() {
        String line = CliOutcome.run("revision").assertOneLineError(2);
        assertTrue(line.contains("--message"), line);
        assertTrue(line.contains("autogen revision --help"), line);
    }

    @Test
    void messageBeforeAnotherCommandIsExit2() throws IOException {
        String line = run(sqlite("-m", "add phone", "upgrade")).assertOneLineError(2);
        assertTrue(line.contains("autogen revision -m MESSAGE"), line);
        assertEquals(List.of(), tables()); // upgrade did not run
    }

    @Test
    void revisionIdWithoutMessageIsExit2() {
        String line = CliOutcome.run("--rev-id", "abc").assertOneLineError(2);
        assertTrue(line.contains("-m MESSAGE"), line);
    }

    @Test
    void invalidFormatIsExit2() {
        String line = CliOutcome.run("diff", "--format", "xml").assertOneLineError(2);
        assertTrue(line.contains("'xml'") && line.contains("--format"), line);
    }

    @Test
    void noEntitiesInThePackagesIsExit2NamingThePackage() throws IOException {
        String line = run(sqlite("--packages", "no.such.pkg", "diff")).assertOneLineError(2);
        assertTrue(line.contains("no.such.pkg"), line);
        assertTrue(line.contains("--packages"), line);
    }

    @Test
    void entitiesHibernateCannotMapAreExit2() throws IOException, URISyntaxException {
        // the generator's own test fixtures: an @Entity without @Id
        Path testClasses = Path.of(CliErrorsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String line = run(sqlite("--classpath", testClasses.toString(),
                "--packages", "dev.autogen.generator.jpa.fixtures.broken", "diff")).assertOneLineError(2);
        assertTrue(line.contains("dev.autogen.generator.jpa.fixtures.broken.NoId"), line);
        assertTrue(line.contains("@Id"), line);
    }

    /**
     * check, diff and -m build the entity model on another thread while they read the database
     * (Project.alongsideEntityModel): when both sides fail, the database's error is still the one reported, as when
     * the two ran one after the other, and the build thread has ended when the command returns.
     */
    @ParameterizedTest
    @ValueSource(strings = {"check", "diff", "revision"})
    void databaseErrorWinsOverAnEntityErrorAndNoBuildThreadOutlivesTheCommand(String command)
            throws IOException, URISyntaxException {
        Path testClasses = Path.of(CliErrorsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(dir.resolve("migrations"));
        List<String> args = new ArrayList<>(List.of("--url", UNREACHABLE, "--migrations",
                dir.resolve("migrations").toString(), "--classpath", testClasses.toString(),
                "--packages", "dev.autogen.generator.jpa.fixtures.broken", command));
        if (command.equals("revision")) {
            args.addAll(List.of("-m", "x"));
        }
        String line = run(args).assertOneLineError(3);
        assertTrue(line.startsWith("autogen: cannot connect to " + UNREACHABLE), line);
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("autogen-entity-model")), "the build thread still runs");
    }

    @Test
    void missingClasspathEntryIsExit2() throws IOException {
        String line = run(sqlite("--classpath", "/does/not/exist", "--packages", "x", "diff")).assertOneLineError(2);
        assertTrue(line.contains("/does/not/exist"), line);
        assertTrue(line.contains("--classpath"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"upgrade", "check", "-m"})
    void missingMigrationsDirectoryIsExit2NamingIt(String command) {
        Path missing = dir.resolve("nope");
        List<String> args = new ArrayList<>(List.of("--url", "jdbc:sqlite:" + dir.resolve("test.db"),
                "--migrations", missing.toString(), command));
        if (command.equals("-m")) {
            args.add("add things");
        }
        String line = run(args).assertOneLineError(2);
        assertTrue(line.contains(missing.toString()), line);
        assertTrue(line.contains("--migrations"), line);
        assertFalse(Files.exists(missing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "diff", "upgrade", "current"})
    void unsupportedUrlIsExit2(String command) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        String line = CliOutcome.run("--url", "jdbc:h2:mem:y", "--migrations", dir.resolve("migrations").toString(),
                command).assertOneLineError(2);
        assertTrue(line.contains("jdbc:h2:mem:y"), line);
        assertTrue(line.contains("jdbc:postgresql:") && line.contains("jdbc:sqlite:") && line.contains("jdbc:mariadb:"), line);
    }

    @Test
    void missingConfigFileIsExit2() throws IOException {
        String line = run(sqlite("--config", "missing.properties", "check")).assertOneLineError(2);
        assertTrue(line.contains("missing.properties"), line);
        assertTrue(line.contains("--config"), line);
    }

    @Test
    void unknownKeyInConfigFileIsExit2() throws IOException {
        Path config = Files.writeString(dir.resolve("autogen.properties"), "url=jdbc:sqlite:x.db\npasword=oops\n");
        String line = run(sqlite("--config", config.toString(), "check")).assertOneLineError(2);
        assertTrue(line.contains("'pasword'"), line);
        assertTrue(line.contains(config.toString()), line);
        assertTrue(line.contains("password"), line); // the known keys, so the typo is easy to fix
    }

    @Test
    void migrationThatDoesNotCompileIsExit2NamingFileAndLine() throws IOException {
        List<String> args = sqlite("upgrade");
        Path file = writeMigration("V0001_Bad.java", """
                package p;

                public final class V0001_Bad {
                    int x = ;
                }
                """);
        String line = run(args).assertOneLineError(2);
        assertTrue(line.contains("do not compile"), line);
        assertTrue(line.contains(file + ":4:"), line);
    }

    @Test
    void compileErrorWithVerboseShowsTheTrace() throws IOException {
        List<String> args = sqlite("--verbose", "upgrade");
        writeMigration("V0001_Bad.java", "package p;\nclass V0001_Bad { int x = ; }\n");
        CliOutcome outcome = run(args);
        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.err().startsWith("autogen: migration sources do not compile: "), outcome::toString);
        assertTrue(outcome.err().lines().count() > 1, outcome::toString);
        assertTrue(outcome.err().contains("\tat "), outcome::toString);
    }

    @Test
    void severalCompileErrorsShowTheFirstAndCountTheRest() throws IOException {
        List<String> args = sqlite("upgrade");
        Path file = writeMigration("V0001_Bad.java", "package p;\nclass V0001_Bad {\n int x = ;\n int y = ;\n}\n");
        String line = run(args).assertOneLineError(2);
        assertTrue(line.contains(file + ":3:"), line);
        assertTrue(line.endsWith("(and 1 more error; --verbose lists them)"), line);
    }

    @Test
    void failingSqlIsExit3NamingTheRevisionAndLeavesNothingApplied() throws IOException {
        List<String> args = sqlite("upgrade");
        writeMigration("V0001_Broken.java", """
                package p;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "bbbbbbbbbbbb", message = "broken")
                public final class V0001_Broken implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        schema.execute("create table good (id integer)");
                        schema.execute("create table broken (");
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                    }
                }
                """);
        String line = run(args).assertOneLineError(3);
        assertTrue(line.contains("bbbbbbbbbbbb"), line);
        assertTrue(line.contains("create table broken ("), line);
        // the revision ran in one transaction: nothing of it stayed, and it is not recorded
        assertFalse(tables().contains("good"), tables()::toString);
        CliOutcome current = run(sqlite("current"));
        assertEquals(0, current.exitCode(), current::toString);
        assertEquals("base (no revision applied)\n", current.out());
    }

    @Test
    void unwritableMigrationsDirectoryIsExit2() throws IOException {
        List<String> args = sqlite("-m", "initial");
        Files.createFile(dir.resolve("migrations/dev")); // where the package directory should go
        String line = run(args).assertOneLineError(2);
        assertTrue(line.contains("cannot write " + dir.resolve("migrations/dev/autogen/sample/migrations")), line);
        // the reason, in the JDK's words: "Not a directory" here, "a file is in the way" on other file systems
        assertTrue(line.contains("Not a directory") || line.contains("a file is in the way"), line);
        assertTrue(line.endsWith("check --migrations"), line);
    }

    @Test
    void invalidRevisionIdIsExit2AndWritesNothing() throws IOException {
        String line = run(sqlite("-m", "initial", "--rev-id", "a\"b")).assertOneLineError(2);
        assertTrue(line.contains("--rev-id"), line);
        try (var files = Files.walk(dir.resolve("migrations"))) {
            assertEquals(List.of(dir.resolve("migrations")), files.toList());
        }
    }

    /**
     * The real process: {@code main} exits with the code, and nothing else reaches stderr (pgjdbc logs an invalid
     * port through java.util.logging, which the command line silences unless {@code --verbose}).
     */
    @Test
    void processPrintsOnlyTheOneLine() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("migrations"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AutogenCommand.class.getName(), "--url", "jdbc:postgresql://127.0.0.1:99999999/nope",
                "--password", "secret123", "--migrations", dir.resolve("migrations").toString(), "current")
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err = new String(process.getErrorStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, process.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("autogen: cannot connect to jdbc:postgresql://127.0.0.1:99999999/nope"), err);
    }

    /** The tables in the test's SQLite file. */
    private List<String> tables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "select name from sqlite_schema where type = 'table' order by name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return tables;
    }

    private Path writeMigration(String name, String source) throws IOException {
        Path file = Files.createDirectories(dir.resolve("migrations/p")).resolve(name);
        return Files.writeString(file, source);
    }
}
