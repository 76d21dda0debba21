package dev.autogen.generator.jpa;

import dev.autogen.schema.CheckConstraint;
import dev.autogen.schema.Column;
import dev.autogen.schema.ConstraintNames;
import dev.autogen.schema.EnumType;
import dev.autogen.schema.ForeignKey;
import dev.autogen.schema.Index;
import dev.autogen.schema.Policy;
import dev.autogen.schema.QualifiedName;
import dev.autogen.schema.Schema;
import dev.autogen.schema.Sequence;
import dev.autogen.schema.Table;
import dev.autogen.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * Refuses, when the entities are read for PostgreSQL, every identifier the user gave that is longer than PostgreSQL
 * keeps: {@value ConstraintNames#MAX_LENGTH} bytes of UTF-8 (NAMEDATALEN - 1; bytes, not characters). PostgreSQL cuts a
 * longer name with only a notice, so the migration autogen wrote would not say what the database does: two columns
 * sharing their first 63 bytes become one name and {@code upgrade} fails half-way ("specified more than once"), and
 * one long name is applied cut, so the next {@code check} sees a column that is not the entity's and plans a drop and
 * an add, which would lose its data. Refusing at generate time (exit 2, nothing written) names the entity and field to
 * shorten. Names autogen invents itself are cut to fit with a hash ({@link ConstraintNames#fit}), so they never reach
 * this check too long.
 */
final class IdentifierLimits {
    private IdentifierLimits() {
    }

    /** @throws EntityModelException naming the first identifier of {@code schema} that is too long */
    static void check(Schema schema, Metadata metadata) {
        Map<String, String> entityOfTable = new TreeMap<>();
        List<PersistentClass> entities = new ArrayList<>(metadata.getEntityBindings());
        entities.sort(Comparator.comparing(PersistentClass::getEntityName));
        for (PersistentClass entity : entities) {
            String table = HibernateModelReader.tableName(entity.getTable());
            entityOfTable.putIfAbsent(table, simpleName(entity));
            checkName(table, () -> "entity " + simpleName(entity) + " maps table", "@Table(name = ...)");
            List<Property> properties = new ArrayList<>();
            if (entity.getIdentifierProperty() != null) {
                properties.add(entity.getIdentifierProperty());
            }
            properties.addAll(entity.getPropertyClosure());
            for (Property property : properties) {
                for (Selectable selectable : property.getSelectables()) {
                    if (selectable instanceof org.hibernate.mapping.Column column) {
                        checkName(HibernateModelReader.stored(column), () -> "entity " + simpleName(entity)
                                + " field " + property.getName() + " maps column", "@Column(name = ...)");
                    }
                }
            }
        }
        for (Table table : schema.tables()) {
            Supplier<String> owner = () -> "table " + table.name() + entityOf(entityOfTable, table.name());
            checkName(table.name(),
                    () -> "table (a join or collection table" + entityOf(entityOfTable, table.name()) + ")",
                    "@JoinTable(name = ...) or @CollectionTable(name = ...)");
            for (Column column : table.columns()) {
                checkName(column.name(), () -> owner.get() + " has column",
                        "@Column, @JoinColumn or @OrderColumn name");
            }
            if (table.primaryKey() != null) {
                checkName(table.primaryKey().name(), () -> owner.get() + " has primary key", "its name");
            }
            for (UniqueConstraint unique : table.uniqueConstraints()) {
                checkName(unique.name(), () -> owner.get() + " has unique constraint",
                        "@UniqueConstraint(name = ...)");
            }
            for (ForeignKey key : table.foreignKeys()) {
                checkName(key.name(), () -> owner.get() + " has foreign key", "@ForeignKey(name = ...)");
            }
            for (CheckConstraint check : table.checks()) {
                checkName(check.name(), () -> owner.get() + " has check constraint", "@Check(name = ...)");
            }
            for (Index index : table.indexes()) {
                checkName(index.name(), () -> owner.get() + " has index", "@Index(name = ...)");
            }
            for (Policy policy : table.policies()) {
                checkName(policy.name(), () -> owner.get() + " has policy", "@Policy(name = ...)");
            }
        }
        for (Sequence sequence : schema.sequences()) {
            checkName(sequence.name(), () -> "sequence", "@SequenceGenerator(sequenceName = ...)");
        }
        for (EnumType type : schema.enumTypes()) {
            checkName(type.name(), () -> "named enum type", "the enum class's name");
        }
    }

    /** The name's own parts: a qualified name's schema and its local name are separate identifiers. */
    /** {@code what} is said only when the name is too long: building it for each of 100 000 names cost a cold check. */
    private static void checkName(String name, Supplier<String> what, String fix) {
        QualifiedName qualified = QualifiedName.parse(name);
        if (qualified.schema() != null) {
            checkIdentifier(qualified.schema(), () -> what.get() + " " + name + " whose schema",
                    "@Table(schema = ...)");
        }
        checkIdentifier(qualified.name(), what, fix);
    }

    private static void checkIdentifier(String identifier, Supplier<String> what, String fix) {
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ConstraintNames.MAX_LENGTH) {
            throw new EntityModelException(what.get() + " " + identifier + ", which is " + bytes
                    + " bytes long: PostgreSQL"
                    + " keeps at most " + ConstraintNames.MAX_LENGTH + " bytes of an identifier (UTF-8) and would"
                    + " silently cut it; shorten it with " + fix);
        }
    }

    private static String entityOf(Map<String, String> entityOfTable, String table) {
        String entity = entityOfTable.get(table);
        return entity == null ? "" : " (entity " + entity + ")";
    }

    private static String simpleName(PersistentClass entity) {
        String name = entity.getEntityName();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
