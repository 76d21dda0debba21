package dev.autogen.spring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code autogen.*} settings of an application that migrates its database at start-up. They mirror the command
 * line's options ({@code upgrade TARGET}, {@code --schemas}, {@code --lock-wait}, ...) so that what a deployment does
 * at start-up can be reproduced with {@code autogen upgrade} by hand, and the defaults are the command line's.
 *
 * @param enabled           whether the migrations run at start-up at all
 * @param migrationsPackage the package the compiled migration classes are in (not its sub-packages); Flyway's default
 *                          location, so a team moving over keeps its layout
 * @param target            where to upgrade to: {@code head}, {@code heads}, {@code +N}, a revision id or prefix
 * @param schemas           PostgreSQL tenant schemas to migrate, each with its own version tables (empty: the
 *                          connection's own schema)
 * @param schemasQuery      a query whose first column lists the tenant schemas, instead of {@code schemas}
 * @param createSchemas     whether a tenant schema that does not exist is created (off: a misspelt tenant stops
 *                          start-up instead of becoming a new, empty tenant)
 * @param parallelism       how many tenant schemas migrate at once (each holds one connection)
 * @param lockWait          how long to wait for another instance's migration lock before start-up fails
 * @param lockTimeout       PostgreSQL {@code lock_timeout} of statements run outside a transaction (0: none)
 * @param statementTimeout  PostgreSQL {@code statement_timeout} of those statements (0: none)
 * @param validateOnStart   refuse to start when an applied revision was edited or the database is at a revision the
 *                          code lacks (it is ahead of this code), before anything is applied
 * @param appliedBy         who the history rows say applied the revisions (default: the operating-system user)
 * @param contract          whether contract revisions on the way to {@code head} are applied at start-up (as
 *                          {@code autogen upgrade --contract}); off by default, so a rolling deployment's new instances
 *                          never drop what the old instances still use (docs/zero-downtime.md)
 */
@ConfigurationProperties("autogen")
public record AutogenProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("db.migration") String migrationsPackage,
        @DefaultValue("head") String target,
        @DefaultValue List<String> schemas,
        String schemasQuery,
        @DefaultValue("false") boolean createSchemas,
        @DefaultValue("4") int parallelism,
        @DefaultValue("10m") Duration lockWait,
        @DefaultValue("10s") Duration lockTimeout,
        @DefaultValue("1h") Duration statementTimeout,
        @DefaultValue("true") boolean validateOnStart,
        String appliedBy,
        @DefaultValue("false") boolean contract) {

    public AutogenProperties {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    /** Whether tenant schemas are configured (by list or by query). */
    public boolean tenantSchemas() {
        return !schemas.isEmpty() || schemasQuery != null && !schemasQuery.isBlank();
    }
}
