package dev.autogen.spring;

import dev.autogen.migrate.AutogenMigrations;
import dev.autogen.migrate.MigrationException;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.ContractRevisions;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.MigrationSourceException;
import dev.autogen.migrate.graph.RevisionGraphException;
import dev.autogen.migrate.history.IntegrityProblem;
import dev.autogen.migrate.history.MigrationStatus;
import dev.autogen.migrate.tenants.FleetReport;
import dev.autogen.migrate.tenants.SchemaFleet;
import dev.autogen.migrate.tenants.SchemaOutcome;
import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The application's compiled migrations ({@code autogen.migrations-package}) against its {@link DataSource}: what the
 * start-up run does (validate, then upgrade to {@code autogen.target}, in the connection's schema or in each tenant
 * schema) and what the actuator endpoint lists. Only the runtime's migrator is used: no Hibernate model is read, so
 * start-up costs what the pending revisions cost.
 */
public final class ApplicationMigrations {
    private static final Log LOG = LogFactory.getLog(ApplicationMigrations.class);

    private final DataSource dataSource;
    private final AutogenProperties properties;
    private final ClassLoader classLoader;
    /** The migrations and the dialect do not change while the application runs: loaded once, on first use. */
    private volatile Migrator loaded;

    public ApplicationMigrations(DataSource dataSource, AutogenProperties properties, ClassLoader classLoader) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    public AutogenProperties properties() {
        return properties;
    }

    /**
     * Validates (when {@code autogen.validate-on-start}) and applies the pending revisions up to the target, in each
     * tenant schema when schemas are configured.
     *
     * @throws AutogenStartupException naming what is wrong and what to do; nothing was applied when validation failed
     */
    public void migrate() {
        try {
            Migrator migrator = migrator();
            if (properties.tenantSchemas()) {
                migrateSchemas(migrator);
            } else {
                migrateOne(migrator);
            }
        } catch (MigrationException | RevisionGraphException | MigrationSourceException | IllegalArgumentException e) {
            throw new AutogenStartupException("autogen could not migrate the database at start-up: " + e.getMessage(),
                    "Fix what the message says and start again: revisions applied before the failure stay applied,"
                            + " the failed one was rolled back.", e);
        }
    }

    /** Each schema's revisions and their state (one entry, schema null, without tenant schemas). */
    public List<SchemaStatus> status() {
        Migrator migrator = migrator();
        if (!properties.tenantSchemas()) {
            return List.of(new SchemaStatus(null, migrator.status(source())));
        }
        List<SchemaStatus> statuses = new ArrayList<>();
        SchemaFleet fleet = fleet(migrator);
        List<String> schemas = schemas(fleet);
        List<String> missing = fleet.missingSchemas(schemas);
        for (String schema : schemas) {
            if (!missing.contains(schema)) {
                statuses.add(new SchemaStatus(schema, migrator.withSchema(schema).status(source())));
            }
        }
        return List.copyOf(statuses);
    }

    /**
     * One schema's revisions and their state.
     *
     * @param schema the tenant schema, or null for the connection's own
     */
    public record SchemaStatus(String schema, MigrationStatus status) {
    }

    private void migrateOne(Migrator migrator) {
        if (properties.validateOnStart()) {
            refuseProblems(migrator.validate(source()).problems().stream().map(IntegrityProblem::message).toList());
        }
        List<String> applied = migrator.upgrade(properties.target(),
                properties.contract() ? ContractRevisions.APPLY : ContractRevisions.WAIT);
        LOG.info(applied.isEmpty() ? "autogen: database up to date at " + describe(migrator.current())
                : "autogen: applied " + applied.size() + " revision" + (applied.size() == 1 ? "" : "s") + ", at "
                        + describe(migrator.current()));
    }

    private void migrateSchemas(Migrator migrator) {
        SchemaFleet fleet = fleet(migrator);
        List<String> schemas = schemas(fleet);
        if (schemas.isEmpty()) {
            throw new AutogenStartupException("autogen.schemas-query returned no schema: nothing to migrate",
                    "Check the query, or leave autogen.schemas-query unset to migrate the connection's own schema.",
                    null);
        }
        if (properties.validateOnStart()) {
            List<String> missing = fleet.missingSchemas(schemas);
            List<String> problems = new ArrayList<>();
            for (String schema : schemas) {
                if (!missing.contains(schema)) {
                    migrator.withSchema(schema).validate(source()).problems()
                            .forEach(p -> problems.add("schema " + schema + ": " + p.message()));
                }
            }
            refuseProblems(problems);
        }
        FleetReport report = fleet.upgrade(schemas, properties.target());
        for (SchemaOutcome outcome : report.outcomes()) {
            if (outcome instanceof SchemaOutcome.Migrated migrated) {
                LOG.info("autogen: schema " + migrated.schema() + ": " + (migrated.applied().isEmpty()
                        ? "up to date" : "applied " + migrated.applied().size() + " revision"
                        + (migrated.applied().size() == 1 ? "" : "s")) + ", at " + describe(migrated.current()));
            }
        }
        if (!report.allMigrated()) {
            List<String> lines = report.failed().stream().map(f -> "schema " + f.schema() + ": FAILED"
                    + (f.revision() == null ? "" : " at revision " + f.revision()) + ": " + f.message()).toList();
            throw new AutogenStartupException(report.failed().size() + " of " + report.outcomes().size()
                    + " schemas failed to migrate:\n" + String.join("\n", lines),
                    "Fix the cause and start again: the other schemas are migrated, and the failed ones continue"
                            + " from the revision that failed (it was rolled back).", null);
        }
    }

