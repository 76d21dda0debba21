package dev.autogen.op;

import java.util.Objects;

/**
 * Sets or removes the comment of a table ({@code COMMENT ON TABLE … IS …}). Column comments travel with
 * {@link AlterColumn}; a new table's comment with {@link CreateTable}. SQLite keeps no comments: it renders nothing
 * there.
 *
 * @param comment  the comment afterwards, or null for none
 * @param previous the comment before, or null for none
 */
public record SetComment(String table, String comment, String previous) implements Operation {
    public SetComment {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public Operation reverse() {
        return new SetComment(table, previous, comment);
    }
}
