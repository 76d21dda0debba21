package dev.autogen.op;

import dev.autogen.schema.EnumType;
import java.util.Objects;

/** Creates a PostgreSQL named enum type (nothing on SQLite, which has none). */
public record CreateEnumType(EnumType enumType) implements Operation {
    public CreateEnumType {
        Objects.requireNonNull(enumType, "enumType");
    }

    @Override
    public Operation reverse() {
        return new DropEnumType(enumType.name(), enumType);
    }
}
