package dev.autogen.generator.jpa;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the JPA-annotated classes ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, and
 * {@code @Converter}: with {@code autoApply = true} a converter changes the column type of every attribute of its type
 * without any entity naming it) and the {@code package-info} classes of some packages, in compiled class directories
 * and jars, without a {@code persistence.xml}: the user names where the entities are ({@code --classpath},
 * {@code --packages}) and autogen finds them the way Hibernate's own scanner would.
 *
 * <p>The classes are loaded by a {@link URLClassLoader} whose parent is autogen's own class loader, so that
 * {@code jakarta.persistence} and {@code org.hibernate} annotations are the very classes Hibernate checks for. The
 * loader stays open: the classes are used after the scan. With no classpath entries, autogen's own class path is
 * scanned, which is how the bundled sample entities are found.
 */
public final class EntityScanner {

    private static final String CLASS_SUFFIX = ".class";
    private static final String PACKAGE_INFO = "package-info";

    private EntityScanner() {
    }

    /**
     * The annotated classes (and package-info classes) in {@code packages} and their subpackages, sorted by name.
     *
     * @param classpath directories of compiled classes and jars; empty to scan autogen's own class path
     * @param packages  package names such as {@code com.acme.model}; at least one
     * @throws EntityModelException when an entry does not exist, cannot be read, or no entity is found
     */
    public static List<Class<?>> scan(List<Path> classpath, List<String> packages) {
        return EntityLoadFailure.guarded(() -> scanGuarded(classpath, packages));
    }

    private static List<Class<?>> scanGuarded(List<Path> classpath, List<String> packages) {
        if (packages.isEmpty()) {
            throw new EntityModelException("no entity packages given: set --packages (e.g. --packages com.acme.model)");
        }
        ClassLoader parent = EntityScanner.class.getClassLoader();
        if (classpath.isEmpty()) {
            return scan(parent, packages);
        }
        Set<String> classNames = new TreeSet<>();
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new EntityModelException("classpath entry does not exist: " + entry
                        + ": check --classpath (compile the entities first)");
            }
            urls.add(toUrl(entry));
            for (String pkg : packages) {
                classNames.addAll(Files.isDirectory(entry) ? namesInDirectory(entry, pkg) : namesInJar(entry, pkg));
            }
        }
        ClassLoader loader = new URLClassLoader("autogen-entities", urls.toArray(URL[]::new), parent);
        return load(loader, classNames, packages, classpath.toString());
    }

    /** The annotated classes of {@code packages} that {@code loader} sees (directories and jars alike). */
    static List<Class<?>> scan(ClassLoader loader, List<String> packages) {
        Set<String> classNames = new TreeSet<>();
        for (String pkg : packages) {
            classNames.addAll(namesOnLoader(loader, pkg));
        }
        return load(loader, classNames, packages, "(autogen's own)");
    }

    private static List<Class<?>> load(ClassLoader loader, Set<String> classNames, List<String> packages,
                                       String where) {
        List<Class<?>> found = new ArrayList<>();
        boolean anyEntity = false;
        for (String name : classNames) {
            Class<?> type = load(loader, name);
            anyEntity |= type.isAnnotationPresent(Entity.class);
            if (isMapped(type) || name.endsWith("." + PACKAGE_INFO)) {
                found.add(type);
            }
        }
        if (!anyEntity) {
            throw new EntityModelException("no entities found in packages " + packages + " on classpath " + where
                    + ": check --packages and --classpath");
        }
        found.sort(Comparator.comparing(Class::getName));
        return List.copyOf(found);
    }

    private static boolean isMapped(Class<?> type) {
        return type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)
                || type.isAnnotationPresent(MappedSuperclass.class) || type.isAnnotationPresent(Converter.class);
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EntityModelException("cannot load entity class " + name + " (" + e + "): add the jars it needs"
                    + " to --classpath", e);
        }
    }

    private static URL toUrl(Path entry) {
        try {
            return entry.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new EntityModelException("classpath entry is not a valid location: " + entry, e);
        }
    }

    private static List<String> namesOnLoader(ClassLoader loader, String pkg) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(pkg.replace('.', '/'));
            if (!roots.hasMoreElements()) {
                return namesOnClassPathEntries(loader, pkg);
            }
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> names.addAll(namesUnder(Path.of(root.toURI()), pkg));
                    case "jar" -> names.addAll(namesInJarUrl(root, pkg));
                    default -> throw new EntityModelException("cannot scan " + root + " for entities: put the"
                            + " entities in a directory or jar and pass it with --classpath");
                }
            }
        } catch (IOException e) {
            throw new EntityModelException("cannot scan package " + pkg + " on autogen's class path: " + e, e);
        } catch (URISyntaxException e) {
            throw new EntityModelException("cannot scan package " + pkg + ": bad location " + e.getInput(), e);
        }
        return names;
    }

    /**
     * A jar written without directory entries has no resource for a package path: scan the loader's own entries
     * (a {@link URLClassLoader}'s URLs, else {@code java.class.path}) instead.
     */
    private static List<String> namesOnClassPathEntries(ClassLoader loader, String pkg) throws URISyntaxException {
        List<Path> entries = new ArrayList<>();
        if (loader instanceof URLClassLoader urlLoader) {
            for (URL url : urlLoader.getURLs()) {
                if (url.getProtocol().equals("file")) {
                    entries.add(Path.of(url.toURI()));
                }
            }
        } else {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                names.addAll(namesInDirectory(entry, pkg));
            } else if (Files.isRegularFile(entry)) {
                names.addAll(namesInJar(entry, pkg));
            }
        }
        return names;
    }

    private static List<String> namesInDirectory(Path root, String pkg) {
        Path dir = root.resolve(pkg.replace('.', '/'));
        return Files.isDirectory(dir) ? namesUnder(dir, pkg) : List.of();
    }

    /** Class names under {@code dir}, which holds the classes of package {@code pkg}. */
    private static List<String> namesUnder(Path dir, String pkg) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(CLASS_SUFFIX))
                    .map(p -> {
                        String relative = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".");
                        return pkg + "." + relative.substring(0, relative.length() - CLASS_SUFFIX.length());
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static List<String> namesInJarUrl(URL root, String pkg) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            return namesInJar(jar, pkg);
        }
    }

    private static List<String> namesInJar(Path jarPath, String pkg) {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            return namesInJar(jar, pkg);
        } catch (IOException e) {
            throw new EntityModelException("classpath entry is neither a directory nor a readable jar: " + jarPath
                    + " (" + e.getMessage() + "): check --classpath", e);
        }
    }

    private static List<String> namesInJar(JarFile jar, String pkg) {
        String prefix = pkg.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(prefix) && entry.endsWith(CLASS_SUFFIX) && !entry.startsWith("META-INF/")) {
                names.add(entry.substring(0, entry.length() - CLASS_SUFFIX.length()).replace('/', '.'));
            }
        }
        return names;
    }
}
