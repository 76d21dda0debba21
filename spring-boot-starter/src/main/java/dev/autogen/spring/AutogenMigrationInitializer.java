package dev.autogen.spring;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the application's migrations when the bean is initialised. Spring Boot's database-initialisation ordering
 * (the {@link AutogenDatabaseInitializerDetector} registered in {@code META-INF/spring.factories}) makes every bean
 * that depends on the database being initialised, JPA's {@code EntityManagerFactory} and {@code JdbcTemplate} among
 * them, wait for this one, as it does for Flyway's initializer: so {@code spring.jpa.hibernate.ddl-auto=validate}
 * sees the migrated schema.
 */
public class AutogenMigrationInitializer implements InitializingBean {
    private final ApplicationMigrations migrations;

    public AutogenMigrationInitializer(ApplicationMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        migrations.migrate();
    }
}
