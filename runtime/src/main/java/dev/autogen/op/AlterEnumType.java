package dev.autogen.op;

import dev.autogen.schema.EnumType;
import java.util.List;
import java.util.Objects;

/**
 * Changes the values of a PostgreSQL named enum type from {@code previous} to {@code enumType} (same name).
 * When every previous value stays, in the same order, it only adds values ({@code alter type ... add value}); else
 * (a value removed or reordered, which PostgreSQL cannot do in place) the type is rebuilt: renamed away, created
 * anew, every column of it converted through {@code text} (array columns through {@code text[]}, defaults dropped and
 * set again), the old type dropped. That rebuild fails if a row or a default still holds a removed value, and does
 * not carry views or other objects that depend on the type. It is also how the
 * reverse of an addition is applied, so adding a value is reversible.
 */
public record AlterEnumType(EnumType enumType, EnumType previous) implements Operation {
    public AlterEnumType {
        Objects.requireNonNull(enumType, "enumType");
        Objects.requireNonNull(previous, "previous");
        if (!enumType.name().equals(previous.name())) {
            throw new IllegalArgumentException("an enum type alteration cannot rename " + previous.name() + " to "
                    + enumType.name());
        }
    }

    @Override
    public Operation reverse() {
        return new AlterEnumType(previous, enumType);
    }

    /** Whether this only adds values: the previous values are the new ones with the additions left out. */
    public boolean onlyAddsValues() {
        return enumType.values().stream().filter(previous.values()::contains).toList().equals(previous.values());
    }

    /** The values added, in their new order. */
    public List<String> addedValues() {
        return enumType.values().stream().filter(v -> !previous.values().contains(v)).toList();
    }
}
