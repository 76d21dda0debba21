package dev.autogen.generator.jpa;

import java.util.Map;

/**
 * What to use instead of the Hibernate annotations that Hibernate 7 removed (from Hibernate's 7.0 migration guide),
 * so that the error {@link EntityScanner} gives for an entity compiled against Hibernate 6 says what to do.
 */
final class RemovedAnnotations {
    private static final String PACKAGE = "org.hibernate.annotations.";
    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("Where", "use @SQLRestriction"),
            Map.entry("WhereJoinTable", "use @SQLJoinTableRestriction"),
            Map.entry("Loader", "use @HQLSelect or @SQLSelect"),
            Map.entry("Proxy", "use @ConcreteProxy, or drop it"),
            Map.entry("LazyToOne", "use @ManyToOne(fetch = LAZY) or @OneToOne(fetch = LAZY)"),
            Map.entry("LazyCollection", "use the fetch attribute of the association"),
            Map.entry("IndexColumn", "use @OrderColumn and @ListIndexBase"),
            Map.entry("Target", "use @TargetEmbeddable"),
            Map.entry("Polymorphism", "drop it"),
            Map.entry("SelectBeforeUpdate", "drop it"),
            Map.entry("Persister", "drop it"),
            Map.entry("Tuplizer", "drop it"));

    private RemovedAnnotations() {
    }

    /** What to do instead of {@code annotation} (a fully qualified name). */
    static String replacement(String annotation) {
        String simple = annotation.startsWith(PACKAGE) ? annotation.substring(PACKAGE.length()) : null;
        String known = simple == null ? null : REPLACEMENTS.get(simple);
        return known != null ? known : "see Hibernate's 7.0 migration guide for its replacement";
    }
}
