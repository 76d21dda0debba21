package dev.autogen.generator.testing;

import dev.autogen.sql.Dialect;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate as the test oracle: its own {@code hbm2ddl validate} on a migrated database, and its own schema export
 * into a fresh one, to compare catalogs with.
 */
public final class HibernateOracle {
    static {
        // Hibernate's INFO lines (banner, pool, dialect) are noise in test output
        java.util.logging.Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.WARNING);
    }

    private HibernateOracle() {
    }

    /** Hibernate's {@code hbm2ddl.auto=validate}: throws {@code SchemaManagementException} on a mismatch. */
    public static void validate(List<Class<?>> entities, String url, Dialect dialect) {
        boot(entities, url, dialect, "validate").close();
    }

    /**
     * {@link #validate} with Hibernate's other metadata extraction strategy, which looks each table up by itself
     * ({@code hibernate.hbm2ddl.jdbc_metadata_extraction_strategy=individually}). On SQLite the default (grouped)
     * strategy finds a table only under the exact case of its unquoted name ({@code Animal}), although SQLite names are
     * case-insensitive and Hibernate compares the columns case-insensitively: a database whose tables are spelled
     * {@code animal} (as one migration for PostgreSQL and SQLite creates them) is then "missing" every table, and only
     * this strategy actually validates it.
     */
    public static void validateTableByTable(List<Class<?>> entities, String url, Dialect dialect) {
        boot(entities, url, dialect, "validate", "individually").close();
    }

    /** Hibernate's own schema export ({@code hbm2ddl.auto=create}) into the database at {@code url}. */
    public static void export(List<Class<?>> entities, String url, Dialect dialect) {
        boot(entities, url, dialect, "create").close();
    }

    private static SessionFactory boot(List<Class<?>> entities, String url, Dialect dialect, String action) {
        return boot(entities, url, dialect, action, "grouped");
    }

    private static SessionFactory boot(List<Class<?>> entities, String url, Dialect dialect, String action,
                                       String extractionStrategy) {
        // the entities may come from their own class loader (compiled fixtures): Hibernate must load through it
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        entities.stream().map(Class::getClassLoader).distinct().forEach(bootstrap::applyClassLoader);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy", extractionStrategy)
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.dialect", switch (dialect) {
                    case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
                    case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
                    case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
                })
                .applySetting("hibernate.hbm2ddl.auto", action)
                // @Table(schema = ...): Hibernate's export creates the schema, as autogen's CreateTable does
                .applySetting("hibernate.hbm2ddl.create_namespaces", "true")
                // keep Hibernate's SQLite helper tables (HT_/HTE_) out of the database under test
                .applySetting("hibernate.query.mutation_strategy.persistent.create_tables", "false")
                .applySetting("hibernate.query.mutation_strategy.global_temporary.create_tables", "false")
                .applySetting("hibernate.connection.pool_size", "1")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
