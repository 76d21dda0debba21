package dev.autogen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The reference of the benchmark: Hibernate's own {@code hbm2ddl.auto=validate}, with grouped catalog extraction,
 * booting a session factory on the model's entities exactly as an application would at start-up. It runs as its own
 * JVM with the model directory on its class path ({@code java -cp autogen-bench.jar:MODEL dev.autogen.bench.HibernateValidate
 * MODEL URL}) and prints {@code phase <name> <millis>} lines: time to main, metadata, session factory with validation.
 * A validation failure (the schema does not match) ends it with exit 1.
 */
public final class HibernateValidate {
    private HibernateValidate() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        long main = System.currentTimeMillis();
        Path classes = Path.of(args[0]);
        String url = args[1];
        PhaseProbe.printTimeToMain(main);
        long start = System.nanoTime();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("hibernate.hbm2ddl.extraction_type", "grouped")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        for (String name : classNames(classes)) {
            sources.addAnnotatedClass(Class.forName(name));
        }
        Metadata metadata = sources.buildMetadata();
        long metadataDone = System.nanoTime();
        PhaseProbe.printPhase("hibernate metadata", start, metadataDone);
        try (SessionFactory factory = metadata.buildSessionFactory()) {
            PhaseProbe.printPhase("session factory + validate", metadataDone, System.nanoTime());
        } catch (RuntimeException e) {
            System.err.println("validate failed: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            System.exit(1);
        }
        StandardServiceRegistryBuilder.destroy(registry);
    }

    /** The binary names of the model's classes, sorted. */
    static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
