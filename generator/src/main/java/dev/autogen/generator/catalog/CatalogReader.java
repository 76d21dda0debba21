package dev.autogen.generator.catalog;

import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads a live database's catalog into a {@link Schema}: the "before" side of every diff. Autogen's own version
 * tables are never part of the result.
 */
public interface CatalogReader {

    /** Reads the tables and sequences of {@code schemaName} (null: the connection's default schema). */
    Schema read(Connection connection, String schemaName) throws SQLException;

    /**
     * Reads {@code schemaName} as {@link #read(Connection, String)} does, plus the tables and sequences of
     * {@code otherSchemas}, named {@code schema.name} ({@link dev.autogen.schema.QualifiedName}): the schemas that
     * {@code @Table(schema = ...)} mappings name. A dialect without schemas has nothing more to read.
     */
    default Schema read(Connection connection, String schemaName, Set<String> otherSchemas) throws SQLException {
        return read(connection, schemaName);
    }

    /** Opens one more connection to the database being read. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * {@link #read(Connection, String, Set)}, free to open one more connection through {@code more} and send part of
     * the queries on it meanwhile (PostgreSQL: {@link PrefetchedQueries}); the schema read is the same. A reader that
     * gains nothing from it ignores {@code more}.
     */
    default Schema read(Connection connection, Connections more, String schemaName, Set<String> otherSchemas)
            throws SQLException {
        return read(connection, schemaName, otherSchemas);
    }

    static CatalogReader forDialect(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogReader();
            case SQLITE -> new SqliteCatalogReader();
            case MARIADB -> new MariadbCatalogReader();
        };
    }
}
