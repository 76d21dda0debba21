package dev.autogen.generator.jpa;

/**
 * The entities could not be found or read. The message is one line that names the problem and what to do about it
 * (the command line prints it as is, with exit code 2).
 */
public final class EntityModelException extends RuntimeException {

    public EntityModelException(String message) {
        super(message);
    }

    public EntityModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
