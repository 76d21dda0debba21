package dev.autogen.spring;

/**
 * Start-up stopped because the database could not be brought to the migrations' target, or because it does not match
 * them (an edited applied revision, a database ahead of the code). Thrown before JPA starts, so the application never
 * runs against a schema it was not written for; {@link AutogenStartupFailureAnalyzer} prints it as Spring Boot's
 * "APPLICATION FAILED TO START" report.
 */
public class AutogenStartupException extends RuntimeException {
    private final String action;

    /**
     * @param description what is wrong (one or more lines, each naming the revision or schema concerned)
     * @param action      what to do about it
     */
    public AutogenStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
