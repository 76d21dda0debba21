package dev.autogen.migrate;

/**
 * A revision could not be applied or reverted against the database: the message names the revision, the statement
 * and what the database said, and the revision's changes have been rolled back. The command line maps it to exit
 * code 3.
 */
public class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
