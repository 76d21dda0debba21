package dev.autogen.generator.catalog;

import dev.autogen.schema.Schema;
import dev.autogen.sql.sqlite.SqliteSchemaReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQLite's catalog reader. The reading itself lives in the runtime ({@link SqliteSchemaReader}), because a table
 * rebuild during a migration needs the live table definition too. SQLite has one schema per database file
 * ({@code main}), so {@code schemaName} is ignored.
 */
public final class SqliteCatalogReader implements CatalogReader {
    @Override
    public Schema read(Connection connection, String schemaName) throws SQLException {
        return SqliteSchemaReader.read(connection);
    }
}
