package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Points a PostgreSQL session at one schema for a migrator run: {@code search_path} becomes exactly that schema, so
 * the unqualified names the renderers emit, {@code autogen_version} and {@code autogen_history} all resolve there and
 * nothing falls through to {@code public} (an {@code alter table users} for a tenant that lacks {@code users} fails
 * instead of altering {@code public.users}). Closing it restores the session's previous {@code search_path}, because
 * the connection may go back to an application's pool.
 */
final class SchemaSearchPath implements AutoCloseable {
    private final Connection connection;
    private final String previous;

    private SchemaSearchPath(Connection connection, String previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /** Nothing to do when {@code schema} is null (the connection's own search path is used). */
    static SchemaSearchPath enter(Connection connection, String schema) throws SQLException {
        if (schema == null) {
            return new SchemaSearchPath(connection, null);
        }
        // one round trip: whether the schema exists, the session's search_path, and (if it exists) the new one
        String previous;
        try (PreparedStatement st = connection.prepareStatement("select n.oid is not null,"
                + " current_setting('search_path'), case when n.oid is not null then set_config('search_path', ?,"
                + " false) end from (select 1) one left join pg_catalog.pg_namespace n on n.nspname = ?")) {
            st.setString(1, quoteIdentifier(schema));
            st.setString(2, schema);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new MigrationException("schema " + schema + " does not exist in this database — create it"
                            + " first (create schema " + quoteIdentifier(schema) + ") or check its spelling");
                }
                previous = rs.getString(2);
            }
        }
        return new SchemaSearchPath(connection, previous);
    }

    @Override
    public void close() throws SQLException {
        if (previous != null && !connection.isClosed()) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            PostgresSessionSettings.set(connection, "search_path", previous);
        }
    }
}
