package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A runner killed ({@code kill -9}, {@link Process#destroyForcibly()}) in the middle of a revision: the database is at
 * the revision before (nothing of the killed one remains, its lock is gone) and the next run completes.
 */
class KilledRunnerTest {
    private static final String PACKAGE = "dev.autogen.migrate.fixtures.killed";

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void aRunnerKilledMidRevisionLeavesThePreviousRevisionAndTheNextRunCompletes(Dialect dialect) throws Exception {
        String url = switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("killed");
            case SQLITE -> TestDatabases.freshSqlite("killed");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("killed");
        };
        if (dialect == Dialect.POSTGRESQL) {
            definePostgresPause(url, "perform pg_sleep(60);");
        }
        Process runner = RunnerProcesses.start(dialect, url, PACKAGE, 60);
        try {
            waitUntilPaused(dialect, url, runner);
            runner.destroyForcibly();
            assertTrue(runner.waitFor(10, TimeUnit.SECONDS));
        } finally {
            runner.destroyForcibly();
        }
        if (dialect == Dialect.POSTGRESQL) {
            definePostgresPause(url, "");
        }

        Migrator migrator = new Migrator(() -> MigrationRunnerProcess.open(dialect, url, Duration.ZERO), dialect,
                new ClassPathMigrationSource(getClass().getClassLoader(), PACKAGE).load());
        assertEquals(List.of("d00000000001"), migrator.current());
        assertEquals(List.of("d00000000001"), migrator.history().stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of("before_slow"), userTables(dialect, url));
        assertEquals(List.of("1"), ConcurrentRunnersTest.strings(url, "select id from before_slow"));

        long started = System.nanoTime();
        assertEquals(List.of("d00000000002"), migrator.upgrade("head"));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMs < 10_000, "the next run waited " + waitedMs + " ms for the dead runner's lock");
        assertEquals(List.of("d00000000002"), migrator.current());
        assertEquals(List.of("after_slow", "before_slow", "half"), userTables(dialect, url));
        assertEquals(List.of("1"), ConcurrentRunnersTest.strings(url, "select id from half"));
        assertEquals(List.of("2"), ConcurrentRunnersTest.strings(url, "select id from before_slow"));
    }

    /** Waits until the runner is inside {@code autogen_test_pause()}, in the middle of revision d00000000002. */
    private static void waitUntilPaused(Dialect dialect, String url, Process runner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        switch (dialect) {
            case SQLITE -> {
                var out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.equals("pausing")) {
                    // the runner prints "pausing" from inside the function
                }
                assertEquals("pausing", line, "the runner ended before the pause");
            }
            case POSTGRESQL -> {
                while (ConcurrentRunnersTest.strings(url, "select count(*) from pg_stat_activity"
                        + " where query = 'select autogen_test_pause()' and state = 'active'").equals(List.of("0"))) {
                    assertTrue(runner.isAlive(), "the runner ended before the pause");
                    assertTrue(System.nanoTime() < deadline, "the runner never reached the pause");
                    Thread.sleep(50);
                }
            }
        }
    }

    private static void definePostgresPause(String url, String body) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("create or replace function autogen_test_pause() returns void language plpgsql as $$ begin "
                    + body + " end $$");
        }
    }

    private static List<String> userTables(Dialect dialect, String url) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select table_name from information_schema.tables where table_schema = current_schema()"
                    + " and table_name not like 'autogen%' order by 1";
            case SQLITE -> "select name from sqlite_master where type = 'table' and name not like 'autogen%' order by 1";
            case MARIADB -> throw new UnsupportedOperationException("MariaDB runs in its own tests");
        };
        return ConcurrentRunnersTest.strings(url, sql);
    }
}
