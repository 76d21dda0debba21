package dev.autogen.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The JVM the reference runs in: the peer in its fastest fair configuration. Hibernate's schema validation is a
 * library call, so its JVM is the user's to tune like autogen's launcher tunes the CLI's: the same options
 * ({@link #CLI_OPTIONS}: C1 only and the serial collector; measured 22 % faster than the
 * JVM's defaults at 1 000 entities) and a JDK 25 AOT cache of its own, trained by one untimed run of the same
 * validation on the same entities (measured another 23 %). An AOT cache holds jars only, so the compiled model is
 * packed into one. The runs before 2026-12-06 used the JVM's defaults; the benchmark still prints that figure beside.
 */
final class ReferenceJvm {
    /** What generator/autogen-java gives the CLI (its start-up cache apart). */
    static final List<String> CLI_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String classPath;
    private final Path cache;

    private ReferenceJvm(String classPath, Path cache) {
        this.classPath = classPath;
        this.cache = cache;
    }

    /**
     * Packs {@code model} into a jar in {@code dir} and trains the reference's AOT cache with one run of
     * {@code validate} (its arguments after the class path); without a cache (an older JDK, a failed training) the
     * reference runs with the options alone, and {@link #cached()} says so.
     */
    static ReferenceJvm prepare(String javaCommand, Path benchJar, Path model, Path dir, List<String> validate)
            throws IOException {
        Path jar = dir.resolve("model-for-reference.jar");
        packDirectory(model, jar);
        String classPath = benchJar + File.pathSeparator + jar;
        Path cache = dir.resolve("hibernate-validate.aot");
        Files.deleteIfExists(cache);
        List<String> training = new ArrayList<>(List.of(javaCommand));
        training.addAll(CLI_OPTIONS);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=off,cds*=off", "-cp", classPath));
        training.addAll(validate);
        ColdRun.Result trained = ColdRun.run(training, dir);
        boolean made = trained.exitCode() == 0 && Files.isRegularFile(cache) && Files.size(cache) > 0;
        return new ReferenceJvm(classPath, made ? cache : null);
    }

    /** Whether the AOT cache could be made (JDK 25 or newer). */
    boolean cached() {
        return cache != null;
    }

    /** The command that runs {@code validate} in this JVM; {@code withCache} false: the options alone. */
    List<String> command(String javaCommand, boolean withCache, List<String> validate) {
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(CLI_OPTIONS);
        if (withCache && cache != null) {
            command.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off"));
        }
        command.addAll(List.of(ColdRun.LAUNCH_MILLIS, "-cp", classPath));
        command.addAll(validate);
        return command;
    }

    private static void packDirectory(Path directory, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream packed = new JarOutputStream(out)) {
            for (Path file : files) {
                packed.putNextEntry(new JarEntry(directory.relativize(file).toString().replace('\\', '/')));
                packed.write(Files.readAllBytes(file));
                packed.closeEntry();
            }
        }
    }
}
