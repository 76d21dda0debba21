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
 * The PostgreSQL server of tests, started once per test JVM and shared by every test class: the server
 * {@value #URL_VARIABLE} names (a JDBC URL whose user may create databases), else Testcontainers when a Docker engine
 * answers, else an embedded PostgreSQL (zonky, its binaries from Maven Central). {@link #fresh(String)} creates a new
 * database on it, so test classes never see each other's tables. One copy for autogen's runtime and generator tests
 * and for the migration test kit, which ships it to projects.
 */
public final class TestPostgres {
    /** The environment variable that points the tests at a PostgreSQL server of one's own. */
    public static final String URL_VARIABLE = "AUTOGEN_TEST_PG_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile Server server;

    private TestPostgres() {
    }

    /** A JDBC URL (user and password as parameters) of a new, empty database; {@code hint} becomes part of its name. */
    public static String fresh(String hint) {
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
                    + " (the user of " + URL_VARIABLE + " must be allowed to create databases)", e);
        }
        return s.urlFor(name);
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
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
        String external = System.getenv(URL_VARIABLE);
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
        int port = startEmbedded(" (set " + URL_VARIABLE + " to use a server of your own)");
        return Server.of("localhost", port, "postgres", "postgres", "postgres");
    }

    /**
     * Starts one more embedded PostgreSQL server (zonky), separate from the shared one and from every other started
     * here, and stopped when the JVM exits: for tests of a fleet of servers, which need servers that share nothing.
     * Its user and password are both {@code postgres}.
     *
     * @return its port on {@code localhost}
     */
    public static int startSeparateServer() {
        return startEmbedded("");
    }

    /** Starts an embedded server and returns its port; {@code advice} ends the message of a failure to start. */
    private static int startEmbedded(String advice) {
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
            return pg.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL: " + e.getMessage() + advice, e);
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
                throw new IllegalStateException(URL_VARIABLE + " is not a PostgreSQL JDBC URL: set it to"
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
