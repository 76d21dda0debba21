package dev.autogen.test;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real databases for a project's migration tests, never mocks: the kit's own copy of the logic autogen's build uses
 * for its tests, in main code so that a project gets it with {@code autogen-test} alone (autogen's own runtime and
 * generator tests keep theirs: they cannot depend on this module, which depends on them).
 *
 * <p>PostgreSQL comes from, in order: {@code AUTOGEN_TEST_PG_URL} (a server you point at, as a JDBC URL with user and
 * password parameters, whose user may create databases); Testcontainers when a Docker engine answers; otherwise an
 * embedded PostgreSQL (zonky, its binaries from Maven Central) started once per test JVM. Each call to
 * {@link #freshPostgres(String)} creates a new database on that server, so tests never see each other's tables.
 * SQLite databases are new files under {@code java.io.tmpdir}. MariaDB comes from {@link TestMariadb}, the very class
 * autogen's own tests use (its module holds nothing else).
 */
public final class TestDatabases {
    /** The environment variable that points the tests at a PostgreSQL server of one's own. */
    public static final String PG_URL_VARIABLE = "AUTOGEN_TEST_PG_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

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
     * package) started once per test JVM in a temporary directory: autogen's own tests use the same server.
     */
    public static String freshMariadb(String hint) {
        return TestMariadb.fresh(hint);
    }

    /** A JDBC URL (user and password included as parameters) of a new, empty PostgreSQL database. */
    public static String freshPostgres(String hint) {
        Server s = server();
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
            if (!Character.isLetter(name.charAt(0))) {
                name = "t" + name.substring(1);
            }
        }
        try (Connection c = DriverManager.getConnection(s.adminUrl()); Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage()
                    + " (the user of " + PG_URL_VARIABLE + " must be allowed to create databases)", e);
        }
        return s.urlFor(name);
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

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabases.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server start() {
        String external = System.getenv(PG_URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return Server.external(external);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return Server.of(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword(), container.getDatabaseName());
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is under the temp folder
                }
            }));
            return Server.of("localhost", pg.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage()
                    + " (set " + PG_URL_VARIABLE + " to use a server of your own)", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Where test databases are created. */
    private record Server(String base, String query, String adminDatabase) {
        static Server of(String host, int port, String user, String password, String adminDatabase) {
            return new Server("jdbc:postgresql://" + host + ":" + port + "/",
                    "?user=" + user + "&password=" + password, adminDatabase);
        }

        static Server external(String url) {
            if (!url.startsWith("jdbc:postgresql://") || url.indexOf('/', "jdbc:postgresql://".length()) < 0) {
                throw new IllegalStateException(PG_URL_VARIABLE + " is not a PostgreSQL JDBC URL: set it to"
                        + " jdbc:postgresql://host:port/database?user=U&password=P");
            }
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int question = url.indexOf('?');
            String base = url.substring(0, slash + 1);
            String database = question < 0 ? url.substring(slash + 1) : url.substring(slash + 1, question);
            String query = question < 0 ? "" : url.substring(question);
            return new Server(base, query, database.isEmpty() ? "postgres" : database);
        }

        String adminUrl() {
            return base + adminDatabase + query;
        }

        String urlFor(String database) {
            return base + database + query;
        }
    }
}
