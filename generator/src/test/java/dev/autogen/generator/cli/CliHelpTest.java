package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code --help} works everywhere (exit 0, on stdout) and says what each command takes. */
class CliHelpTest {
    /** Options every command accepts (they are inherited from the root). */
    private static final List<String> SHARED = List.of("--url", "--user", "--password", "--classpath", "--packages",
            "--migrations", "--migrations-package", "--schema", "--config", "--verbose");

    /** What each command's help must mention beyond the shared options. */
    private static final Map<String, List<String>> OWN = Map.ofEntries(
            Map.entry("revision", List.of("--message", "--empty", "--autogenerate", "--rev-id")),
            Map.entry("diff", List.of("--format", "json", "sql")),
            Map.entry("check", List.of("--format", "exit 1", "--offline", "--dialect", "--lint", "--lint-accept")),
            Map.entry("upgrade", List.of("TARGET", "head", "--sql", "--from", "--dialect", "--ignore-edited")),
            Map.entry("downgrade", List.of("TARGET", "base", "--sql", "--from", "--dialect", "--ignore-edited",
                    "--allow-data-loss")),
            Map.entry("lint", List.of("REV", "--pending", "--all", "--format", "--dialect", "--lint-accept", "Exit 1")),
            Map.entry("current", List.of()),
            Map.entry("history", List.of()),
            Map.entry("heads", List.of("--write-sentinel")),
            Map.entry("branches", List.of("branch points")),
            Map.entry("merge", List.of("--message", "--rev-id", "head")),
            Map.entry("rebase", List.of("--onto", "--offline", "merge")),
            Map.entry("squash", List.of("[BASE:]REV", "--message", "--rev-id", "--offline")),
            Map.entry("stamp", List.of("REV", "base", "without running")),
            Map.entry("validate", List.of("exit 1", "edited")),
            Map.entry("repair", List.of("checksums", "edited")),
            Map.entry("show", List.of("REV", "operations", "--sql", "--dialect")),
            Map.entry("review", List.of("REV", "--pending", "--format", "65536")),
            Map.entry("erd", List.of("--tables", "--format", "tenant-isolated")),
            Map.entry("init", List.of("autogen.properties", "--directory", "overwrite")),
            Map.entry("completion", List.of("bash", "zsh")),
            Map.entry("daemon", List.of("ACTION", "status", "stop", "AUTOGEN_DAEMON=on")));

    static Stream<Arguments> subcommands() {
        // every registered subcommand, so that a new one without an entry in OWN fails here
        return AutogenCommand.commandLine().getSubcommands().keySet().stream().sorted().map(Arguments::of);
    }

    @Test
    void rootHelpListsOptionsCommandsAndExitCodes() {
        CliOutcome outcome = CliOutcome.run("--help");
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("", outcome.err());
        assertTrue(outcome.out().startsWith("Usage: autogen "), outcome::toString);
        for (String expected : Stream.concat(SHARED.stream(), Stream.of("--message", "--rev-id", "Exit codes"))
                .toList()) {
            assertTrue(outcome.out().contains(expected), () -> expected + " missing from:\n" + outcome.out());
        }
        for (String command : OWN.keySet()) {
            assertTrue(outcome.out().contains("  " + command + " "), () -> command + " missing from:\n" + outcome.out());
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void subcommandHelpNamesTheCommandAndItsOptions(String command) {
        assertTrue(OWN.containsKey(command), "no help expectations for the new command " + command);
        CliOutcome outcome = CliOutcome.run(command, "--help");
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("", outcome.err());
        assertTrue(outcome.out().startsWith("Usage: autogen " + command + " "), outcome::toString);
        for (String expected : Stream.concat(SHARED.stream(), OWN.get(command).stream()).toList()) {
            assertTrue(outcome.out().contains(expected), () -> expected + " missing from:\n" + outcome.out());
        }
    }

    @Test
    void rootHelpGivesEachCommandsWholeSummary() {
        String help = CliOutcome.run("--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains(" check For CI: exit 0 when the database is at the single head revision and matches"
                + " the entities, exit 1 on entity drift, unapplied migrations, several heads or an unknown applied"
                + " revision. "), help);
        assertTrue(help.contains(" validate Compares what the database recorded with the migrations: exit 0 when they"
                + " agree, exit 1 on an applied revision edited since"), help);
    }

    /** picocli reports a description it cannot format (an unescaped '%') on System.err, outside the command's streams. */
    @ParameterizedTest
    @MethodSource("subcommands")
    void helpPrintsNoFormattingWarning(String command) {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        CliOutcome outcome;
        try {
            outcome = CliOutcome.run(command, "--help");
        } finally {
            System.setErr(before);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8), command);
        if (command.equals("upgrade") || command.equals("downgrade")) {
            assertTrue(outcome.out().replaceAll("\\s+", " ").contains("like 'tenant\\_%'\"."), outcome.out());
        }
    }

    @Test
    void noArgumentsPrintsUsageAndSucceeds() {
        CliOutcome outcome = CliOutcome.run();
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertEquals("", outcome.err());
        assertEquals(CliOutcome.run("--help").out(), outcome.out());
    }

    @Test
    void versionPrintsOneLine() {
        CliOutcome outcome = CliOutcome.run("--version");
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.out().startsWith("autogen "), outcome::toString);
        assertEquals(1, outcome.out().lines().count(), outcome::toString);
    }

    @Test
    void aCommandRegistersOnlyTheSubcommandsItsArgumentsNameUnlessItAsksForHelp() {
        // a subcommand's model costs picocli time to build: a run builds the one it runs
        assertEquals(List.of("check"), List.copyOf(AutogenCommand.commandLine(null, "--url", "jdbc:sqlite:x.db",
                "check", "--offline").getSubcommands().keySet()));
        assertEquals(OWN.size(), AutogenCommand.commandLine(null, "check", "--help").getSubcommands().size());
        assertEquals(OWN.size(), AutogenCommand.commandLine(null, "-m", "add phone").getSubcommands().size());
        assertEquals(OWN.size(), AutogenCommand.commandLine(null, "completion", "bash").getSubcommands().size());
    }

    @Test
    void everySubcommandIsRegistered() {
        CommandLine root = AutogenCommand.commandLine();
        assertEquals(OWN.keySet().stream().sorted().toList(),
                root.getSubcommands().keySet().stream().sorted().toList());
    }
}
