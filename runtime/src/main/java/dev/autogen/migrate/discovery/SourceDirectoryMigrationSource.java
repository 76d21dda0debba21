package dev.autogen.migrate.discovery;

import dev.autogen.migrate.LoadedMigration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Migrations as {@code .java} files in a directory (and its sub-directories), compiled in memory on every load. This
 * is what lets {@code autogen upgrade} run right after {@code autogen -m} wrote a file, without a build.
 */
public final class SourceDirectoryMigrationSource implements MigrationSource {
    private final Path directory;
    private final JavaSourceCompiler compiler;

    public SourceDirectoryMigrationSource(Path directory) {
        this(directory, new JavaSourceCompiler());
    }

    /** With a compiler that sees more class path (application code the migrations refer to). */
    public SourceDirectoryMigrationSource(Path directory, JavaSourceCompiler compiler) {
        this.directory = directory;
        this.compiler = compiler;
    }

    @Override
    public List<LoadedMigration> load() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationSourceException("migrations directory does not exist: " + directory
                    + " — create it or pass --migrations");
        }
        List<Path> sources = javaFiles();
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaSourceCompiler.CompiledClasses compiled;
        try {
            compiled = compiler.compile(sources);
        } catch (CompilationException e) {
            throw new MigrationSourceException(e.getMessage(), e);
        }
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
