package dev.autogen.op;

import dev.autogen.schema.Sequence;
import java.util.Objects;

public record CreateSequence(Sequence sequence) implements Operation {
    public CreateSequence {
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public Operation reverse() {
        return new DropSequence(sequence.name(), sequence);
    }
}
