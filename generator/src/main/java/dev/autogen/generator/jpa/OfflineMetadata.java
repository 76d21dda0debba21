package dev.autogen.generator.jpa;

import dev.autogen.sql.Dialect;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate's boot model of some entity classes for one dialect, built with no database: JDBC metadata access is
 * off and the dialect and its version come from the product name and version settings, so reading entities never
 * needs (or tries) a connection. The registry is kept open for as long as the metadata is used (Hibernate's own DDL
 * export needs it); close this when done.
 */
final class OfflineMetadata implements AutoCloseable {

    /**
     * Hibernate logs its version and a "Database info" block at INFO through java.util.logging (jboss-logging's
     * fallback): on a command line that is noise around autogen's own output, so only warnings are kept. Held in a
     * field because java.util.logging keeps loggers weakly.
     */
    private static final Logger HIBERNATE_LOG = quietHibernateLog();

    /**
     * How many models this thread has built, per dialect (by ordinal): lets a test pin that a command boots each
     * dialect at most once (see {@link EntityModel}). Per thread, so tests running alongside do not disturb it.
     */
    private static final ThreadLocal<int[]> BOOTS = ThreadLocal.withInitial(() -> new int[Dialect.values().length]);

    private final StandardServiceRegistry registry;
    private final Metadata metadata;

    private OfflineMetadata(StandardServiceRegistry registry, Metadata metadata) {
        this.registry = registry;
        this.metadata = metadata;
    }

    static OfflineMetadata build(List<Class<?>> classes, Dialect dialect) {
        BOOTS.get()[dialect.ordinal()]++;
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        classes.forEach(c -> loaders.add(c.getClassLoader()));
        BootstrapServiceRegistryBuilder bootstrapBuilder = new BootstrapServiceRegistryBuilder();
        loaders.forEach(bootstrapBuilder::applyClassLoader);
        BootstrapServiceRegistry bootstrap = bootstrapBuilder.build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.database-product-name", productName(dialect))
                .applySetting("jakarta.persistence.database-product-version", productVersion(dialect))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> type : classes) {
                if (type.getSimpleName().equals("package-info")) {
                    sources.addPackage(type.getPackage());
                } else {
                    sources.addAnnotatedClass(type);
                }
            }
            Metadata metadata = sources.buildMetadata();
            return new OfflineMetadata(registry, metadata);
        } catch (RuntimeException | LinkageError e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new EntityModelException("Hibernate cannot map the entities: " + oneLine(e)
                    + ": fix the mapping (the entities would not boot in the application either)", e);
        }
    }

    /** How many models of {@code dialect} the current thread has built (or tried to) so far. */
    static int boots(Dialect dialect) {
        return BOOTS.get()[dialect.ordinal()];
    }

    private static Logger quietHibernateLog() {
        Logger logger = Logger.getLogger("org.hibernate");
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }

    private static String productName(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "PostgreSQL";
            case SQLITE -> "SQLite";
            case MARIADB -> "MariaDB";
        };
    }

    private static String productVersion(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "15.0";
            case SQLITE -> "3.45";
            case MARIADB -> "10.11";
        };
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    Metadata metadata() {
        return metadata;
    }

    StandardServiceRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
