package dev.autogen.generator.jpa;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassGraphException;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.FieldInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Finds the JPA-annotated classes ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, and
 * {@code @Converter}: with {@code autoApply = true} a converter changes the column type of every attribute of its type
 * without any entity naming it) and the {@code package-info} classes of their packages, in compiled class directories
 * and jars, without a {@code persistence.xml}. The class files are read by ClassGraph (no class is loaded to find
 * them); with {@code --packages} only those packages and their subpackages are read, without them every class on the
 * given class path is (zero configuration: a Maven project's compile class path, a Gradle build's output).
 *
 * <p>The classes are loaded by a {@link URLClassLoader} whose parent is autogen's own class loader, so that
 * {@code jakarta.persistence} and {@code org.hibernate} annotations are the very classes Hibernate checks for, even
 * when the entities were compiled against an older Hibernate (6.6, Jakarta Persistence 3.1: a Spring Boot 3.5
 * application) whose jar is on the class path too. An annotation that autogen's Hibernate no longer has would then be
 * loaded from that old jar and silently ignored by Hibernate 7 (an {@code @Where} filter, a {@code @LazyToOne}): such
 * a class is refused with the annotation's name. The loader stays open: the classes are used after the scan. With no
 * class path entries, autogen's own class path is scanned, which is how the bundled sample entities are found.
 */
public final class EntityScanner {

    private static final List<String> MAPPED = List.of(Entity.class.getName(), Embeddable.class.getName(),
            MappedSuperclass.class.getName(), Converter.class.getName());
    private static final String HIBERNATE_OWN = "org.hibernate.";
    private static final List<String> CHECKED_ANNOTATION_PACKAGES = List.of("org.hibernate.annotations.",
            "jakarta.persistence.");

    private EntityScanner() {
    }

    /**
     * The annotated classes (and package-info classes) in {@code packages} and their subpackages, sorted by name.
     *
     * @param classpath directories of compiled classes and jars; empty to scan autogen's own class path
     * @param packages  package names such as {@code com.acme.model}; empty to read every class on {@code classpath}
     * @throws EntityModelException when an entry does not exist, cannot be read, no entity is found, or an entity
     *                              uses an annotation autogen's Hibernate does not have
     */
    public static List<Class<?>> scan(List<Path> classpath, List<String> packages) {
        return EntityLoadFailure.guarded(() -> scanGuarded(classpath, packages));
    }

