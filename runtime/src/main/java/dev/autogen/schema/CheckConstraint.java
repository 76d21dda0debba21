package dev.autogen.schema;

import java.util.Objects;

/**
 * A check constraint; {@code expression} is the boolean SQL expression without the {@code CHECK (...)} wrapper.
 */
public record CheckConstraint(String name, String expression) {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    /**
     * What the record's generated {@code equals} does (every component, {@link Objects#equals}), written out: the
     * generated one goes through method handles, which a C1-only JVM runs slowly, and a no-op diff compares every
     * table of the schema.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CheckConstraint other
                && Objects.equals(name, other.name)
                && Objects.equals(expression, other.expression);
    }

    /** The generated {@code hashCode}'s value (31 times the sum so far plus each component's hash, in order). */
    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(expression);
        return h;
    }
}
