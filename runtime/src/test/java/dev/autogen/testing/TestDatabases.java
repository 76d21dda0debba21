package dev.autogen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real databases for autogen's own tests, never mocks. PostgreSQL comes from {@link TestPostgres} (module
 * {@code autogen-test-servers}, shared with the migration test kit): {@code AUTOGEN_TEST_PG_URL}, else Testcontainers
 * when a Docker engine answers, else an embedded PostgreSQL started once per test JVM; each call creates a new
 * database there, so test classes never see each other's tables. SQLite databases are temp files.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A JDBC URL (user and password included as parameters) of a new, empty PostgreSQL database. */
    public static String freshPostgres(String hint) {
        return TestPostgres.fresh(hint);
    }

    /**
     * A JDBC URL of a new, empty SQLite database under the build's temp folder: a 0-byte file, which SQLite reads as
     * a database without tables (read-only commands refuse a file that does not exist, issue 15). The test kit's
     * {@code TestDatabases} leaves the file absent instead: its tests create databases through the migrator.
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
}