    private static List<Class<?>> scanGuarded(List<Path> classpath, List<String> packages) {
        ClassLoader parent = EntityScanner.class.getClassLoader();
        if (classpath.isEmpty()) {
            if (packages.isEmpty()) {
                throw new EntityModelException("no entity packages given: set --packages (e.g. --packages"
                        + " com.acme.model) or --classpath");
            }
            return scan(parent, packages);
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new EntityModelException("classpath entry does not exist: " + entry
                        + ": check --classpath (compile the entities first)");
            }
            if (Files.isRegularFile(entry)) {
                requireJar(entry);
            }
            urls.add(toUrl(entry));
        }
        ClassGraph graph = new ClassGraph().overrideClasspath(classpath.stream().map(Path::toString).toList());
        ClassLoader loader = new URLClassLoader("autogen-entities", urls.toArray(URL[]::new), parent);
        return load(loader, graph, packages, classpath.toString());
    }

    /** The annotated classes of {@code packages} that {@code loader} sees (directories and jars alike). */
    static List<Class<?>> scan(ClassLoader loader, List<String> packages) {
        return load(loader, new ClassGraph().overrideClassLoaders(loader), packages, "(autogen's own)");
    }

    private static List<Class<?>> load(ClassLoader loader, ClassGraph graph, List<String> packages, String where) {
        SortedSet<String> classNames = new TreeSet<>();
        Set<String> entityNames = new TreeSet<>();
        SortedSet<String> classPackages = new TreeSet<>(packages);
        // whether autogen's Hibernate has each annotation, asked once per annotation rather than once per use
        Map<String, Boolean> knownAnnotations = new HashMap<>();
        graph.enableClassInfo().enableAnnotationInfo().enableFieldInfo().enableMethodInfo().ignoreClassVisibility()
                .ignoreFieldVisibility().ignoreMethodVisibility();
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        try (ScanResult scan = graph.scan()) {
            for (String annotation : MAPPED) {
                for (ClassInfo type : scan.getClassesWithAnnotation(annotation)) {
                    if (packages.isEmpty() && type.getName().startsWith(HIBERNATE_OWN)) {
                        // a whole class path holds the project's Hibernate jar too: its built-in converters
                        // (YesNoConverter...) are Hibernate's own types, not the project's mappings
                        continue;
                    }
                    refuseRemovedAnnotations(type, knownAnnotations);
                    classNames.add(type.getName());
                    classPackages.add(type.getPackageName());
                    if (annotation.equals(Entity.class.getName())) {
                        entityNames.add(type.getName());
                    }
                }
            }
        } catch (ClassGraphException e) {
            throw new EntityModelException("cannot scan " + where + " for entities: " + e.getMessage()
                    + ": check --classpath", e);
        }
        if (entityNames.isEmpty()) {
            throw new EntityModelException("no entities found " + (packages.isEmpty() ? "" : "in packages "
                    + packages + " ") + "on classpath " + where + ": check --packages and --classpath");
        }
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames) {
            found.add(load(loader, name));
        }
        for (String pkg : classPackages) {
            // package-level mappings (@GenericGenerator, @TypeRegistration...) live in package-info classes
            String name = pkg.isEmpty() ? "package-info" : pkg + ".package-info";
            if (loader.getResource(name.replace('.', '/') + ".class") != null) {
                found.add(load(loader, name));
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return List.copyOf(found);
    }

    /**
     * Refuses a class that uses a Jakarta Persistence or Hibernate annotation autogen's own libraries lack: it was
     * compiled against an older Hibernate, and Hibernate 7 would ignore the annotation and map something else.
     */
    private static void refuseRemovedAnnotations(ClassInfo type, Map<String, Boolean> known) {
        List<AnnotationInfo> annotations = new ArrayList<>(type.getAnnotationInfo());
        for (FieldInfo field : type.getDeclaredFieldInfo()) {
            annotations.addAll(field.getAnnotationInfo());
        }
        for (MethodInfo method : type.getDeclaredMethodInfo()) {
            annotations.addAll(method.getAnnotationInfo());
        }
        ClassLoader autogen = EntityScanner.class.getClassLoader();
        for (AnnotationInfo annotation : annotations) {
            String name = annotation.getName();
            boolean removed = !known.computeIfAbsent(name, n -> CHECKED_ANNOTATION_PACKAGES.stream()
                    .noneMatch(n::startsWith) || autogen.getResource(n.replace('.', '/') + ".class") != null);
            if (removed) {
                throw new EntityModelException(type.getName() + " uses @" + name + ", which Hibernate 7 removed ("
                        + RemovedAnnotations.replacement(name) + "): change the entity before autogen can read it");
            }
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EntityModelException("cannot load entity class " + name + " (" + e + "): add the jars it needs"
                    + " to --classpath", e);
        }
    }

    private static void requireJar(Path entry) {
        try (JarFile jar = new JarFile(entry.toFile())) {
            jar.size();
        } catch (IOException e) {
            throw new EntityModelException("classpath entry is neither a directory nor a readable jar: " + entry
                    + " (" + e.getMessage() + "): check --classpath", e);
        }
    }

    private static URL toUrl(Path entry) {
        try {
            return entry.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new EntityModelException("classpath entry is not a valid location: " + entry, e);
        }
    }

    /**
     * The root packages of {@code classes}' entities: each package holding an {@code @Entity} class, less those
     * inside another one. What "the entities in ..." names when no {@code --packages} was given.
     */
    public static List<String> entityPackages(List<Class<?>> classes) {
        SortedSet<String> packages = new TreeSet<>();
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Entity.class)) {
                packages.add(type.getPackageName());
            }
        }
        List<String> roots = new ArrayList<>();
        for (String pkg : packages) {
            if (roots.stream().noneMatch(root -> pkg.startsWith(root + "."))) {
                roots.add(pkg);
            }
        }
        return List.copyOf(roots);
    }
}
