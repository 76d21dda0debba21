package dev.autogen.generator.jpa;

import dev.autogen.sql.Dialect;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IdentifierCollection;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * Where each table and column of the entity schema comes from, so that {@code autogen diff} can say why it plans an
 * operation: a table to its entity ({@code Customer}) or, for a collection or join table, to the owning field
 * ({@code Purchase.tags}); a column to its field ({@code Customer.fullName}) with the field's column-shaping
 * annotations as written ({@code @Column(length = 200)}, see {@link AnnotationText}). Read from the same Hibernate
 * boot model as {@link HibernateModelReader}, and keyed by names as the database stores them.
 */
public final class EntityProvenance {
    private static final EntityProvenance NONE = new EntityProvenance(Map.of(), Map.of(), Map.of());

    private final Map<String, String> tables;
    private final Map<String, String> columns;
    private final Map<String, Class<?>> tableClasses;

    private EntityProvenance(Map<String, String> tables, Map<String, String> columns,
                             Map<String, Class<?>> tableClasses) {
        this.tables = tables;
        this.columns = columns;
        this.tableClasses = tableClasses;
    }

    /** Knows nothing: every lookup is empty. */
    public static EntityProvenance none() {
        return NONE;
    }

    /** Scans {@code packages} on {@code classpath} with {@link EntityScanner} and reads where each object comes from. */
    public static EntityProvenance scan(List<Path> classpath, List<String> packages, Dialect dialect) {
        return of(EntityScanner.scan(classpath, packages), dialect);
    }

    /**
     * Where the tables and columns of {@code entityClasses} come from on {@code dialect}.
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public static EntityProvenance of(List<Class<?>> entityClasses, Dialect dialect) {
        try (EntityModel model = EntityModel.of(entityClasses, dialect)) {
            return model.provenance();
        }
    }

    /** Where the tables and columns of a boot model come from (what {@link EntityModel#provenance()} reads). */
    static EntityProvenance read(Metadata metadata) {
        Map<String, String> tables = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        Map<String, Class<?>> classes = new HashMap<>();
        List<PersistentClass> entities = metadata.getEntityBindings().stream()
                .sorted(Comparator.comparing((PersistentClass pc) -> pc.getSuperclass() != null)
                        .thenComparing(PersistentClass::getEntityName))
                .toList();
        for (PersistentClass entity : entities) {
            Class<?> type = mappedClass(entity);
            String name = type == null ? simpleName(entity.getEntityName()) : type.getSimpleName();
            String table = tableName(entity.getTable());
            tables.putIfAbsent(table, name);
            if (type != null) {
                classes.putIfAbsent(table, type);
            }
            if (entity.getIdentifierProperty() != null) {
                property(columns, type, name + ".", entity.getIdentifierProperty());
            }
            if (entity.getIdentifierMapper() != null) {
                entity.getIdentifierMapper().getProperties().forEach(p -> property(columns, type, name + ".", p));
            }
            if (entity.getDiscriminator() != null) {
                put(columns, entity.getDiscriminator(), name + " (discriminator)"
                        + AnnotationText.onClass(type, "DiscriminatorColumn"));
            }
            String idName = entity.getRootClass().getIdentifierProperty() == null ? "id"
                    : entity.getRootClass().getIdentifierProperty().getName();
            if (entity.getSuperclass() != null && entity.getKey() != null) {
                put(columns, entity.getKey(), name + "." + idName);
            }
            entity.getProperties().forEach(p -> property(columns, type, name + ".", p));
            if (entity.getVersion() != null) {
                property(columns, type, name + ".", entity.getVersion());
            }
            for (Join join : entity.getJoins()) {
                tables.putIfAbsent(tableName(join.getTable()), name);
                put(columns, join.getKey(), name + "." + idName);
                join.getProperties().forEach(p -> property(columns, type, name + ".", p));
            }
        }
        List<Collection> collections = metadata.getCollectionBindings().stream()
                .sorted(Comparator.comparing(Collection::getRole)).toList();
        for (Collection collection : collections) {
            Class<?> ownerType = mappedClass(collection.getOwner());
            String owner = ownerType == null ? simpleName(collection.getOwnerEntityName()) : ownerType.getSimpleName();
            String field = collection.getRole().substring(collection.getRole().lastIndexOf('.') + 1);
            Function<String, String> label = column -> owner + "." + field
                    + AnnotationText.onCollectionMember(ownerType, field, column);
            tables.putIfAbsent(tableName(collection.getCollectionTable()), owner + "." + field);
            put(columns, collection.getKey(), label);
            if (collection instanceof IndexedCollection indexed && indexed.getIndex() != null) {
                put(columns, indexed.getIndex(), label);
            }
            if (collection instanceof IdentifierCollection identified && identified.getIdentifier() != null) {
                put(columns, identified.getIdentifier(), label); // @CollectionId
            }
            if (!collection.isOneToMany()) {
                if (collection.getElement() instanceof Component element) {
                    String prefix = owner + "." + field + ".";
                    element.getProperties().forEach(p -> property(columns, componentClass(element), prefix, p));
                } else {
                    put(columns, collection.getElement(), label);
                }
            }
        }
        return new EntityProvenance(Map.copyOf(tables), Map.copyOf(columns), Map.copyOf(classes));
    }

