package dev.autogen.generator.catalog;

import dev.autogen.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/** Skeleton: the catalog reader lands with the catalog work. */
public final class PostgresCatalogReader implements CatalogReader {
    @Override
    public Schema read(Connection connection, String schemaName) throws SQLException {
        throw new UnsupportedOperationException("not yet");
    }
}
