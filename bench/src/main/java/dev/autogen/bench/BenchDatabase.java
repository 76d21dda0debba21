package dev.autogen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every measurement of one run uses: {@code AUTOGEN_BENCH_PG_URL} (a JDBC URL, user and
 * password as parameters, of a server whose user may create databases), else an embedded PostgreSQL 15 (zonky)
 * started for the run and stopped at its end. Databases are created and dropped here, outside the timed commands.
 */
final class BenchDatabase implements AutoCloseable {
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String base;
    private final String query;
    private final String adminDatabase;
    private final EmbeddedPostgres embedded;
    private final String description;

    private BenchDatabase(String base, String query, String adminDatabase, EmbeddedPostgres embedded,
                          String description) {
        this.base = base;
        this.query = query;
        this.adminDatabase = adminDatabase;
        this.embedded = embedded;
        this.description = description;
    }

    static BenchDatabase start(Path workDir) {
        String external = System.getenv("AUTOGEN_BENCH_PG_URL");
        if (external != null && !external.isBlank()) {
            int slash = external.indexOf('/', "jdbc:postgresql://".length());
            int question = external.indexOf('?');
            String database = question < 0 ? external.substring(slash + 1) : external.substring(slash + 1, question);
            return new BenchDatabase(external.substring(0, slash + 1), question < 0 ? "" : external.substring(question),
                    database.isEmpty() ? "postgres" : database, null, "AUTOGEN_BENCH_PG_URL server");
        }
        try {
            Path dir = workDir.resolve("embedded-pg");
            Files.createDirectories(dir);
            // an initial migration of N = 5 000 (5 500 tables, their keys, indexes and identity sequences) is one
            // transaction and holds ~25 000 locks: more than the default lock table (64 per connection x 300)
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile())
                    .setServerConfig("max_locks_per_transaction", "256").start();
            return new BenchDatabase("jdbc:postgresql://localhost:" + pg.getPort() + "/",
                    "?user=postgres&password=postgres", "postgres", pg, "embedded PostgreSQL (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** Drops {@code name} if it exists and creates it empty; returns its JDBC URL. */
    String recreate(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(base + adminDatabase + query);
             Statement st = c.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
            st.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name + ": " + e.getMessage(), e);
        }
        return base + name + query;
    }

    /** The server's version string, for the results. */
    String serverVersion() {
        try (Connection c = DriverManager.getConnection(base + adminDatabase + query);
             Statement st = c.createStatement();
             var rs = st.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + ", " + description;
        } catch (SQLException e) {
            return "PostgreSQL (version unknown: " + e.getMessage() + "), " + description;
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
