package dev.autogen.schema;

import java.util.Objects;

/** A sequence (PostgreSQL); Hibernate's default id generator for numeric ids uses one. */
public record Sequence(String name, long start, long increment) {
    public Sequence {
        Objects.requireNonNull(name, "name");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
        }
    }
}
