package dev.autogen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * The reference of the benchmark: Hibernate's own schema validation, as {@code hbm2ddl.auto=validate} runs it (the
 * boot metadata, the catalog extraction with the grouped strategy, set by its real name
 * {@code hibernate.hbm2ddl.jdbc_metadata_extraction_strategy}, and the comparison), and nothing an application needs
 * besides: no session factory. That is the same work {@code autogen check} does (read the entities, read the
 * catalog, compare), so the ratio is fair. With {@code --session-factory} it instead boots a whole session factory with
 * {@code hbm2ddl.auto=validate}, as an application does at start-up (persisters and query plans included): reported
 * beside, never as the reference (issue #17 found the earlier reference timed that, and set a setting that does not
 * exist).
 *
 * <p>It runs as its own JVM with the model directory on its class path ({@code java -cp autogen-bench.jar:MODEL
 * dev.autogen.bench.HibernateValidate MODEL URL [--session-factory]}) and prints {@code phase <name> <millis>} lines.
 * A validation failure (the schema does not match) ends it with exit 1.
 */
public final class HibernateValidate {
    static final String SESSION_FACTORY = "--session-factory";

    private HibernateValidate() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        long main = System.currentTimeMillis();
        Path classes = Path.of(args[0]);
        String url = args[1];
        boolean sessionFactory = args.length > 2 && args[2].equals(SESSION_FACTORY);
        PhaseProbe.printTimeToMain(main);
        long start = System.nanoTime();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy", "grouped")
                .applySetting("hibernate.hbm2ddl.auto", sessionFactory ? "validate" : "none")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        for (String name : classNames(classes)) {
            sources.addAnnotatedClass(Class.forName(name));
        }
        Metadata metadata = sources.buildMetadata();
        long metadataDone = System.nanoTime();
        PhaseProbe.printPhase("hibernate metadata", start, metadataDone);
        try {
            if (sessionFactory) {
                try (SessionFactory factory = metadata.buildSessionFactory()) {
                    PhaseProbe.printPhase("session factory + validate", metadataDone, System.nanoTime());
                }
            } else {
                Map<String, Object> settings =
                        new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
                settings.put("hibernate.hbm2ddl.auto", "validate");
                SchemaManagementToolCoordinator.process(metadata, registry, settings, action -> { });
                PhaseProbe.printPhase("schema tool validate", metadataDone, System.nanoTime());
            }
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
