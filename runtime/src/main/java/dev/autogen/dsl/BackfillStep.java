package dev.autogen.dsl;

import dev.autogen.hazard.HazardKind;
import dev.autogen.op.Backfill;

/**
 * The backfill {@link SchemaChanges#backfill} just recorded, refined in place: {@code .where("full_name is null")
 * .batchSize(5_000)}. A separate type so that {@code where} and {@code batchSize} can only follow a backfill.
 */
public final class BackfillStep {
    private final SchemaChanges schema;
    private final int index;

    BackfillStep(SchemaChanges schema, int index) {
        this.schema = schema;
        this.index = index;
    }

    /** Only the rows matching {@code condition} (SQL) change; rerunning after a crash skips the rows done. */
    public BackfillStep where(String condition) {
        schema.replace(index, current().where(condition));
        return this;
    }

    /** Rows per batch and transaction (default {@value Backfill#DEFAULT_BATCH_SIZE}). */
    public BackfillStep batchSize(int rows) {
        schema.replace(index, current().batchSize(rows));
        return this;
    }

    /** {@link SchemaChanges#acknowledge} for this backfill. */
    public SchemaChanges acknowledge(HazardKind kind, String reason) {
        return schema.acknowledge(kind, reason);
    }

    /** The migration's changes, to continue with another operation. */
    public SchemaChanges then() {
        return schema;
    }

    private Backfill current() {
        return (Backfill) schema.operations().get(index);
    }
}
