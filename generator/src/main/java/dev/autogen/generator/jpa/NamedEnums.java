package dev.autogen.generator.jpa;

import dev.autogen.schema.EnumType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.SqlTypes;

/**
 * The PostgreSQL named enum types ({@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}) that entities
 * imply. The column's type is {@link dev.autogen.schema.ColumnType.Native} with the type name PostgreSQL folds it to (lower case:
 * Hibernate writes the unquoted simple name of the enum class). The values are the enum constants' names in
 * declaration order, because PostgreSQL orders enum values (and so {@code order by} and comparisons) that way.
 * Hibernate's own export writes them sorted alphabetically instead; autogen keeps the Java order on purpose.
 */
final class NamedEnums {
    private NamedEnums() {
    }

    /** The enum types of the named-enum columns of {@code metadata} (a PostgreSQL boot model), sorted by name. */
    static List<EnumType> read(Metadata metadata) {
        Map<String, EnumType> types = new TreeMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                for (org.hibernate.mapping.Column column : table.getColumns()) {
                    if (!table.isPhysicalTable() || column.getSqlTypeCode(metadata) != SqlTypes.NAMED_ENUM) {
                        continue;
                    }
                    EnumType type = new EnumType(column.getSqlType(metadata).strip().toLowerCase(Locale.ROOT),
                            values(table, column));
                    EnumType known = types.putIfAbsent(type.name(), type);
                    if (known != null && !known.equals(type)) {
                        throw new EntityModelException("two enum classes map to the PostgreSQL type " + type.name()
                                + " with different values: " + known.values() + " and " + type.values());
                    }
                }
            }
        }
        return List.copyOf(types.values());
    }

    private static List<String> values(org.hibernate.mapping.Table table, org.hibernate.mapping.Column column) {
        if (column.getValue() instanceof BasicValue value) {
            Class<?> javaType = value.resolve().getDomainJavaType().getJavaTypeClass();
            if (javaType.isEnum()) {
                return Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            }
        }
        throw new EntityModelException("column " + table.getName() + "." + column.getName()
                + " is a PostgreSQL named enum (SqlTypes.NAMED_ENUM) but not of a Java enum type");
    }
}
