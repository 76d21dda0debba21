package dev.autogen.schema;

/** What a foreign key does when the referenced row is deleted. */
public enum ReferentialAction {
    NO_ACTION("no action"),
    RESTRICT("restrict"),
    CASCADE("cascade"),
    SET_NULL("set null"),
    SET_DEFAULT("set default");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words, lower case ({@code set null}). */
    public String sql() {
        return sql;
    }
}
