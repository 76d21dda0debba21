package dev.autogen.generator.versions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another Hibernate 7.x patch version than autogen's, run as an application would run it: in a JVM of its own
 * ({@link OtherHibernateExport}) whose class path is the test class path with autogen's Hibernate jars
 * ({@code org/hibernate/orm}, {@code org/hibernate/models}) replaced by the ones the build copied into
 * {@code target/other-hibernate/}. A class loader inside this JVM cannot isolate it: Hibernate's own class-loader
 * service always consults the system class loader, whose service files name autogen's Hibernate classes.
 */
final class OtherHibernate {
    private static final Path JARS = Path.of("target", "other-hibernate");

    private OtherHibernate() {
    }

    /**
     * Hibernate's own schema export ({@code create}) of {@code entities} into the PostgreSQL database at {@code url};
     * returns the version that ran it ({@code org.hibernate.Version}).
     */
    static String exportPostgres(List<Class<?>> entities, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), OtherHibernateExport.class.getName(), url));
        entities.forEach(entity -> command.add(entity.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the export with the other Hibernate failed:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith(OtherHibernateExport.VERSION)).findFirst()
                .map(line -> line.substring(OtherHibernateExport.VERSION.length()))
                .orElseThrow(() -> new IllegalStateException("no version printed:\n" + output));
    }

    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(JARS)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> entries.add(f.toAbsolutePath().toString()));
        }
        if (entries.isEmpty()) {
            throw new UncheckedIOException(new IOException("no jars in " + JARS.toAbsolutePath() + ": run the build's"
                    + " generate-test-resources phase (maven-dependency-plugin, execution other-hibernate)"));
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (!path.contains("/org/hibernate/orm/") && !path.contains("/org/hibernate/models/")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
