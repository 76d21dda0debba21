package dev.autogen.migrate.discovery;

/**
 * The migrations could not be found or loaded: a missing directory, a class without {@code @Revision}, sources that
 * do not compile. The message is one line that says what to fix; the command line maps it to exit code 2.
 */
public class MigrationSourceException extends RuntimeException {
    public MigrationSourceException(String message) {
        super(message);
    }

    public MigrationSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
