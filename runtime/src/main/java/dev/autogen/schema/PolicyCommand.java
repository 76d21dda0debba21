package dev.autogen.schema;

/** The command a row-level security policy applies to ({@code CREATE POLICY … FOR command}). */
public enum PolicyCommand {
    ALL, SELECT, INSERT, UPDATE, DELETE;

    /** How SQL spells it. */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
