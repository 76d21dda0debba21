package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain of one-table revisions on PostgreSQL, the shape the revision-chain benchmark times: the version rows are
 * read once per run (the advisory lock is held throughout), each revision's DDL goes in one batch, commits are
 * asynchronous until the run's end. What must not change: every revision is recorded, a failing statement inside a
 * batch is named with the database's message, and nothing of the failed revision remains.
 */
class RevisionChainTest {
    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    private static String revision(int r, String table, String extraIndexColumn) {
        String parent = r == 1 ? "" : ", parent = \"r" + (r - 1) + "\"";
        return """
                package migrations;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "r%d"%s, message = "create %s")
                public final class V%04d_Create implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        schema.createTable(table("%s")
                                .column(column("id", bigint()).identity())
                                .column(column("code", varchar(32)))
                                .primaryKey("pk_%s", "id"));
                        schema.createIndex("ix_%s_code", "%s", "%s");
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        schema.dropIndex("ix_%s_code", "%s", "%s");
                        schema.dropTable("%s");
                    }
                }
                """.formatted(r, parent, table, r, table, table, table, table, extraIndexColumn, table, table,
                extraIndexColumn, table);
    }

    private Migrator migrator(String url) {
        return new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL,
                new SourceDirectoryMigrationSource(dir).load()).withListener(progress::add);
    }

    @Test
    void aChainIsAppliedRevisionByRevisionWithItsHistory() throws SQLException {
        for (int r = 1; r <= 30; r++) {
            MigrationFiles.writeText(dir, String.format("V%04d_Create", r), revision(r, "t" + r, "code"));
        }
        String url = TestDatabases.freshPostgres("chain");
        Migrator migrator = migrator(url);

        List<String> applied = migrator.upgrade("+10");
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(r -> "r" + r).toList(), applied);
        assertEquals(List.of("r10"), migrator.current());
        assertEquals(IntStream.rangeClosed(11, 30).mapToObj(r -> "r" + r).toList(), migrator.upgrade("head"));

        assertEquals(List.of("r30"), migrator.current());
        List<HistoryEntry> history = migrator.history();
        assertEquals(30, history.size());
        assertEquals(IntStream.rangeClosed(1, 30).mapToObj(r -> "r" + r).toList(),
                history.stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of("30"), TestSql.strings(url, "select count(*) from pg_indexes where schemaname = 'public'"
                + " and indexname like 'ix\\_t%'"));
        assertEquals(30, progress.size());

        assertEquals(5, migrator.downgrade("r25").size());
        assertEquals(List.of("r25"), migrator.current());
        assertEquals(List.of("25"), TestSql.strings(url, "select count(*) from pg_tables where schemaname = 'public'"
                + " and tablename like 't%'"));
    }

    @Test
    void aFailingStatementInsideABatchIsNamedAndItsRevisionLeavesNothing() throws SQLException {
        MigrationFiles.writeText(dir, "V0001_Create", revision(1, "t1", "code"));
        MigrationFiles.writeText(dir, "V0002_Create", revision(2, "t2", "missing"));
        String url = TestDatabases.freshPostgres("chain_failure");

        var e = assertThrows(MigrationException.class, () -> migrator(url).upgrade("head"));

        String prefix = "revision r2 (create t2) failed at statement: create index \"ix_t2_code\" on \"t2\""
                + " (\"missing\"); database says: ERROR: column \"missing\" does not exist";
        assertEquals(prefix, e.getMessage().substring(0, Math.min(prefix.length(), e.getMessage().length())),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" — nothing of it was applied; fix the migration and run it again"),
                e.getMessage());
        assertEquals(List.of("autogen_history", "autogen_version", "t1"), TestSql.tables(url, "public"));
        assertEquals(List.of("r1"), migrator(url).current());
    }

    @Test
    void theFirstStatementOfABatchFailingIsNamedToo() throws SQLException {
        MigrationFiles.writeText(dir, "V0001_Create", revision(1, "t1", "code"));
        String url = TestDatabases.freshPostgres("chain_first");
        TestSql.execute(url, "create table t1 (x integer)");

        var e = assertThrows(MigrationException.class, () -> migrator(url).upgrade("head"));

        assertTrue(e.getMessage().startsWith("revision r1 (create t1) failed at statement: create table \"t1\" ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("database says: ERROR: relation \"t1\" already exists"), e.getMessage());
        assertEquals(List.of(), migrator(url).current());
        assertEquals(List.of("x"), TestSql.strings(url, "select column_name from information_schema.columns"
                + " where table_name = 't1'"));
    }

    @Test
    void asynchronousCommitsRestoreTheSessionSettingAndFlush() throws SQLException {
        String url = TestDatabases.freshPostgres("chain_commits");
        try (Connection c = DriverManager.getConnection(url)) {
            PostgresSessionSettings.set(c, "synchronous_commit", "local");
            AsynchronousCommits commits = AsynchronousCommits.begin(c);
            assertEquals("off", PostgresSessionSettings.get(c, "synchronous_commit"));
            commits.end(c);
            assertEquals("local", PostgresSessionSettings.get(c, "synchronous_commit"));

            PostgresSessionSettings.set(c, "synchronous_commit", "off");
            AsynchronousCommits.begin(c).end(c);
            assertEquals("off", PostgresSessionSettings.get(c, "synchronous_commit"), "a session already off stays so");
        }
    }
}
