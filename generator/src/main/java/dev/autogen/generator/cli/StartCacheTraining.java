package dev.autogen.generator.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the CLI's start-up cache ({@code generator/autogen-java}): one JVM whose loaded classes and
 * method profiles the JDK keeps for later runs. A later run gains only for the code the training ran, and a run of one
 * command trains one path; so this runs, in one process, what users run most, on a scratch SQLite file and the sample
 * entities: {@code -m} and {@code upgrade} (Hibernate's boot, the emitter, javac, the migrator), then {@code check}
 * three ways (the first after a change: boot and cache writes; the usual one: the entity model from its cache, the
 * migrations from theirs; and the one answered by the in-sync record), and {@code diff}. A {@code check} against an
 * unreachable PostgreSQL URL loads the PostgreSQL driver's connection path, which the other steps cannot reach without a
 * server, and the rest of the driver's and autogen's classes are loaded (not run) at the end. Every step's output is dropped and its exit code only printed: training only has to run the code.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp autogen-cli.jar dev.autogen.generator.cli.StartCacheTraining
 * SCRATCH_DIR ENTITY_CLASSES}.
 */
public final class StartCacheTraining {
    private static final String SAMPLE_PACKAGE = "dev.autogen.sample";
    /** A PostgreSQL URL nothing listens on (port 1): the driver gets as far as refusing to connect. */
    private static final String UNREACHABLE_POSTGRES = "jdbc:postgresql://127.0.0.1:1/training?connectTimeout=1";

    /**
     * The packages whose classes are loaded (not run) at the end, so that the cache holds them parsed and linked: what
     * a check against PostgreSQL loads beyond what a SQLite check does (the driver's protocol, the catalog reader).
     */
    private static final List<String> PRELOADED = List.of("org/postgresql/", "dev/autogen/");

    private StartCacheTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]).toAbsolutePath();
        String entities = args[1];
        Path cache = scratch.resolve("cache");
        Path migrations = scratch.resolve("migrations");
        Files.createDirectories(migrations);
        System.setProperty("autogen.cache.dir", cache.toString());
        List<String> project = List.of("--url", "jdbc:sqlite:" + scratch.resolve("training.db"), "--classpath",
                entities, "--packages", SAMPLE_PACKAGE, "--migrations", migrations.toString());

        run(project, "-m", "training", "--rev-id", "000000000001");
        run(project, "upgrade");
        run(project, "check");
        deleteTree(cache.resolve("in-sync"));
        run(project, "check");
        run(project, "check");
        run(project, "diff");
        run(List.of("--url", UNREACHABLE_POSTGRES, "--user", "training", "--classpath", entities, "--packages",
                SAMPLE_PACKAGE, "--migrations", migrations.toString()), "check");
        preload(PRELOADED);
    }

    private static void preload(List<String> prefixes) throws IOException {
        Path jar;
        try {
            jar = Path.of(StartCacheTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            return;
        }
        ClassLoader loader = StartCacheTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : file.stream().map(JarEntry::getName).toList()) {
                if (name.endsWith(".class") && !name.contains("-") && prefixes.stream().anyMatch(name::startsWith)) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // an optional dependency of the driver that is not on the class path
                    }
                }
            }
        }
    }

    /** Runs one command; its exit code and first error line go to stderr, for whoever debugs a training. */
    private static void run(List<String> project, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(project);
        StringWriter err = new StringWriter();
        int exit = AutogenCommand.run(new StringWriter(), err, args.toArray(String[]::new));
        System.err.println("training: autogen " + String.join(" ", command) + ": exit " + exit + " "
                + err.toString().lines().findFirst().orElse(""));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
