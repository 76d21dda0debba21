package dev.autogen.migrate.discovery;

import dev.autogen.migrate.Migration;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with {@code javax.tools}, so {@code autogen upgrade} can run migrations right after
 * {@code autogen -m} wrote them, without a build. The class path is the running JVM's ({@code java.class.path}) plus
 * the location of the runtime itself (so it also works from a shaded jar or a container's class loader), plus any
 * entries given; the classes load through a {@link ClassLoader} whose parent is the runtime's, so they see the same
 * {@link Migration} type.
 */
public final class JavaSourceCompiler {
    private final ClassLoader parent;
    private final List<Path> extraClassPath;

    /** A compiler whose classes see the runtime's class loader. */
    public JavaSourceCompiler() {
        this(Migration.class.getClassLoader(), List.of());
    }

    /**
     * @param parent         the loader the compiled classes delegate to
     * @param extraClassPath more directories or jars to compile against (entities, application code)
     */
    public JavaSourceCompiler(ClassLoader parent, List<Path> extraClassPath) {
        this.parent = parent;
        this.extraClassPath = List.copyOf(extraClassPath);
    }

    /** The loader compiled classes delegate to. */
    ClassLoader parent() {
        return parent;
    }

    /** The class path entries given besides the JVM's and the runtime's. */
    List<Path> extraClassPath() {
        return extraClassPath;
    }

    /** Compiles {@code .java} files. */
    public CompiledClasses compile(List<Path> sourceFiles) {
        JavaCompiler compiler = compiler();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            standard.getJavaFileObjectsFromPaths(sourceFiles).forEach(units::add);
            return compile(compiler, standard, units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles sources held in memory.
     *
     * @param sources file name relative to a source root ({@code com/acme/V0001_Init.java}) to its text
     */
    public CompiledClasses compileSources(Map<String, String> sources) {
        JavaCompiler compiler = compiler();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            new TreeMap<>(sources).forEach((name, text) -> units.add(new StringSource(name, text)));
            return compile(compiler, standard, units);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompiledClasses compile(JavaCompiler compiler, StandardJavaFileManager standard,
            List<JavaFileObject> units) {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var output = new MemoryFileManager(standard);
        List<String> options = List.of("--release", "21", "-proc:none", "-encoding", "UTF-8",
                "-classpath", classPath());
        Boolean ok = compiler.getTask(null, output, diagnostics, options, null, units).call();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(JavaSourceCompiler::describe)
                .toList();
        if (!ok || !errors.isEmpty()) {
            throw new CompilationException(errors.isEmpty() ? List.of("javac failed without a message") : errors);
        }
        return new CompiledClasses(output.classes, output.sources, parent);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "<unknown>" : sourcePath(d.getSource());
        return file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
    }

    private static String sourcePath(JavaFileObject source) {
        URI uri = source.toUri();
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri).toString();
        }
        String name = source.getName();
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        extraClassPath.forEach(p -> entries.add(p.toString()));
        String jvm = System.getProperty("java.class.path", "");
        for (String entry : jvm.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        Path runtime = codeSource(Migration.class);
        if (runtime != null) {
            entries.add(runtime.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The directory or jar a class was loaded from, or null when the JVM does not say. */
    static Path codeSource(Class<?> type) {
        var domain = type.getProtectionDomain();
        if (domain == null || domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
            return null;
        }
        try {
            URI uri = domain.getCodeSource().getLocation().toURI();
            return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static JavaCompiler compiler() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new MigrationSourceException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + ") — run autogen on a JDK, not a JRE, or use compiled migrations (--migrations-package)");
        }
        return compiler;
    }

    /**
     * The result of a compilation: class bytes by binary name, the source each top-level class came from, and a
     * loader for them.
     */
    public static final class CompiledClasses {
        private final Map<String, byte[]> classes;
        private final Map<String, String> sources;
        private final ClassLoader loader;

        CompiledClasses(Map<String, byte[]> classes, Map<String, String> sources, ClassLoader parent) {
            this.classes = Map.copyOf(classes);
            this.sources = Map.copyOf(sources);
            this.loader = new MemoryClassLoader(this.classes, parent);
        }

        /** Binary names of every class compiled (nested ones included), sorted. */
        public List<String> classNames() {
            return classes.keySet().stream().sorted().toList();
        }

        /** The source file (a path, or the name given to {@link #compileSources}) a class was compiled from. */
        public String sourceOf(String className) {
            return sources.get(className);
        }

        /** A loader for the compiled classes (one per compilation, so classes of two compilations never mix). */
        public ClassLoader classLoader() {
            return loader;
        }

        /** The bytes of a compiled class (a copy), or null when it was not compiled here. */
        public byte[] bytesOf(String className) {
            byte[] bytes = classes.get(className);
            return bytes == null ? null : bytes.clone();
        }

        /**
         * The class, loaded but neither linked nor initialised: telling migrations from other classes reads only
         * annotations and supertypes, and the verifier's pass over a large migration's method chunks (its nested
         * classes: 6 MB of bytecode for a 5 500-table initial schema, most of a no-op check's time on its main
         * thread) waits until a step of theirs runs, which a check or {@code current} never asks for. A migration's
         * own class is initialised when it is instantiated.
         */
        public Class<?> load(String className) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("not compiled here: " + className, e);
            }
        }

        /** Writes the {@code .class} files under {@code directory}, in package folders (a class-path root). */
        public void writeTo(Path directory) {
            try {
                for (var entry : new TreeMap<>(classes).entrySet()) {
                    Path file = directory.resolve(entry.getKey().replace('.', '/') + ".class");
                    Files.createDirectories(file.getParent());
                    Files.write(file, entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private static final class StringSource extends SimpleJavaFileObject {
        private final String text;

        StringSource(String name, String text) {
            super(URI.create("string:///" + name.replace('\\', '/')), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps class output in memory and remembers which source each class came from. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, byte[]> classes = new TreeMap<>();
        final Map<String, String> sources = new TreeMap<>();

        MemoryFileManager(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            if (sibling instanceof JavaFileObject source) {
                sources.put(className, sourcePath(source));
            }
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