    /** A property's columns, or for an embeddable, its fields' columns ({@code Customer.address.street}). */
    private static void property(Map<String, String> columns, Class<?> declaring, String prefix, Property property) {
        Value value = property.getValue();
        if (value instanceof Collection) {
            return; // read from the collection bindings
        }
        if (value instanceof Component component) {
            Class<?> componentClass = componentClass(component);
            for (Property part : component.getProperties()) {
                property(columns, componentClass, prefix + property.getName() + ".", part);
            }
            return;
        }
        put(columns, value, prefix + property.getName() + AnnotationText.onMember(declaring, property.getName()));
    }

    private static void put(Map<String, String> columns, Value value, String label) {
        put(columns, value, column -> label);
    }

    /** Labels each column of {@code value} (not yet labelled) with {@code label} of the column's stored name. */
    private static void put(Map<String, String> columns, Value value, Function<String, String> label) {
        if (value == null || value.getTable() == null) {
            return;
        }
        String table = tableName(value.getTable());
        for (org.hibernate.mapping.Column column : value.getColumns()) {
            String name = HibernateModelReader.stored(column);
            columns.putIfAbsent(key(table, name), label.apply(name));
        }
    }

    private static Class<?> mappedClass(PersistentClass entity) {
        try {
            return entity.getMappedClass();
        } catch (RuntimeException dynamicEntity) {
            return null;
        }
    }

    private static Class<?> componentClass(Component component) {
        try {
            return component.getComponentClass();
        } catch (RuntimeException dynamicComponent) {
            return null;
        }
    }

    private static String simpleName(String entityName) {
        return entityName == null ? "?" : entityName.substring(entityName.lastIndexOf('.') + 1);
    }

    private static String tableName(Table table) {
        return HibernateModelReader.tableName(table);
    }

    private static String key(String table, String column) {
        return table + "\u0000" + column;
    }

    /** The entity ({@code Customer}) or owning field ({@code Purchase.tags}) that maps {@code table}. */
    public Optional<String> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** The field that maps {@code table.column}, with its annotations: {@code Customer.fullName @Column(length = 200)}. */
    public Optional<String> column(String table, String column) {
        return Optional.ofNullable(columns.get(key(table, column)));
    }

    /**
     * The {@code @Index} or {@code @UniqueConstraint} of the {@code @Table} annotation of {@code table}'s entity that
     * declares {@code name} or exactly {@code columns} ({@code @Index(columnList = "phone")}), if any.
     */
    public Optional<String> tableAnnotation(String table, String name, List<String> columns) {
        Class<?> type = tableClasses.get(table);
        return type == null ? Optional.empty()
                : AnnotationText.tableElement(type, name.toLowerCase(Locale.ROOT), columns);
    }
}
