package dev.autogen.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where the migrator gets its connection. A function rather than a {@link DataSource} so that the command line (a
 * URL and credentials), an application (its pool) and tests can all supply one; each call returns a new connection
 * that the migrator closes.
 */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open() throws SQLException;

    /** Connections from a JDBC URL; {@code user} and {@code password} may be null (then the URL carries them). */
    static ConnectionFactory of(String url, String user, String password) {
        return () -> {
            var properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            Connection c = DriverManager.getConnection(url, properties);
            if (url.regionMatches(true, 0, "jdbc:mariadb:", 0, 13) || url.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
                dev.autogen.sql.mariadb.MariadbSession.prepare(c); // autogen's SQL quotes identifiers the ANSI way
            }
            return c;
        };
    }

    static ConnectionFactory of(DataSource dataSource) {
        return dataSource::getConnection;
    }
}
