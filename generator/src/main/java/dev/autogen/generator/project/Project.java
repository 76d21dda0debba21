package dev.autogen.generator.project;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.generator.catalog.SqlExpressions;
import dev.autogen.generator.config.DatabaseException;
import dev.autogen.generator.config.Redaction;
import dev.autogen.generator.config.Settings;
import dev.autogen.generator.config.UsageException;
import dev.autogen.generator.diff.SchemaDiffer;
import dev.autogen.generator.jpa.HibernateModelReader;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.op.Operation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One autogen project as the settings describe it: the entities, the database and the migrations directory. Each
 * command asks for only what it needs, and each piece is computed at most once (the entity model takes Hibernate a
 * while to build, and {@code upgrade} does not need it at all).
 */
public final class Project {
    private final Settings settings;
    private Schema entitySchema;
    private List<LoadedMigration> migrations;

    public Project(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    /** The schema the entities imply, for this project's dialect. */
    public Schema entitySchema() {
        if (entitySchema == null) {
            entitySchema = HibernateModelReader.read(settings.classpath(), settings.packages(), dialect());
        }
        return entitySchema;
    }

    /** The live catalog (autogen's version tables left out). */
    public Schema databaseSchema() {
        try (Connection connection = connections().open()) {
            return CatalogReader.forDialect(dialect()).read(connection, settings.schema());
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the catalog of " + settings.displayUrl() + ": "
                    + Redaction.message(e.getMessage(), settings.password()), e);
        }
    }

    /** What the database lacks to match the entities, in execution order. */
    public List<Operation> plan() {
        Schema target = entitySchema();
        return differ().diff(databaseSchema(), target);
    }

    public SchemaDiffer differ() {
        return new SchemaDiffer(dialect(), SqlExpressions::canonical);
    }

    /** The migrations in the migrations directory, compiled in memory, in class-name order. */
    public List<LoadedMigration> migrations() {
        if (migrations == null) {
            if (!Files.isDirectory(settings.migrationsDir())) {
                throw new UsageException("migrations directory does not exist: " + settings.migrationsDir()
                        + ": create it or pass --migrations DIR");
            }
            migrations = new SourceDirectoryMigrationSource(settings.migrationsDir()).load();
        }
        return migrations;
    }

    public Migrator migrator() {
        return new Migrator(connections(), dialect(), migrations());
    }

    /**
     * Opens connections, turning a refused connection into one line that names the URL (password masked) and the
     * options to check.
     */
    public ConnectionFactory connections() {
        dialect(); // an unsupported URL is a usage error (exit 2), not "no suitable driver" from DriverManager
        ConnectionFactory raw = ConnectionFactory.of(settings.url(), settings.user(), settings.password());
        return () -> {
            try {
                return raw.open();
            } catch (SQLException e) {
                throw new DatabaseException("cannot connect to " + settings.displayUrl() + ": "
                        + firstLine(Redaction.message(e.getMessage(), settings.password()))
                        + " (check --url, --user and --password)", e);
            }
        };
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
