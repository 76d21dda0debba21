package dev.autogen.op;

import dev.autogen.schema.RowLevelSecurity;
import java.util.Objects;

/**
 * Turns PostgreSQL row-level security of a table on or off and forces it or not ({@code ALTER TABLE … ENABLE|DISABLE
 * ROW LEVEL SECURITY, FORCE|NO FORCE ROW LEVEL SECURITY}). One operation carries both switches so that its reverse is
 * exact whatever the previous state was. SQLite has no row-level security: it renders nothing there.
 *
 * @param state    the state afterwards
 * @param previous the state before, or null in a hand-written change (which is then irreversible)
 */
public record SetRowLevelSecurity(String table, RowLevelSecurity state, RowLevelSecurity previous) implements Operation {
    public SetRowLevelSecurity {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("row-level security change of table " + table
                    + " does not record the previous state");
        }
        return new SetRowLevelSecurity(table, previous, state);
    }
}
