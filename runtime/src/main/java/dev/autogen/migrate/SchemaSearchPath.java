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
        if (!exists(connection, schema)) {
            throw new MigrationException("schema " + schema + " does not exist in this database — create it first"
                    + " (create schema " + quoteIdentifier(schema) + ") or check its spelling");
        }
        String previous = PostgresSessionSettings.get(connection, "search_path");
        PostgresSessionSettings.set(connection, "search_path", quoteIdentifier(schema));
        return new SchemaSearchPath(connection, previous);
    }

    static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "select count(*) > 0 from pg_catalog.pg_namespace where nspname = ?")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
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
