package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight runners started together on one empty database, as threads and as processes, on PostgreSQL and SQLite: every
 * runner succeeds, each revision is applied exactly once (one history row, one {@code events} row, one table), and the
 * runners that waited found nothing left to do.
 */
class ConcurrentRunnersTest {
    private static final int RUNNERS = 8;
    private static final String PACKAGE = "dev.autogen.migrate.fixtures.runners";
    private static final List<String> REVISIONS = List.of("c00000000001", "c00000000002", "c00000000003");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eightThreadsApplyEachRevisionOnce(Dialect dialect) throws Exception {
        String url = url(dialect);
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), dialect,
                new ClassPathMigrationSource(getClass().getClassLoader(), PACKAGE).load());
        CyclicBarrier start = new CyclicBarrier(RUNNERS);
        ExecutorService threads = Executors.newFixedThreadPool(RUNNERS);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return migrator.upgrade("head");
                }));
            }
            List<List<String>> applied = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                applied.add(run.get(60, TimeUnit.SECONDS)); // a runner that failed throws here
            }
            assertEachAppliedByOneRunner(dialect, applied);
        } finally {
            threads.shutdownNow();
        }
        assertAppliedOnce(dialect, url, migrator);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
    void eightProcessesApplyEachRevisionOnce(Dialect dialect) throws Exception {
        String url = url(dialect);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            processes.add(RunnerProcesses.start(dialect, url, PACKAGE, 0));
        }
        List<List<String>> applied = new ArrayList<>();
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "runner did not finish");
            assertEquals(0, process.exitValue(), out + "\n" + err);
            String ids = out.lines().filter(l -> l.startsWith("applied:")).findFirst().orElseThrow()
                    .substring("applied:".length()).strip();
            applied.add(ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")));
        }
        assertEachAppliedByOneRunner(dialect, applied);
        assertAppliedOnce(dialect, url, new Migrator(() -> DriverManager.getConnection(url), dialect,
                new ClassPathMigrationSource(getClass().getClassLoader(), PACKAGE).load()));
    }

    /**
     * Together the runners applied each revision once. On PostgreSQL the first runner holds the lock for its whole run,
     * so it applies all of them and the seven others find nothing to do; on SQLite the write lock is taken per revision,
     * so the revisions may be shared out among the runners.
     */
    private static void assertEachAppliedByOneRunner(Dialect dialect, List<List<String>> applied) {
        assertEquals(REVISIONS, applied.stream().flatMap(List::stream).sorted().toList());
        if (dialect == Dialect.POSTGRESQL) {
            assertEquals(List.of(REVISIONS), applied.stream().filter(ids -> !ids.isEmpty()).toList());
        }
    }

    private static void assertAppliedOnce(Dialect dialect, String url, Migrator migrator) throws SQLException {
        assertEquals(List.of("c00000000003"), migrator.current());
        List<HistoryEntry> history = migrator.history();
        assertEquals(REVISIONS, history.stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of("upgrade", "upgrade", "upgrade"), history.stream().map(HistoryEntry::direction).toList());
        assertEquals(REVISIONS, strings(url, "select revision from events order by revision"));
        String tables = switch (dialect) {
            case POSTGRESQL -> "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() order by 1";
            case MARIADB -> "select table_name from information_schema.tables"
                    + " where table_schema = database() order by 1";
            case SQLITE -> "select name from sqlite_master where type = 'table' order by 1";
        };
        assertEquals(dialect == Dialect.MARIADB // where each revision runs under its statement journal
                ? List.of("autogen_history", "autogen_statement_journal", "autogen_version", "events", "orders", "users")
                : List.of("autogen_history", "autogen_version", "events", "orders", "users"), strings(url, tables));
        String phone = switch (dialect) {
            case POSTGRESQL -> "select column_name from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'users' order by 1";
            case MARIADB -> "select column_name from information_schema.columns"
                    + " where table_schema = database() and table_name = 'users' order by 1";
            case SQLITE -> "select name from pragma_table_info('users') order by 1";
        };
        assertEquals(List.of("id", "name", "phone"), strings(url, phone));
    }

    private static String url(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres("runners");
            case SQLITE -> TestDatabases.freshSqlite("runners");
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh("runners");
        };
    }

    static List<String> strings(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
