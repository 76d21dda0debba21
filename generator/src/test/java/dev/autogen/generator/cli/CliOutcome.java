package dev.autogen.generator.cli;

import dev.autogen.generator.testing.CliRun;

/** What one in-process run of the command line gave: the exit code and everything it printed ({@link CliRun}). */
record CliOutcome(int exitCode, String out, String err) {

    static CliOutcome run(String... args) {
        CliRun run = CliRun.of(args);
        return new CliOutcome(run.exitCode(), run.out(), run.err());
    }

    /** {@link CliRun#assertOneLineError}: the exit code, nothing on stdout, one {@code autogen:} line on stderr. */
    String assertOneLineError(int expectedCode) {
        return new CliRun(exitCode, out, err).assertOneLineError(expectedCode);
    }

    @Override
    public String toString() {
        return new CliRun(exitCode, out, err).toString();
    }
}
