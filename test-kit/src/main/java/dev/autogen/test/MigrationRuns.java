package dev.autogen.test;

import dev.autogen.generator.catalog.CatalogReader;
import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migrator;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The two things every kit test does to a database: run the project's migrations with autogen's own migrator, and
 * read the catalog back with autogen's own catalog reader (the one {@code autogen check} uses), so that the kit
 * judges a migration by the same eyes as the command line.
 */
final class MigrationRuns {
    private MigrationRuns() {
    }

    static Migrator migrator(String url, Dialect dialect, List<LoadedMigration> migrations) {
        return new Migrator(ConnectionFactory.of(url, null, null), dialect, migrations).withAppliedBy("autogen-test");
    }

    /**
     * A connection with the migrator's own session: on MariaDB {@code ANSI_QUOTES} and UTC, so the kit's generated rows
     * (identifiers in double quotes) and a suite's {@code insertRowsBefore} mean there what they mean to the migrator.
     */
    static Connection connect(String url) throws SQLException {
        return ConnectionFactory.of(url, null, null).open();
    }

    /** The catalog of the connection's default schema, autogen's version tables left out. */
    static Schema catalog(String url, Dialect dialect) {
        try (Connection connection = connect(url)) {
            return CatalogReader.forDialect(dialect).read(connection, null);
        } catch (SQLException e) {
            throw new IllegalStateException(dialect.displayName() + ": cannot read the catalog of the test database: "
                    + e.getMessage(), e);
        }
    }

    static CatalogLines catalogLines(String url, Dialect dialect) {
        return CatalogLines.of(catalog(url, dialect), dialect);
    }
}
