package dev.autogen.generator.config;

/**
 * The database could not be reached or refused a statement: the CLI prints the message as one line and exits with
 * code 3.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
