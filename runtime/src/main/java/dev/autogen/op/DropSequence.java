package dev.autogen.op;

import dev.autogen.schema.Sequence;
import java.util.Objects;

public record DropSequence(String name, Sequence previous) implements Operation {
    public DropSequence {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Operation reverse() {
        if (previous == null) {
            throw new IrreversibleOperationException("drop of sequence " + name + " does not record its definition");
        }
        return new CreateSequence(previous);
    }
}
