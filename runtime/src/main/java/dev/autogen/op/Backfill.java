package dev.autogen.op;

import java.util.Objects;

/**
 * A data change over a possibly large table, run in small batches instead of one long {@code UPDATE}
 * ({@code schema.backfill("users", "full_name = first_name || ' ' || last_name").where("full_name is null")}): the
 * migrator walks the table by primary key, each batch in its own transaction that also stores how far it got, so a
 * killed run continues where it stopped and never updates a row twice (docs/migrations.md, "Backfills"). It changes
 * rows, not the schema: the interpreter leaves the schema as it is. Never produced by the differ from two schemas.
 *
 * <p>{@link #toString()} leaves out {@link #batchSize}: the checksum covers what the step does, and a batch size is
 * tuning, so changing it in an applied migration does not make {@code validate} report an edit.
 *
 * @param table     the table whose rows change
 * @param set       the assignments of an {@code UPDATE}, e.g. {@code full_name = first_name || ' ' || last_name}
 * @param where     which rows change (a SQL condition), or null for every row
 * @param batchSize rows per batch and transaction
 */
public record Backfill(String table, String set, String where, int batchSize) implements Operation {
    /** The batch size when the migration names none. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    public Backfill {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(set, "set");
        if (set.isBlank()) {
            throw new IllegalArgumentException("backfill of " + table + " needs its assignments, e.g. \"col = expr\"");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("backfill of " + table + ": batch size must be at least 1, not "
                    + batchSize);
        }
    }

    /** The same backfill restricted to the rows matching {@code condition}. */
    public Backfill where(String condition) {
        return new Backfill(table, set, condition, batchSize);
    }

    /** The same backfill in batches of {@code rows}. */
    public Backfill batchSize(int rows) {
        return new Backfill(table, set, where, rows);
    }

    /**
     * Irreversible: the values it overwrote are gone. A downgrade that must restore data writes its own step; one that
     * drops the backfilled column needs none.
     */
    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException("a backfill of " + table + " has no reverse (the values it overwrote"
                + " are gone): leave it out of downgrade(), or write the step that restores them");
    }

    @Override
    public String toString() {
        return "Backfill[table=" + table + ", set=" + set + ", where=" + where + "]";
    }
}
