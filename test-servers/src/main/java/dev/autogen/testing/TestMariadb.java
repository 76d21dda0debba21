package dev.autogen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB server for the tests, never a mock: {@code AUTOGEN_TEST_MARIADB_URL} (a JDBC URL with user and
 * password parameters, whose user may create databases), else a throwaway instance of the Debian package's
 * {@code mariadbd} (installed by {@code .ci/run}) in a temporary directory on a free port, started once per test JVM
 * and killed when it exits. Each {@link #fresh(String)} creates a new database on it.
 *
 * <p>It lives in a module of its own, below the runtime, so that one copy serves autogen's own tests (the runtime's
 * and the generator's, in test scope) and the migration test kit, which hands it to projects
 * ({@code TestDatabases.fresh(MARIADB, ...)}): the kit depends on the runtime and the generator, so they cannot
 * depend on it.
 */
public final class TestMariadb {
    public static final String URL_VARIABLE = "AUTOGEN_TEST_MARIADB_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile String base;

    private TestMariadb() {
    }

    /** A JDBC URL of a new, empty MariaDB database. */
    public static String fresh(String hint) {
        String server = server();
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = "t" + name.substring(name.length() - 59);
        }
        try (Connection c = DriverManager.getConnection(urlFor(server, "")); Statement st = c.createStatement()) {
            st.execute("create database `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create MariaDB test database " + name + ": " + e.getMessage(), e);
        }
        return urlFor(server, name);
    }

    /** {@code jdbc:mariadb://host:port/} and its parameters, with the database put in between. */
    private static String urlFor(String server, String database) {
        int question = server.indexOf('?');
        return question < 0 ? server + database : server.substring(0, question) + database + server.substring(question);
    }

    private static String server() {
        if (base == null) {
            synchronized (TestMariadb.class) {
                if (base == null) {
                    base = start();
                }
            }
        }
        return base;
    }

    private static String start() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            int slash = external.indexOf('/', "jdbc:mariadb://".length());
            int question = external.indexOf('?');
            return external.substring(0, slash + 1) + (question < 0 ? "" : external.substring(question));
        }
        try {
            Path dir = Files.createTempDirectory("autogen-mariadb");
            run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + user()), dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process server = new ProcessBuilder(daemon(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--port=" + port, "--socket=" + dir.resolve("sock"), "--bind-address=127.0.0.1",
                    "--user=" + user(), "--skip-log-bin", "--innodb-buffer-pool-size=64M")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.destroy();
                try {
                    server.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                server.destroyForcibly();
            }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (Socket probe = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (!server.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("MariaDB did not start; see " + dir.resolve("server.log"));
                    }
                    Thread.sleep(100);
                }
            }
            return "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&password=";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MariaDB (is the mariadb-server package installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String daemon() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) ? "/usr/sbin/mariadbd" : "mariadbd";
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install.log"));
        }
    }
}
