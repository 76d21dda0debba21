package dev.autogen.migrate.discovery;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.history.MigrationChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Migrations as {@code .java} files in a directory (and its sub-directories), compiled in memory when loaded. This
 * is what lets {@code autogen upgrade} run right after {@code autogen -m} wrote a file, without a build. The classes
 * are kept in a {@link CompiledClassCache} (by default the one {@link CompiledClassCache#fromEnvironment()} names), so
 * a later load of the same sources with the same runtime skips javac.
 */
public final class SourceDirectoryMigrationSource implements MigrationSource {
    private final Path directory;
    private final JavaSourceCompiler compiler;
    private final CompiledClassCache cache;
    private volatile boolean loadedFromCache;
    private volatile String entryKey;

    public SourceDirectoryMigrationSource(Path directory) {
        this(directory, new JavaSourceCompiler());
    }

    /** With a compiler that sees more class path (application code the migrations refer to). */
    public SourceDirectoryMigrationSource(Path directory, JavaSourceCompiler compiler) {
        this(directory, compiler, CompiledClassCache.fromEnvironment());
    }

    /** With a given class cache ({@link CompiledClassCache#disabled()} to compile on every load). */
    public SourceDirectoryMigrationSource(Path directory, JavaSourceCompiler compiler, CompiledClassCache cache) {
        this.directory = directory;
        this.compiler = compiler;
        this.cache = cache;
    }

    /** Whether the last {@link #load()} took its classes from the cache instead of compiling them. */
    public boolean loadedFromCache() {
        return loadedFromCache;
    }

    /**
     * The note {@code name} kept in the cache entry of the last {@link #load()} (see {@link CompiledClassCache}): a
     * value derived from these migrations alone. Empty when there is none, it is damaged, or nothing was cached.
     */
    public Optional<String> note(String name) {
        String key = entryKey;
        return key == null ? Optional.empty() : cache.readNote(key, name);
    }

    /** Keeps {@code text} as the note {@code name} of the last {@link #load()}'s cache entry; silent when it cannot. */
    public void keepNote(String name, String text) {
        String key = entryKey;
        if (key != null) {
            cache.writeNote(key, name, text);
        }
    }

    @Override
    public List<LoadedMigration> load() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationSourceException("migrations directory does not exist: " + directory
                    + " — create it or pass --migrations");
        }
        loadedFromCache = false;
        entryKey = null;
        List<Path> sources = javaFiles();
        if (sources.isEmpty()) {
            return List.of();
        }
        String key = cacheKey(sources);
        if (key != null) {
            var cached = cache.read(key, directory, compiler.parent());
            if (cached.isPresent()) {
                try {
                    List<LoadedMigration> migrations = migrations(cached.get().classes());
                    for (LoadedMigration migration : migrations) {
                        String checksum = cached.get().checksums().get(migration.className());
                        if (checksum != null) {
                            MigrationChecksum.remember(migration, checksum);
                        }
                    }
                    loadedFromCache = true;
                    entryKey = key;
                    return migrations;
                } catch (LinkageError e) {
                    // a class that verifies by hash but does not link: compile instead
                }
            }
        }
        JavaSourceCompiler.CompiledClasses compiled;
        try {
            compiled = compiler.compile(sources);
        } catch (CompilationException e) {
            throw new MigrationSourceException(e.getMessage(), e);
        }
        List<LoadedMigration> migrations = migrations(compiled);
        if (key != null) {
            Map<String, String> checksums = new TreeMap<>();
            for (LoadedMigration migration : migrations) {
                String checksum = MigrationChecksum.of(migration);
                MigrationChecksum.remember(migration, checksum);
                checksums.put(migration.className(), checksum);
            }
            cache.write(key, directory, compiled, checksums);
            entryKey = key;
        }
        return migrations;
    }

    private String cacheKey(List<Path> sources) {
        if (!cache.enabled()) {
            return null;
        }
        try {
            return cache.key(directory, sources, compiler.extraClassPath());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<LoadedMigration> migrations(JavaSourceCompiler.CompiledClasses compiled) {
        List<LoadedMigration> migrations = new ArrayList<>();
        for (String name : compiled.classNames()) {
            String source = compiled.sourceOf(name);
            Path sourceFile = source == null ? null : Path.of(source);
            MigrationClasses.read(compiled.load(name), sourceFile).ifPresent(migrations::add);
        }
        migrations.sort(Comparator.comparing(LoadedMigration::className));
        return List.copyOf(migrations);
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    private List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
