package dev.autogen.test;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import dev.autogen.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real databases for a project's migration tests, never mocks. The servers are the very classes autogen's own tests
 * use (module {@code autogen-test-servers}): PostgreSQL from {@link TestPostgres} ({@code AUTOGEN_TEST_PG_URL}, else
 * Testcontainers when a Docker engine answers, else an embedded PostgreSQL started once per test JVM) and MariaDB from
 * {@link TestMariadb}; each call creates a new database there, so tests never see each other's tables. SQLite
 * databases are new files under {@code java.io.tmpdir}.
 */
public final class TestDatabases {
    /** The environment variable that points the tests at a PostgreSQL server of one's own. */
    public static final String PG_URL_VARIABLE = TestPostgres.URL_VARIABLE;

    private TestDatabases() {
    }

    /** A JDBC URL of a new, empty database of {@code dialect}; {@code hint} becomes part of its name. */
    public static String fresh(Dialect dialect, String hint) {
        return switch (dialect) {
            case POSTGRESQL -> freshPostgres(hint);
            case SQLITE -> freshSqlite(hint);
            case MARIADB -> freshMariadb(hint);
        };
    }

    /**
     * A JDBC URL (user and password included as parameters) of a new, empty MariaDB database: on the server
     * {@code AUTOGEN_TEST_MARIADB_URL} names, else on a throwaway {@code mariadbd} (Debian's {@code mariadb-server}
     * package) started once per test JVM in a temporary directory.
     */
    public static String freshMariadb(String hint) {
        return TestMariadb.fresh(hint);
    }

    /** A JDBC URL (user and password included as parameters) of a new, empty PostgreSQL database. */
    public static String freshPostgres(String hint) {
        return TestPostgres.fresh(hint);
    }

    /** A JDBC URL of a new SQLite database file under {@code java.io.tmpdir}. */
    public static String freshSqlite(String hint) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "autogen-sqlite");
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, hint.replaceAll("[^A-Za-z0-9]", "_") + "-", ".db");
            Files.delete(file);
            return "jdbc:sqlite:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
