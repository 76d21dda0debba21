package dev.autogen.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and sets PostgreSQL session settings ({@code lock_timeout}, ...) with bound parameters, never spliced SQL. */
final class PostgresSessionSettings {
    private PostgresSessionSettings() {
    }

    static String get(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select current_setting(?)")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Sets the setting for the session (not only the current transaction). */
    static void set(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select set_config(?, ?, false)")) {
            st.setString(1, name);
            st.setString(2, value);
            st.executeQuery().close();
        }
    }

    /**
     * Sets the setting for the session and returns its value before, in one round trip (the select list is evaluated
     * left to right: the old value is read before {@code set_config} changes it).
     */
    static String swap(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select current_setting(?), set_config(?, ?, false)")) {
            st.setString(1, name);
            st.setString(2, name);
            st.setString(3, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
