package dev.autogen.generator.jpa;

import dev.autogen.annotations.RenamedFrom;
import dev.autogen.generator.diff.RenameHints;
import dev.autogen.generator.diff.RenameHints.TableColumn;
import dev.autogen.schema.QualifiedName;
import dev.autogen.sql.Dialect;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * Reads the {@link RenamedFrom} hints of some entity classes: which table and column names the entities had before.
 * The names they have now come from Hibernate's boot model (naming strategies, {@code @Table}, {@code @Column},
 * overrides), the previous ones from the annotation; both as the database stores them.
 *
 * <p>A hint on an entity class names the previous name of that entity's own table ({@code PersistentClass.getTable()};
 * secondary tables are not covered). A hint on a field or getter applies to a property mapped to exactly one column;
 * the property is found by name on the mapped class and its superclasses, and inside embeddables. The annotation is
 * recognised by name, so entities loaded by another class loader that carries its own copy of the runtime still work.
 * When no class mentions the annotation at all, no Hibernate model is built.
 */
public final class RenameHintsReader {
    private static final String ANNOTATION = RenamedFrom.class.getName();

    private RenameHintsReader() {
    }

    /**
     * The rename hints of {@code entityClasses} (the classes {@link HibernateModelReader#read(List, Dialect)} takes).
     *
     * @throws EntityModelException when Hibernate cannot map the classes
     */
    public static RenameHints read(List<Class<?>> entityClasses, Dialect dialect) {
        try (EntityModel model = EntityModel.of(entityClasses, dialect)) {
            return model.renameHints();
        }
    }

    /** Whether any of {@code entityClasses} mentions the hint annotation (else no boot model is needed). */
    static boolean mentionsAnyHint(List<Class<?>> entityClasses) {
        return entityClasses.stream().anyMatch(RenameHintsReader::mentionsHint);
    }

    /** The rename hints of the entities of a boot model (what {@link EntityModel#renameHints()} reads). */
    static RenameHints read(Metadata metadata) {
        Map<String, List<String>> tables = new HashMap<>();
        Map<TableColumn, List<String>> columns = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            if (type == null) {
                continue;
            }
            List<String> previous = previousNames(type);
            String table = HibernateModelReader.tableName(entity.getTable());
            if (!previous.isEmpty()) {
                // an unqualified previous name of a table in another schema is in that same schema
                String schema = QualifiedName.parse(table).schema();
                tables.put(table, previous.stream()
                        .map(p -> schema == null || p.contains(".") ? p : QualifiedName.of(schema, p)).toList());
            }
            List<Property> properties = new ArrayList<>();
            if (entity.getIdentifierProperty() != null) {
                properties.add(entity.getIdentifierProperty());
            }
            properties.addAll(entity.getProperties());
            readProperties(properties, type, columns);
        }
        return new RenameHints(tables, columns);
    }

    private static void readProperties(List<Property> properties, Class<?> owner,
                                       Map<TableColumn, List<String>> columns) {
        for (Property property : properties) {
            if (property.getValue() instanceof Component component && component.getComponentClass() != null) {
                readProperties(component.getProperties(), component.getComponentClass(), columns);
                continue;
            }
            List<String> previous = previousNames(owner, property.getName());
            List<Selectable> selectables = property.getValue().getSelectables();
            if (previous.isEmpty() || selectables.size() != 1
                    || !(selectables.get(0) instanceof org.hibernate.mapping.Column column)) {
                continue;
            }
            org.hibernate.mapping.Table table = property.getValue().getTable();
            columns.put(new TableColumn(HibernateModelReader.tableName(table),
                    HibernateModelReader.stored(column)), previous);
        }
    }

    /** The hint on the field or getter of {@code property} in {@code owner} or a superclass. */
    private static List<String> previousNames(Class<?> owner, String property) {
        String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(property) && !previousNames(field).isEmpty()) {
                    return previousNames(field);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                boolean getter = method.getParameterCount() == 0
                        && (method.getName().equals("get" + suffix) || method.getName().equals("is" + suffix));
                if (getter && !previousNames(method).isEmpty()) {
                    return previousNames(method);
                }
            }
        }
        return List.of();
    }

    /** The names of the hint on {@code element}, folded as the database stores them; empty without a hint. */
    private static List<String> previousNames(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(ANNOTATION)) {
                return Arrays.stream(values(annotation)).map(String::strip).filter(name -> !name.isEmpty())
                        .map(HibernateModelReader::storedConstraintName).toList();
            }
        }
        return List.of();
    }

    private static String[] values(Annotation annotation) {
        if (annotation instanceof RenamedFrom renamedFrom) {
            return renamedFrom.value();
        }
        try {
            return (String[]) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new EntityModelException("cannot read @RenamedFrom on " + annotation + ": " + e, e);
        }
    }

    private static boolean mentionsHint(Class<?> type) {
        if (!previousNames(type).isEmpty()) {
            return true;
        }
        try {
            return Arrays.stream(type.getDeclaredFields()).anyMatch(f -> !previousNames(f).isEmpty())
                    || Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> !previousNames(m).isEmpty());
        } catch (LinkageError e) {
            return false; // a member whose type is missing: Hibernate reports it when it maps the class
        }
    }
}
