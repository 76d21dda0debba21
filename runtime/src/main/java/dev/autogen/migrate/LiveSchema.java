package dev.autogen.migrate;

import dev.autogen.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads the schema a connection currently sees (inside the running transaction). The SQLite renderer needs the
 * table's full definition to rebuild it for what {@code ALTER TABLE} cannot do; PostgreSQL needs nothing.
 */
@FunctionalInterface
public interface LiveSchema {
    /** For dialects whose renderer ignores the "before" schema. */
    LiveSchema NONE = connection -> Schema.EMPTY;

    Schema read(Connection connection) throws SQLException;

    /** What the dialect's renderer needs: the live tables on SQLite, nothing on PostgreSQL. */
    static LiveSchema forDialect(dev.autogen.sql.Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> NONE;
            case SQLITE -> dev.autogen.sql.sqlite.SqliteSchemaReader::read;
            case MARIADB -> NONE;
        };
    }
}
