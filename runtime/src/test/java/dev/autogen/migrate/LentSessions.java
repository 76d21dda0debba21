package dev.autogen.migrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A session lent as an application's pool lends one, for the tests that check the migrator gives it back as it came
 * (its settings, no lock, no open transaction): a factory whose {@code close} returns it open, and two small helpers
 * to set it up and read it.
 */
final class LentSessions {
    private LentSessions() {
    }

    /** A factory that lends {@code pooled}: {@code close} gives it back open. */
    static ConnectionFactory lending(Connection pooled) {
        return () -> (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Runs {@code statements} on the session, in order. */
    static void session(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The first column of the first row {@code sql} returns on the session. */
    static String row(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
