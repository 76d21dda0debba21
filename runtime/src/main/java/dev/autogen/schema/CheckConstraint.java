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
}
