package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #15, item 9: an entity whose field type is missing from {@code --classpath} is bad input, not drift. Every
 * command that reads the entities exits 2 with one line naming the missing class and the fix, writes nothing, and
 * {@code --format json} still prints JSON: an {@code error} object.
 */
class CliMissingEntityClassTest {
    private static Path classes;
    private static Path migrations;

    @BeforeAll
    static void compileEntitiesThenLoseOneType() throws Exception {
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "missing_type");
        Path sources = Files.createDirectories(root.resolve("src/shop/model"));
        Files.writeString(sources.resolve("Money.java"), """
                package shop.model;
                @jakarta.persistence.Embeddable
                public class Money {
                    public long cents;
                    public String currency;
                }
                """);
        Files.writeString(sources.resolve("Purchase.java"), """
                package shop.model;
                @jakarta.persistence.Entity
                public class Purchase {
                    @jakarta.persistence.Id public Long id;
                    public Money total;
                }
                """);
        classes = Files.createDirectories(root.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("Money.java").toString(), sources.resolve("Purchase.java").toString());
        assertEquals(0, compiled);
        // the field's type is not on the classpath given to autogen (a jar left out of --classpath)
        Files.delete(classes.resolve("shop/model/Money.class"));
        migrations = Files.createDirectories(root.resolve("migrations"));
    }

    private static List<String> common(String url) {
        return List.of("--url", url, "--classpath", classes.toString(), "--packages", "shop.model",
                "--migrations", migrations.toString(), "--migrations-package", "shop.migrations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyCommandThatReadsTheEntitiesSaysWhichClassIsMissing(String database) throws Exception {
        String url = database.equals("sqlite") ? TestDatabases.freshSqlite("missing_type")
                : TestDatabases.freshPostgres("missing_type");
        for (List<String> command : List.of(List.of("check"), List.of("check", "--offline"), List.of("diff"),
                List.of("-m", "purchases"))) {
            CliRun run = CliRun.of(common(url), command.toArray(String[]::new));
            assertEquals(2, run.exitCode(), command + ": " + run);
            assertEquals(1, run.err().lines().count(), command + ": one line, no stack trace: " + run);
            assertTrue(run.err().startsWith("autogen: cannot load the entities: class shop.model.Money is missing"),
                    command + ": " + run);
            assertTrue(run.err().contains("add the jar or directory that has it to --classpath"), command + ": " + run);
        }
        try (var written = Files.walk(migrations)) {
            assertEquals(List.of(migrations), written.toList(), "-m wrote nothing");
        }
    }

    @Test
    void formatJsonPrintsAnErrorObject() throws Exception {
        String url = TestDatabases.freshSqlite("missing_type_json");
        for (List<String> command : List.of(List.of("check", "--format", "json"), List.of("diff", "--format", "json"),
                List.of("check", "--offline", "--format", "json"))) {
            CliRun run = CliRun.of(common(url), command.toArray(String[]::new));
            assertEquals(2, run.exitCode(), command + ": " + run);
            assertTrue(run.out().startsWith("{\"error\":{\"exitCode\":2,\"message\":\"cannot load the entities: class"
                    + " shop.model.Money is missing"), command + ": " + run);
            assertTrue(run.out().endsWith("}}\n"), command + ": " + run);
        }
        // a usage error before anything runs is JSON too
        CliRun badOption = CliRun.of(common(url), "check", "--format", "json", "--no-such-option");
        assertEquals(2, badOption.exitCode(), badOption.toString());
        assertTrue(badOption.out().startsWith("{\"error\":{\"exitCode\":2,\"message\":\"Unknown option"),
                badOption.toString());
    }
}
