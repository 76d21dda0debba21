package dev.autogen.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL named enum type ({@code create type "tier" as enum ('FREE', 'PRO')}), what Hibernate maps
 * {@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)} to. The values keep their order, because PostgreSQL
 * sorts enum values by it. A column of this type has the type {@link ColumnType.Native} with the (lower-cased) type
 * name, so no switch over {@link ColumnType} has to know about enums. SQLite has no enum types.
 */
public record EnumType(String name, List<String> values) {
    public EnumType {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("enum type " + name + " declares a value twice: " + values);
        }
    }
}
