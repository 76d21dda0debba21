package dev.autogen.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestMariadb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code autogen -m} on real PostgreSQL marks {@code .online()} the operations whose table already holds rows (here
 * the sample's {@code ix_users_phone} on {@code users}), every such operation with {@code --online}, none on an empty
 * table; {@code upgrade} then builds the index concurrently and the catalog ends with it valid. The same on MariaDB,
 * where the mark is {@code ALGORITHM=INPLACE, LOCK=NONE}.
 */
class CliOnlineTest {
    private static final Path SAMPLE = Path.of("../migrations/src/main/java/dev/autogen/sample/migrations");
    private static final String PACKAGE = "dev.autogen.sample.migrations";

    private Path migrations;
    private String url;

    @Test
    void minusMMarksOperationsOnTablesWithRowsOnline() throws IOException, SQLException {
        Path written = sampleUpgradedTo0001("cli-online", TestDatabases.freshPostgres("cli_online"));

        CliOutcome empty = assertExit(0, autogen("-m", "add phone", "--rev-id", "bbb222"));
        assertFalse(Files.readString(written).contains(".online()"), Files.readString(written));
        assertFalse(empty.out().contains("[online]"), empty::toString);
        Files.delete(written);

        CliOutcome always = assertExit(0, autogen("-m", "add phone", "--rev-id", "bbb222", "--online"));
        assertTrue(Files.readString(written).contains(
                "schema.createIndex(\"ix_users_phone\", \"users\", \"phone\").online();"), Files.readString(written));
        assertTrue(always.out().contains("[online]"), always::toString);
        Files.delete(written);

        sql("insert into tenants values ('00000000-0000-0000-0000-000000000001', now(), 't', 't')",
                "insert into users (id, created_at, email, username, tenant_id) values"
                        + " ('00000000-0000-0000-0000-000000000002', now(), 'a@b.c', 'a',"
                        + " '00000000-0000-0000-0000-000000000001')");
        CliOutcome diff = assertExit(0, autogen("diff"));
        assertTrue(diff.out().lines().anyMatch(l -> l.contains("ix_users_phone") && l.endsWith(" [online]")),
                diff::toString);
        assertFalse(diff.out().contains("BLOCKS_WRITES"), diff::toString);
        CliOutcome withRows = assertExit(0, autogen("-m", "add phone", "--rev-id", "bbb222"));
        String source = Files.readString(written);
        assertTrue(source.contains("schema.createIndex(\"ix_users_phone\", \"users\", \"phone\").online();"), source);
        assertFalse(source.contains("hazard BLOCKS_WRITES"), source); // the online form lets writes through
        assertTrue(source.contains("hazard SCANS_TABLE: reads every row of users to build ix_users_phone"), source);
        assertTrue(withRows.out().contains("[online]"), withRows::toString);

        CliOutcome script = assertExit(0, autogen("upgrade", "--sql"));
        assertTrue(script.out().contains("create index concurrently \"ix_users_phone\" on \"users\" (\"phone\");"),
                script::toString);

        assertExit(0, autogen("upgrade", "--lock-retries", "2", "--lock-retry-backoff", "100ms"));
        assertEquals(List.of("ix_users_phone true"), query("select c.relname || ' ' || i.indisvalid from pg_index i"
                + " join pg_class c on c.oid = i.indexrelid where c.relname = 'ix_users_phone'"));
        assertEquals(List.of("bbb222"), query("select revision from autogen_version"));
    }

    /**
     * On MariaDB the mark goes on what reads or rewrites every row in place (the index build), not on an instant
     * change (the added column); {@code upgrade} and its script build the index with {@code ALGORITHM=INPLACE,
     * LOCK=NONE}.
     */
    @Test
    void minusMMarksMariadbIndexBuildsOnTablesWithRowsOnline() throws IOException, SQLException {
        Path written = sampleUpgradedTo0001("cli-online-mariadb", TestMariadb.fresh("cli_online"));

        assertExit(0, autogen("-m", "add phone", "--rev-id", "bbb222"));
        assertFalse(Files.readString(written).contains(".online()"), Files.readString(written));
        Files.delete(written);

        sql("insert into tenants values ('00000000-0000-0000-0000-000000000001', now(), 't', 't')",
                "insert into users (id, created_at, email, username, tenant_id) values"
                        + " ('00000000-0000-0000-0000-000000000002', now(), 'a@b.c', 'a',"
                        + " '00000000-0000-0000-0000-000000000001')");
        CliOutcome withRows = assertExit(0, autogen("-m", "add phone", "--rev-id", "bbb222"));
        String source = Files.readString(written);
        assertTrue(source.contains("schema.createIndex(\"ix_users_phone\", \"users\", \"phone\").online();"), source);
        assertTrue(source.contains("column(\"phone\", varchar(16)).nullable());"), source); // instant: no mark
        assertEquals(1, source.split("\\.online\\(\\)", -1).length - 1, source);
        assertTrue(withRows.out().contains("[online]"), withRows::toString);

        CliOutcome script = assertExit(0, autogen("upgrade", "--sql"));
        assertTrue(script.out().contains("create index `ix_users_phone` on `users` (`phone`) algorithm=inplace"
                + " lock=none;"), script::toString);

        assertExit(0, autogen("upgrade"));
        assertEquals(List.of("ix_users_phone phone"), query("select concat(index_name, ' ', column_name) from"
                + " information_schema.statistics where table_schema = database() and table_name = 'users'"
                + " and index_name = 'ix_users_phone'"));
        assertEquals(List.of("bbb222"), query("select revision from autogen_version"));
        assertExit(0, autogen("check"));
    }

    @Test
    void aNegativeRetryCountIsAUsageError() {
        url = "jdbc:sqlite::memory:";
        migrations = SAMPLE;
        assertEquals("autogen: --lock-retries -1 is negative: give 0 or more",
                autogen("upgrade", "--lock-retries", "-1").assertOneLineError(2));
    }

    /**
     * A migrations directory holding the sample's first revision, applied to the database at {@code databaseUrl}; the
     * path where {@code -m "add phone"} writes the second.
     */
    private Path sampleUpgradedTo0001(String scratch, String databaseUrl) throws IOException {
        migrations = Files.createDirectories(ScratchDirectory.create(scratch).resolve("migrations"));
        Path sources = Files.createDirectories(migrations.resolve(PACKAGE.replace('.', '/')));
        Files.copy(SAMPLE.resolve("V0001_InitialSchema.java"), sources.resolve("V0001_InitialSchema.java"));
        url = databaseUrl;
        assertExit(0, autogen("upgrade"));
        return sources.resolve("V0002_AddPhone.java");
    }

    private CliOutcome autogen(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--migrations", migrations.toString(),
                "--migrations-package", PACKAGE));
        all.addAll(List.of(args));
        return CliOutcome.run(all.toArray(String[]::new));
    }

    private static CliOutcome assertExit(int code, CliOutcome outcome) {
        assertEquals(code, outcome.exitCode(), outcome::toString);
        return outcome;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
