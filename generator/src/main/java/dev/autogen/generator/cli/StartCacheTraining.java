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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * <p>With {@code --check} first, it trains the separate cache that {@code check} runs with, in a second JVM over the
 * scratch directory the first training left (its migration applied and compiled): only the three kinds of
 * {@code check}, {@code check --offline} and the unreachable PostgreSQL one, then the driver's classes and autogen's catalog and SQL classes. A
 * JDK 25 AOT cache loads every class it holds when the JVM starts, so the general cache (javac, the emitter, every
 * command) made the usual no-op check load some 8 100 classes where it uses 3 000 (6 200 with this one), and saved it
 * almost no CPU; see bench/RESULTS.md, "Speed work of 2026-12-05 (2)".
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=FILE -cp autogen-cli.jar dev.autogen.generator.cli.StartCacheTraining
 * [--check] SCRATCH_DIR ENTITY_CLASSES}.
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

    /** What the {@code check} cache preloads: the driver, and autogen's catalog readers and SQL renderers. */
    private static final List<String> PRELOADED_FOR_CHECK = List.of("org/postgresql/", "dev/autogen/generator/catalog/",
            "dev/autogen/sql/");

    private StartCacheTraining() {
    }

    public static void main(String[] args) throws IOException {
        boolean checkOnly = args[0].equals("--check");
        Path scratch = Path.of(args[checkOnly ? 1 : 0]).toAbsolutePath();
        String entities = args[checkOnly ? 2 : 1];
        Path cache = scratch.resolve("cache");
        Path migrations = scratch.resolve("migrations");
        Files.createDirectories(migrations);
        System.setProperty("autogen.cache.dir", cache.toString());
        List<String> project = List.of("--url", "jdbc:sqlite:" + scratch.resolve("training.db"), "--classpath",
                entities, "--packages", SAMPLE_PACKAGE, "--migrations", migrations.toString());

        if (checkOnly) {
            // the first check after a change (Hibernate's boot) too: without it a cold check loads and verifies
            // Hibernate's classes from the jar, 0.3 s of CPU more at 1 000 entities, for 0.06 s less on a warm one
            deleteTree(cache.resolve("entity-models"));
            deleteTree(cache.resolve("in-sync"));
            checks(project, cache, entities, migrations);
            preload(PRELOADED_FOR_CHECK);
            return;
        }
        run(project, "-m", "training", "--rev-id", "000000000001");
        run(project, "upgrade");
        checks(project, cache, entities, migrations);
        run(project, "diff");
        preload(PRELOADED);
    }

    /**
     * {@code check} after a change, with the model cached, from its in-sync record, offline (the migrations replayed),
     * and against no server.
     */
    private static void checks(List<String> project, Path cache, String entities, Path migrations) throws IOException {
        run(project, "check");
        deleteTree(cache.resolve("in-sync"));
        run(project, "check");
        run(project, "check");
        run(project, "check", "--offline");
        run(List.of("--url", UNREACHABLE_POSTGRES, "--user", "training", "--classpath", entities, "--packages",
                SAMPLE_PACKAGE, "--migrations", migrations.toString()), "check");
    }

    /**
     * Loads (without running) the classes under {@code prefixes} of the jars that hold autogen's generator, its runtime
     * and the PostgreSQL driver: one jar in the repository's build, three plain jars in the installed archive, where
     * the CLI's jar only names them in its manifest.
     */
    private static void preload(List<String> prefixes) throws IOException {
        ClassLoader loader = StartCacheTraining.class.getClassLoader();
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> marker : List.of(StartCacheTraining.class, dev.autogen.migrate.Migration.class,
                org.postgresql.Driver.class)) {
            try {
                Path jar = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                }
            } catch (URISyntaxException | RuntimeException e) {
                // a class with no code source: nothing of it to preload
            }
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (String name : file.stream().map(JarEntry::getName).toList()) {
                    if (name.endsWith(".class") && !name.contains("-")
                            && prefixes.stream().anyMatch(name::startsWith)) {
                        try {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                        } catch (ClassNotFoundException | LinkageError e) {
                            // an optional dependency of the driver that is not on the class path
                        }
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
