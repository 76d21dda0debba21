package dev.autogen.generator.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The column-shaping annotations of an entity field, written back briefly as source: {@code @Column(length = 200)},
 * {@code @Enumerated(STRING)}, {@code @JoinColumn(name = "customer_id")}. Only attributes that differ from their
 * defaults are shown, in a fixed order ({@code value}, {@code name}, then by name), and annotations in a fixed order,
 * so the text is the same on every run (reflection's own order is unspecified).
 */
final class AnnotationText {
    /** The annotations that decide a column's name, type, nullability, default or key (simple names). */
    private static final List<String> SHOWN = List.of("Id", "EmbeddedId", "GeneratedValue", "Version", "Column",
            "JoinColumn", "JoinColumns", "JoinTable", "CollectionTable", "OrderColumn", "MapKeyColumn", "CollectionId", "Enumerated",
            "Lob", "Temporal", "Nationalized", "JdbcTypeCode", "ColumnDefault", "Comment", "Check");
    private static final List<String> PACKAGES = List.of("jakarta.persistence.", "org.hibernate.annotations.");

    private AnnotationText() {
    }

    /** {@code " @Column(length = 200)"} for field or getter {@code name} of {@code type}, or {@code ""}. */
    static String onMember(Class<?> type, String name) {
        AnnotatedElement member = member(type, name);
        return member == null ? "" : shown(member.getAnnotations());
    }

    /**
     * For a column of a collection or join table: the field's annotations as {@link #onMember}, except that a
     * {@code @JoinTable} or {@code @CollectionTable} is shortened to its {@code name} and followed by the one
     * {@code @JoinColumn} of its {@code joinColumns}/{@code inverseJoinColumns} that names {@code column}:
     * {@code  @JoinTable(name = "article_tag") @JoinColumn(name = "tag_id")}.
     */
    static String onCollectionMember(Class<?> type, String name, String column) {
        AnnotatedElement member = member(type, name);
        if (member == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Annotation annotation : sortedShown(member.getAnnotations())) {
            String simpleName = annotation.annotationType().getSimpleName();
            if (!simpleName.equals("JoinTable") && !simpleName.equals("CollectionTable")) {
                text.append(' ').append(render(annotation));
                continue;
            }
            String tableName = String.valueOf(attribute(annotation, "name"));
            text.append(" @").append(simpleName).append(tableName.isEmpty() ? "" : "(name = " + value(tableName) + ")");
            List<Annotation> joinColumns = new ArrayList<>(Arrays.asList((Annotation[]) attribute(annotation,
                    "joinColumns")));
            if (simpleName.equals("JoinTable")) {
                joinColumns.addAll(Arrays.asList((Annotation[]) attribute(annotation, "inverseJoinColumns")));
            }
            joinColumns.stream()
                    .filter(joinColumn -> String.valueOf(attribute(joinColumn, "name")).equalsIgnoreCase(column))
                    .findFirst()
                    .ifPresent(joinColumn -> text.append(' ').append(render(joinColumn)));
        }
        return text.toString();
    }

    /** {@code  @DiscriminatorColumn(name = "kind")} (with a leading space) when {@code type} (or a superclass) has it, else {@code ""}. */
    static String onClass(Class<?> type, String simpleName) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                if (isPersistence(annotation) && annotation.annotationType().getSimpleName().equals(simpleName)) {
                    return " " + render(annotation);
                }
            }
        }
        return "";
    }

    /**
     * The {@code @Index} or {@code @UniqueConstraint} inside {@code @Table} on {@code type} (or a superclass) that is
     * named {@code name} (lower-cased) or lists exactly {@code columns}.
     */
    static Optional<String> tableElement(Class<?> type, String name, List<String> columns) {
        List<String> wanted = columns.stream().map(AnnotationText::normalized).toList();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                if (!isPersistence(annotation) || !annotation.annotationType().getSimpleName().equals("Table")) {
                    continue;
                }
                List<Annotation> elements = new ArrayList<>();
                elements.addAll(Arrays.asList((Annotation[]) attribute(annotation, "indexes")));
                elements.addAll(Arrays.asList((Annotation[]) attribute(annotation, "uniqueConstraints")));
                for (Annotation element : elements) {
                    String elementName = String.valueOf(attribute(element, "name")).toLowerCase(Locale.ROOT);
                    List<String> listed = element.annotationType().getSimpleName().equals("Index")
                            ? Arrays.stream(String.valueOf(attribute(element, "columnList")).split(","))
                                    .map(AnnotationText::normalized).toList()
                            : Arrays.stream((String[]) attribute(element, "columnNames"))
                                    .map(AnnotationText::normalized).toList();
                    if ((!elementName.isEmpty() && elementName.equals(name)) || listed.equals(wanted)) {
                        return Optional.of(render(element));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String normalized(String columnSpec) {
        return columnSpec.strip().replaceAll("\\s+", " ").replace(" asc", "").toLowerCase(Locale.ROOT);
    }

    private static AnnotatedElement member(Class<?> type, String name) {
        if (type == null || name == null || name.isEmpty()) {
            return null;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0
                        && (method.getName().equals("get" + capitalized) || method.getName().equals("is" + capitalized))) {
                    return method;
                }
            }
        }
        return null;
    }

    private static String shown(Annotation[] annotations) {
        StringBuilder text = new StringBuilder();
        sortedShown(annotations).forEach(a -> text.append(' ').append(render(a)));
        return text.toString();
    }

    private static List<Annotation> sortedShown(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .filter(a -> isPersistence(a) && SHOWN.contains(a.annotationType().getSimpleName()))
                .sorted(Comparator.comparingInt(a -> SHOWN.indexOf(a.annotationType().getSimpleName())))
                .toList();
    }

    private static boolean isPersistence(Annotation annotation) {
        String name = annotation.annotationType().getName();
        return PACKAGES.stream().anyMatch(name::startsWith);
    }

    /**
     * {@code @Name(name = "x", a = 1)}: the attributes that differ from their defaults, {@code value} and {@code name}
     * first (as people write them), then by name.
     */
    static String render(Annotation annotation) {
        List<Method> attributes = Arrays.stream(annotation.annotationType().getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0)
                .sorted(Comparator.comparing((Method m) -> !List.of("value", "name").contains(m.getName()))
                        .thenComparing(Method::getName))
                .toList();
        List<String> parts = new ArrayList<>();
        for (Method attribute : attributes) {
            Object value = attribute(annotation, attribute.getName());
            Object defaultValue = attribute.getDefaultValue();
            if (defaultValue != null && deepEquals(value, defaultValue)) {
                continue;
            }
            parts.add(attribute.getName() + " = " + value(value));
        }
        String name = "@" + annotation.annotationType().getSimpleName();
        if (parts.isEmpty()) {
            return name;
        }
        if (parts.size() == 1 && parts.getFirst().startsWith("value = ")) {
            return name + "(" + parts.getFirst().substring("value = ".length()) + ")";
        }
        return name + "(" + String.join(", ", parts) + ")";
    }

    private static boolean deepEquals(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    private static String value(Object value) {
        return switch (value) {
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case Character c -> "'" + c + "'";
            case Enum<?> e -> e.name();
            case Class<?> c -> c.getSimpleName() + ".class";
            case Annotation a -> render(a);
            case Long l -> l + "L";
            default -> {
                if (value.getClass().isArray()) {
                    int length = Array.getLength(value);
                    List<String> items = new ArrayList<>();
                    for (int i = 0; i < length; i++) {
                        items.add(value(Array.get(value, i)));
                    }
                    yield items.size() == 1 ? items.getFirst() : "{" + String.join(", ", items) + "}";
                }
                yield String.valueOf(value);
            }
        };
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            Method method = annotation.annotationType().getMethod(name);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + name + " of " + annotation, e);
        }
    }
}
