package dev.autogen.generator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.cli.AutogenCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the {@code autogen} command line, in process, with its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AutogenCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The command line with {@code common} options first, then {@code args}. */
    public static CliRun of(List<String> common, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }

    /**
     * Asserts the error contract of DESIGN.md §4: the exit code, nothing on stdout, and exactly one line on stderr
     * that starts with {@code autogen: } and carries no stack trace. Returns that line.
     */
    public String assertOneLineError(int expectedCode) {
        assertEquals(expectedCode, exitCode, this::toString);
        assertEquals("", out, this::toString);
        assertEquals(1, err.lines().count(), this::toString);
        String line = err.strip();
        assertTrue(line.startsWith("autogen: "), this::toString);
        for (String trace : new String[] {"\tat ", "Exception", "Caused by"}) {
            assertFalse(line.contains(trace), () -> "stack-trace text '" + trace + "' in: " + line);
        }
        return line;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
