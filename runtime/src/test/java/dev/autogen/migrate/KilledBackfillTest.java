package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A runner killed ({@code kill -9}, {@link Process#destroyForcibly()}) in the middle of a backfill, on PostgreSQL and on
 * SQLite: the
 * batches it committed stay, exactly as many rows as its progress row says; the revision is not applied; the next run
 * continues after the last committed batch and every row ends up updated exactly once.
 */
class KilledBackfillTest {
    private static final String PACKAGE = "dev.autogen.migrate.fixtures.backfillkilled";
    private static final String SQLITE_PACKAGE = "dev.autogen.migrate.fixtures.backfillkilledsqlite";

    @Test
    void onPostgresqlTheNextRunUpdatesEveryRowTheKilledOneLeftExactlyOnce() throws Exception {
        String url = TestDatabases.freshPostgres("backfill_killed");
        defineStep(url, "perform pg_sleep(0.002);");
        killMidBackfill(Dialect.POSTGRESQL, url, PACKAGE, "bk0000000002");
        defineStep(url, "");
        resumeAndCheck(Dialect.POSTGRESQL, url, PACKAGE, "bk0000000001", "bk0000000002");
    }

    @Test
    void onSqliteTheNextRunUpdatesEveryRowTheKilledOneLeftExactlyOnce() throws Exception {
        String url = TestDatabases.freshSqlite("backfill_killed");
        killMidBackfill(Dialect.SQLITE, url, SQLITE_PACKAGE, "bs0000000002");
        resumeAndCheck(Dialect.SQLITE, url, SQLITE_PACKAGE, "bs0000000001", "bs0000000002");
    }

    /** Starts a runner, kills it once 200 rows are committed, and checks that whole batches and nothing else stayed. */
    private static void killMidBackfill(Dialect dialect, String url, String migrations, String revision)
            throws Exception {
        Process runner = RunnerProcesses.start(dialect, url, migrations, 0);
        try {
            waitForRowsDone(url, runner, 200);
            runner.destroyForcibly();
            assertTrue(runner.waitFor(10, TimeUnit.SECONDS));
        } finally {
            runner.destroyForcibly();
        }
        long rowsDone = Long.parseLong(TestSql.strings(url, "select rows_done from autogen_backfill_progress"
                + " where revision = '" + revision + "' and op_index = 1").getFirst());
        assertTrue(rowsDone >= 200 && rowsDone < 2000, "killed after " + rowsDone + " rows");
        assertEquals(0, rowsDone % 20, "whole batches of 20: " + rowsDone);
        assertEquals(List.of(Long.toString(rowsDone)), TestSql.strings(url, "select count(*) from items where n = 1"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from items where n > 1"));
    }

    /** The revision is not applied after the kill; the next run finishes it, every row updated exactly once. */
    private void resumeAndCheck(Dialect dialect, String url, String migrations, String first, String second)
            throws SQLException {
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), dialect,
                new ClassPathMigrationSource(getClass().getClassLoader(), migrations).load());
        assertEquals(List.of(first), migrator.current());

        assertEquals(List.of(second), migrator.upgrade("head"));

        assertEquals(List.of("2000"), TestSql.strings(url, "select count(*) from items where n = 1"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from autogen_backfill_progress"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from counted"));
        assertEquals(List.of(second), migrator.current());
    }

    /** Polls the progress table (absent at first) until the runner committed {@code rows} rows of the backfill. */
    private static void waitForRowsDone(String url, Process runner, long rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String seen = "";
        while (true) {
            if (!runner.isAlive()) {
                throw new AssertionError("the runner ended before it was killed: "
                        + new String(runner.getInputStream().readAllBytes()) + " "
                        + new String(runner.getErrorStream().readAllBytes()) + "; last seen: " + seen);
            }
            assertTrue(System.nanoTime() < deadline, "the backfill never reached " + rows + " rows");
            try {
                List<String> done = TestSql.strings(url,
                        "select rows_done from autogen_backfill_progress where op_index = 1");
                seen = done.toString();
                if (!done.isEmpty() && Long.parseLong(done.getFirst()) >= rows) {
                    return;
                }
            } catch (SQLException e) {
                seen = e.getMessage(); // the runner has not created the table yet
            }
            Thread.sleep(20);
        }
    }

    private static void defineStep(String url, String body) throws SQLException {
        TestSql.execute(url, "create or replace function autogen_test_step() returns integer language plpgsql"
                + " as $$ begin " + body + " return 1; end $$");
    }
}
