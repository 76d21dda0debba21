package dev.autogen.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link AutogenMigrationInitializer} beans initialise the database, so that the beans which
 * depend on an initialised database (JPA's {@code EntityManagerFactory}, {@code JdbcTemplate}, anything annotated
 * {@code @DependsOnDatabaseInitialization}) are created after it. This is how Boot 4 orders Flyway and Liquibase before
 * JPA; registered in {@code META-INF/spring.factories}.
 */
class AutogenDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(AutogenMigrationInitializer.class);
    }
}
