package dev.autogen.generator.failclosed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the fail-closed tests of issue 15 share: one in-process run of the command line, scratch directories, a
 * migration written as source, the database's own client running a script, and a look at the catalog afterwards.
 */
record FailClosedRun(int exitCode, String out, String err) {

    static FailClosedRun autogen(String... args) {
        CliRun run = CliRun.of(args);
        return new FailClosedRun(run.exitCode(), run.out(), run.err());
    }

    FailClosedRun assertExit(int expected) {
        assertEquals(expected, exitCode, this::toString);
        return this;
    }

    /** Exit code, nothing on stdout, one {@code autogen:} line on stderr without a stack trace; returns the line. */
    String assertOneLineError(int expected) {
        return new CliRun(exitCode, out, err).assertOneLineError(expected);
    }

    static Path scratch(String hint) throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(tmp, hint);
    }

    /** Writes {@code source} as {@code com/acme/db/NAME.java} under {@code migrations}. */
    static void migration(Path migrations, String name, String source) throws IOException {
        Path pkg = Files.createDirectories(migrations.resolve("com/acme/db"));
        Files.writeString(pkg.resolve(name + ".java"), source);
    }

    /** A migration class of package {@code com.acme.db} with this {@code @Revision} and these DSL calls. */
    static String migrationSource(String className, String revision, String upgrade, String downgrade) {
        return "package com.acme.db;\n\n"
                + "import static dev.autogen.dsl.Dsl.*;\n\n"
                + "import dev.autogen.dsl.SchemaChanges;\n"
                + "import dev.autogen.migrate.Migration;\n"
                + "import dev.autogen.migrate.Revision;\n\n"
                + "@Revision(" + revision + ")\n"
                + "public final class " + className + " implements Migration {\n"
                + "    public void upgrade(SchemaChanges schema) {\n        " + upgrade + "\n    }\n\n"
                + "    public void downgrade(SchemaChanges schema) {\n        " + downgrade + "\n    }\n"
                + "}\n";
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<String> rows(String url, String sql) throws SQLException {
        return dev.autogen.testing.TestSql.rows(url, sql);
    }

    /** The user tables of the database (autogen's version tables included), sorted. */
    static List<String> tables(String url) throws SQLException {
        return url.startsWith("jdbc:sqlite:")
                ? rows(url, "select name from sqlite_master where type = 'table' order by name")
                : rows(url, "select table_name from information_schema.tables where table_schema = 'public'"
                        + " order by table_name");
    }

    /**
     * Runs {@code script} with the database's own client, stopping at the first error: {@code psql -v
     * ON_ERROR_STOP=1} for a {@code TestDatabases} PostgreSQL URL, {@code sqlite3 -bail} for a SQLite one. Returns the
     * client's exit code and output.
     */
    static ClientRun client(String jdbcUrl, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))),
                "script", ".sql");
        Files.writeString(file, script);
        ProcessBuilder pb;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            pb = new ProcessBuilder("sqlite3", "-bail", jdbcUrl.substring("jdbc:sqlite:".length()))
                    .redirectInput(file.toFile());
        } else {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            Map<String, String> query = new HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            pb = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(),
                    "-p", String.valueOf(uri.getPort()), "-U", query.get("user"), "-d", uri.getPath().substring(1),
                    "-f", file.toString());
            pb.environment().put("PGPASSWORD", query.get("password"));
        }
        Process process = pb.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
        return new ClientRun(process.exitValue(), output);
    }

    record ClientRun(int exitCode, String output) {
    }

    @Override
    public String toString() {
        return new CliRun(exitCode, out, err).toString();
    }
}
