package dev.autogen.generator.jpa;

import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Optional;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * Hibernate's own {@code hbm2ddl.auto=validate} against a live database: the second opinion the migration test kit
 * asks after autogen's own check (Hibernate stays the oracle of what its entities need). It lives here because
 * Hibernate types never leave {@code generator.jpa}; callers get a plain message.
 *
 * <p>On SQLite each table is looked up by itself ({@code jdbc_metadata_extraction_strategy=individually}): the
 * default grouped lookup finds a table only under the exact case of its unquoted name, so mixed-case entity names
 * would be "missing" from a database whose tables one migration spelled in lower case for both databases.
 */
public final class HibernateSchemaValidation {
    static {
        // Hibernate's INFO lines (banner, pool, dialect) are noise in a test report
        java.util.logging.Logger.getLogger("org.hibernate").setLevel(java.util.logging.Level.WARNING);
    }

    private HibernateSchemaValidation() {
    }

    /**
     * What Hibernate's validation finds wrong with the database at {@code url} for {@code entities}, or empty when it
     * accepts it.
     */
    public static Optional<String> problem(List<Class<?>> entities, String url, Dialect dialect) {
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        entities.stream().map(Class::getClassLoader).distinct().forEach(bootstrap::applyClassLoader);
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySetting("hibernate.hbm2ddl.jdbc_metadata_extraction_strategy",
                        dialect == Dialect.SQLITE ? "individually" : "grouped")
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.connection.driver_class", switch (dialect) {
                    case POSTGRESQL -> "org.postgresql.Driver";
                    case SQLITE -> "org.sqlite.JDBC";
                    case MARIADB -> "org.mariadb.jdbc.Driver";
                })
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                // keep Hibernate's SQLite helper tables (HT_/HTE_) out of the database under test
                .applySetting("hibernate.query.mutation_strategy.persistent.create_tables", "false")
                .applySetting("hibernate.query.mutation_strategy.global_temporary.create_tables", "false")
                .applySetting("hibernate.connection.pool_size", "1");
        if (dialect == Dialect.SQLITE) {
            // Hibernate finds PostgreSQL's dialect from the connection; SQLite's lives in the community module
            settings.applySetting("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            sources.buildMetadata().buildSessionFactory().close();
            return Optional.empty();
        } catch (SchemaManagementException e) {
            return Optional.of(e.getMessage());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
