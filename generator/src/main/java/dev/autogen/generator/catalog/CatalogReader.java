package dev.autogen.generator.catalog;

import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live database's catalog into a {@link Schema}: the "before" side of every diff. Autogen's own version
 * tables are never part of the result.
 */
public interface CatalogReader {

    /** Reads the tables and sequences of {@code schemaName} (null: the connection's default schema). */
    Schema read(Connection connection, String schemaName) throws SQLException;

    static CatalogReader forDialect(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogReader();
            case SQLITE -> new SqliteCatalogReader();
        };
    }
}
