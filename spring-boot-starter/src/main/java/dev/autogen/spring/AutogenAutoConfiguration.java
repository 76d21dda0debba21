package dev.autogen.spring;

import javax.sql.DataSource;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Applies the application's autogen migrations at start-up, before JPA. It runs after the {@link DataSource} exists
 * and, through {@link DatabaseInitializationDependencyConfigurer} and {@link AutogenDatabaseInitializerDetector}, before
 * every bean that needs an initialised database ({@code EntityManagerFactory}, {@code JdbcTemplate}): the mechanism
 * Boot's own Flyway and Liquibase auto-configurations use, so no ordering against JPA's auto-configuration is needed.
 * Off with {@code autogen.enabled=false}; an application's own {@link ApplicationMigrations} bean replaces the one made
 * here.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "autogen.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(AutogenProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class AutogenAutoConfiguration implements BeanClassLoaderAware {
    private ClassLoader classLoader = AutogenAutoConfiguration.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationMigrations autogenApplicationMigrations(DataSource dataSource, AutogenProperties properties) {
        return new ApplicationMigrations(dataSource, properties, classLoader);
    }

    @Bean
    @ConditionalOnMissingBean
    AutogenMigrationInitializer autogenMigrationInitializer(ApplicationMigrations migrations) {
        return new AutogenMigrationInitializer(migrations);
    }
}
