package dev.autogen.generator.versions;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;

/**
 * The main class {@link OtherHibernate} runs in a JVM whose Hibernate is another patch version: prints that version,
 * then runs Hibernate's own schema export of the named entity classes into a PostgreSQL database, through the JPA API.
 * Arguments: the JDBC URL, then the entity class names.
 */
public final class OtherHibernateExport {
    static final String VERSION = "hibernate version: ";

    private OtherHibernateExport() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> version = Class.forName("org.hibernate.Version");
        System.out.println(VERSION + version.getMethod("getVersionString").invoke(null));
        PersistenceConfiguration configuration = new PersistenceConfiguration("other-hibernate")
                .property(PersistenceConfiguration.JDBC_URL, args[0])
                .property("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create")
                .property("hibernate.connection.pool_size", "1");
        for (int i = 1; i < args.length; i++) {
            configuration.managedClass(Class.forName(args[i]));
        }
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(configuration)) {
            factory.getMetamodel(); // the export ran while the factory started
        }
    }
}
