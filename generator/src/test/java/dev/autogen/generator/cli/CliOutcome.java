package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** What one in-process run of the command line gave: the exit code and everything it printed. */
record CliOutcome(int exitCode, String out, String err) {

    static CliOutcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AutogenCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliOutcome(code, out.toString(), err.toString());
    }

    /**
     * Asserts the error contract of DESIGN.md §4: the exit code, nothing on stdout, and exactly one line on stderr
     * that starts with {@code autogen: } and carries no stack trace. Returns that line.
     */
    String assertOneLineError(int expectedCode) {
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
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
