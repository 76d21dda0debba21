package dev.autogen.generator.config;

/**
 * Bad usage, configuration or input: the CLI prints the message as one line and exits with code 2. Messages say
 * what is wrong and what to do.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
