package dev.autogen.generator.cli;

/** The exit codes of DESIGN.md §4, which CI scripts rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int DRIFT = 1;
    static final int USAGE = 2;
    static final int DATABASE = 3;

    private ExitCodes() {
    }
}