    private void refuseProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AutogenStartupException("the database does not match the migrations in " + source()
                    + "; nothing was applied:\n" + String.join("\n", problems),
                    "Do what each line says. To start anyway, set autogen.validate-on-start=false (the migrator"
                            + " will still refuse to run revisions it does not know).", null);
        }
    }

    private SchemaFleet fleet(Migrator migrator) {
        return SchemaFleet.of(dataSource::getConnection, migrator.graph().inOrder())
                .parallelism(properties.parallelism())
                .createMissingSchemas(properties.createSchemas())
                .timeouts(timeouts())
                .appliedBy(appliedBy())
                .listener((schema, line) -> LOG.info("autogen: " + schema + ": " + line));
    }

    private List<String> schemas(SchemaFleet fleet) {
        if (!properties.schemas().isEmpty() && properties.schemasQuery() != null
                && !properties.schemasQuery().isBlank()) {
            throw new IllegalArgumentException("autogen.schemas and autogen.schemas-query are both set — set one");
        }
        return properties.schemas().isEmpty() ? fleet.schemasListedBy(properties.schemasQuery())
                : properties.schemas();
    }

    private Migrator migrator() {
        Migrator migrator = loaded;
        if (migrator == null) {
            migrator = load();
            loaded = migrator;
        }
        return migrator;
    }

    /** The migrator over the package's migrations, checked as a graph; refuses an absent or empty package. */
    private Migrator load() {
        String packageName = properties.migrationsPackage();
        requirePackage(packageName);
        Dialect dialect = dialect();
        if (dialect == Dialect.SQLITE && properties.tenantSchemas()) {
            throw new AutogenStartupException("autogen.schemas / autogen.schemas-query is set, but the database is"
                    + " SQLite, which has no schemas", "Remove the setting, or point the application at PostgreSQL.",
                    null);
        }
        Migrator migrator = AutogenMigrations.forDataSource(dataSource)
                .migrationsIn(packageName)
                .classLoader(classLoader)
                .dialect(dialect)
                .appliedBy(appliedBy())
                .listener(line -> LOG.info("autogen: " + line))
                .migrator()
                .withTimeouts(timeouts());
        if (migrator.graph().isEmpty()) {
            throw new AutogenStartupException("package " + packageName + " (autogen.migrations-package) has no"
                    + " migration classes", "Generate the first one (autogen -m \"initial schema\"), set"
                    + " autogen.migrations-package to where they are, or set autogen.enabled=false.", null);
        }
        return migrator;
    }

    private void requirePackage(String packageName) {
        try {
            if (!classLoader.getResources(packageName.replace('.', '/')).hasMoreElements()) {
                throw new AutogenStartupException("package " + packageName + " (autogen.migrations-package) is not on"
                        + " the class path", "Set autogen.migrations-package to the package of the migration classes,"
                        + " or set autogen.enabled=false.", null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + packageName, e);
        }
    }

    private Dialect dialect() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            return switch (product == null ? "" : product.toLowerCase(Locale.ROOT)) {
                case "postgresql" -> Dialect.POSTGRESQL;
                case "sqlite" -> Dialect.SQLITE;
                default -> throw new AutogenStartupException("autogen migrates PostgreSQL and SQLite, and the"
                        + " application's DataSource is " + product, "Point spring.datasource.url at PostgreSQL or"
                        + " SQLite, or set autogen.enabled=false.", null);
            };
        } catch (SQLException e) {
            throw new AutogenStartupException("autogen cannot connect to the database: " + oneLine(e.getMessage()),
                    "Check spring.datasource.url, user and password, and that the database is up.", e);
        }
    }

    private MigrationTimeouts timeouts() {
        return new MigrationTimeouts(properties.lockWait(), properties.lockTimeout(), properties.statementTimeout());
    }

    private String appliedBy() {
        return properties.appliedBy() == null || properties.appliedBy().isBlank()
                ? System.getProperty("user.name", "unknown") : properties.appliedBy();
    }

    private String source() {
        return "package " + properties.migrationsPackage();
    }

    private static String describe(List<String> current) {
        return current.isEmpty() ? "base" : String.join(", ", current);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
