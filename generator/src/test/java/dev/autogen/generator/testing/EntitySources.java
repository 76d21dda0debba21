package dev.autogen.generator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Entity sources a test edits and compiles into a class directory, as a user edits entities and builds: the
 * directory keeps its path and is emptied before each compilation, so a removed class really disappears.
 */
public final class EntitySources {
    private final String packageName;
    private final Path sourceDirectory;
    private final Path classes;
    private final Map<String, String> sources = new TreeMap<>();

    /** Sources of {@code packageName} kept under {@code work/src}, compiled to {@code work/classes}. */
    public EntitySources(Path work, String packageName) {
        this.packageName = packageName;
        this.sourceDirectory = work.resolve("src").resolve(packageName.replace('.', '/'));
        this.classes = work.resolve("classes");
    }

    /** The class directory (the {@code --classpath} entry). */
    public Path classes() {
        return classes;
    }

    public String packageName() {
        return packageName;
    }

    /** Sets the source of {@code simpleName} ({@code package-info} included). */
    public EntitySources put(String simpleName, String source) {
        sources.put(simpleName, source);
        return this;
    }

    /** The source of {@code simpleName} with {@code from} replaced by {@code to}; {@code from} must occur in it. */
    public EntitySources edit(String simpleName, String from, String to) {
        String source = sources.get(simpleName);
        if (source == null || !source.contains(from)) {
            throw new IllegalArgumentException(simpleName + " has no '" + from + "' to replace");
        }
        sources.put(simpleName, source.replace(from, to));
        return this;
    }

    /** Compiles every source into an emptied {@link #classes()} with the test class path; fails on a javac error. */
    public Path compile() throws IOException {
        Files.createDirectories(sourceDirectory);
        if (Files.exists(classes)) {
            try (Stream<Path> old = Files.walk(classes)) {
                for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "21", "-proc:none", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString()));
        for (var source : sources.entrySet()) {
            args.add(Files.writeString(sourceDirectory.resolve(source.getKey() + ".java"), source.getValue())
                    .toString());
        }
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("the test entities do not compile (javac exit " + rc + ")");
        }
        return classes;
    }
}
