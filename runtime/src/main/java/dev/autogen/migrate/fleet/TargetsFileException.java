package dev.autogen.migrate.fleet;

/**
 * A targets file that cannot be used: the message names the file and line ({@code fleet.txt:4: ...}), the problem and
 * the fix. Nothing connects before the whole file has been read.
 */
public final class TargetsFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TargetsFileException(String message) {
        super(message);
    }
}
