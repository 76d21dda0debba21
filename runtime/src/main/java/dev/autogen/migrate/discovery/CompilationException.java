package dev.autogen.migrate.discovery;

import java.util.List;

/**
 * Java sources did not compile. The message lists every error as {@code file:line: message}, one per line, the way a
 * developer reads compiler output.
 */
public class CompilationException extends RuntimeException {
    private final List<String> errors;

    public CompilationException(List<String> errors) {
        super("migration sources do not compile:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Each error as {@code file:line: message}. */
    public List<String> errors() {
        return errors;
    }
}
