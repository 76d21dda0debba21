package dev.autogen.testing;

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
 * Real databases for tests, never mocks.
 *
 * <p>PostgreSQL comes from, in order: {@code AUTOGEN_TEST_PG_URL} (a server you point at, as a JDBC URL with user and
 * password parameters, whose user may create databases); Testcontainers when a Docker engine answers; otherwise an
 * embedded PostgreSQL (zonky) started once per test JVM. Each call to {@link #freshPostgres(String)} creates a new
 * database on that server, so test classes never see each other's tables. SQLite databases are temp files.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestDatabases() {
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
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return s.urlFor(name);
    }

    /**
     * A JDBC URL of a new, empty SQLite database under the build's temp folder: a 0-byte file, which SQLite reads as
     * a database without tables (read-only commands refuse a file that does not exist, issue 15).
     */
    public static String freshSqlite(String hint) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "autogen-sqlite");
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, hint.replaceAll("[^A-Za-z0-9]", "_") + "-", ".db");
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
        String external = System.getenv("AUTOGEN_TEST_PG_URL");
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
                    // the JVM is going away; the data dir is under target/
                }
            }));
            return Server.of("localhost", pg.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
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
