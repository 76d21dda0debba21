package dev.autogen.spring.actuate;

import dev.autogen.spring.ApplicationMigrations;
import dev.autogen.spring.AutogenAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code autogen} actuator endpoint, only when the actuator is on the class path (the starter does not bring it),
 * the migrations are configured, and the endpoint is available (exposed and not disabled).
 */
@AutoConfiguration(after = AutogenAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(ApplicationMigrations.class)
@ConditionalOnAvailableEndpoint(AutogenEndpoint.class)
public class AutogenEndpointAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    AutogenEndpoint autogenEndpoint(ApplicationMigrations migrations) {
        return new AutogenEndpoint(migrations);
    }
}
