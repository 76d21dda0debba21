package dev.autogen.op;

import dev.autogen.schema.Sequence;
import java.util.Objects;

/**
 * Changes the start and increment of an existing sequence from {@code previous} to {@code sequence} (same name), in
 * place, so the values it already handed out are neither reused nor lost. On PostgreSQL it is
 * {@code alter sequence ... increment by n start with m}: {@code start with} only changes the recorded start (what a
 * {@code restart} without a value would go back to, and what a schema export of the entities declares), never the
 * sequence's current value; a restart would hand out ids that are already in use. SQLite has no sequences.
 */
public record AlterSequence(Sequence sequence, Sequence previous) implements Operation {
    public AlterSequence {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(previous, "previous");
        if (!sequence.name().equals(previous.name())) {
            throw new IllegalArgumentException("a sequence alteration cannot rename " + previous.name() + " to "
                    + sequence.name());
        }
    }

    /** The sequence's name. */
    public String name() {
        return sequence.name();
    }

    @Override
    public Operation reverse() {
        return new AlterSequence(previous, sequence);
    }
}
