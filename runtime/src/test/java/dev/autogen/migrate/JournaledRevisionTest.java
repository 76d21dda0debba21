package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.SourceDirectoryMigrationSource;
import dev.autogen.migrate.history.HistoryEntry;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestMariadb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB revision whose third statement fails, on a real server: MariaDB commits each DDL statement, so statements
 * 1-2 stay applied; the statement journal says so, the report names them, {@code upgrade} after a fix resumes after
 * them, {@code downgrade} reverts exactly them, and two runners at once apply nothing twice.
 */
class JournaledRevisionTest {
    private static final String FIRST = "aaa111";
    private static final String SECOND = "bbb222";
    private static final List<String> SECOND_DOWN = List.of("drop index ix_users_phone on users",
            "alter table orders drop column total", "alter table users drop column phone", "drop table orders");

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private String url;

    private void writeFirst(String... extra) {
        List<String> up = new ArrayList<>(List.of("create table users (id integer primary key, name varchar(50))"));
        up.addAll(List.of(extra));
        MigrationFiles.writeText(dir, "V0001_Users", source("V0001_Users", FIRST, null, up, List.of("drop table users")));
    }

    /** The second revision; its third statement is {@code third} (a failing one, or the fix). */
    private void writeSecond(String first, String third) {
        writeSecond(first, third, SECOND_DOWN);
    }

    private void writeSecond(String first, String third, List<String> down) {
        MigrationFiles.writeText(dir, "V0002_Orders", source("V0002_Orders", SECOND, FIRST, List.of(
                first,
                "alter table users add column phone varchar(20)",
                third,
                "create index ix_users_phone on users (phone)"), down));
    }

    private static final String ORDERS = "create table orders (id integer primary key)";
    private static final String BROKEN = "alter table missing_table add column total integer";
    private static final String FIXED = "alter table orders add column total integer";

    /** Each upgrade statement paired with its reverse, so that the completed ones can be reverted one by one. */
    private static String source(String className, String id, String parent, List<String> up, List<String> down) {
        String text = MigrationFiles.source(className, id, parent, "", up, down);
        List<String> reverses = new ArrayList<>(down.reversed());
        for (int i = 0; i < up.size() && i < reverses.size(); i++) {
            String call = "schema.execute(\"" + up.get(i) + "\");";
            text = text.replace(call, "schema.execute(\"" + up.get(i) + "\", \"" + reverses.get(i) + "\");");
        }
        return text;
    }

    private Migrator migrator() {
        return new Migrator(ConnectionFactory.of(url, null, null), Dialect.MARIADB,
                new SourceDirectoryMigrationSource(dir).load()).withListener(progress::add);
    }

    private MigrationException failHalfWay() {
        url = TestMariadb.fresh("journal");
        writeFirst();
        writeSecond(ORDERS, BROKEN);
        return assertThrows(MigrationException.class, () -> migrator().upgrade("head"));
    }

    @Test
    void aFailedRevisionKeepsAndReportsItsFirstTwoStatementsThenResumesAfterThem() throws SQLException {
        MigrationException failure = failHalfWay();

        assertTrue(failure.getMessage().contains("failed at statement #3 of 4 (" + BROKEN + ")"), failure.getMessage());
        assertTrue(failure.getMessage().contains("stayed applied: #1 " + ORDERS
                + "; #2 alter table users add column phone varchar(20) (recorded in autogen_statement_journal)"),
                failure.getMessage());
        assertEquals(List.of("autogen_history", "autogen_statement_journal", "autogen_version", "orders", "users"),
                tables());
        assertEquals(List.of("id", "name", "phone"), columns("users"));
        assertEquals(List.of(SECOND + " upgrade 1 " + ORDERS,
                SECOND + " upgrade 2 alter table users add column phone varchar(20)"), journal());
        assertEquals(List.of(FIRST), migrator().current());

        writeSecond(ORDERS, FIXED);
        assertEquals(List.of(SECOND), migrator().upgrade("head"));

        assertTrue(progress.contains("resuming " + SECOND + " after statement 2 of 4 (statements 1-2 ran in an earlier"
                + " run)"), progress.toString());
        assertEquals(List.of("id", "total"), columns("orders"));
        assertEquals(List.of("id", "name", "phone"), columns("users"));
        assertEquals(List.of("ix_users_phone"), strings("select index_name from information_schema.statistics"
                + " where table_schema = database() and table_name = 'users' and index_name <> 'PRIMARY'"));
        assertEquals(List.of(), journal());
        assertEquals(List.of(SECOND), migrator().current());
        assertEquals(List.of(FIRST, SECOND), migrator().history().stream().map(HistoryEntry::revision).toList());
    }

    @Test
    void downgradeOfAHalfRunRevisionRevertsExactlyWhatRan() throws SQLException {
        failHalfWay();

        assertEquals(List.of(SECOND), migrator().downgrade(FIRST));

        assertEquals(List.of("autogen_history", "autogen_statement_journal", "autogen_version", "users"), tables());
        assertEquals(List.of("id", "name"), columns("users"));
        assertEquals(List.of(), journal());
        assertEquals(List.of(FIRST), migrator().current());
        assertTrue(progress.contains("reverting " + SECOND + " (stopped half-way): reverted its statements 1-2"),
                progress.toString());

        writeSecond(ORDERS, FIXED); // and the fixed revision then applies from its first statement
        assertEquals(List.of(SECOND), migrator().upgrade("head"));
        assertEquals(List.of("id", "total"), columns("orders"));
    }

    /**
     * A downgrade stopped half-way is journaled the same way: an upgrade is refused until it is finished, and the
     * next downgrade resumes after the statements that ran.
     */
    @Test
    void aHalfRunDowngradeBlocksUpgradesAndResumes() throws SQLException {
        url = TestMariadb.fresh("journal_down");
        writeFirst();
        writeSecond(ORDERS, FIXED);
        assertEquals(List.of(FIRST, SECOND), migrator().upgrade("head"));
        List<String> brokenDown = new ArrayList<>(SECOND_DOWN);
        brokenDown.set(1, "alter table missing_table drop column total");
        writeSecond(ORDERS, FIXED, brokenDown); // an edited downgrade: the checksum changes, hence ignoringEdited

        MigrationException failure = assertThrows(MigrationException.class,
                () -> migrator().ignoringEditedRevisions().downgrade(FIRST));

        assertTrue(failure.getMessage().contains("stayed applied: #1 drop index ix_users_phone on users (recorded in"
                + " autogen_statement_journal); fix the migration and run downgrade again to resume after statement"
                + " #1"), failure.getMessage());
        assertEquals(List.of(SECOND + " downgrade 1 drop index ix_users_phone on users"), journal());
        MigrationException refused = assertThrows(MigrationException.class,
                () -> migrator().ignoringEditedRevisions().upgrade("head"));
        assertTrue(refused.getMessage().contains("stopped half-way while being reverted (statements 1-1 of its"
                + " downgrade ran) — run downgrade again"), refused.getMessage());

        writeSecond(ORDERS, FIXED);
        assertEquals(List.of(SECOND), migrator().downgrade(FIRST));

        assertTrue(progress.contains("resuming " + SECOND + " after statement 1 of 4 (statements 1-1 ran in an earlier"
                + " run)"), progress.toString());
        assertEquals(List.of("autogen_history", "autogen_statement_journal", "autogen_version", "users"), tables());
        assertEquals(List.of("id", "name"), columns("users"));
        assertEquals(List.of(), journal());
        assertEquals(List.of(FIRST), migrator().current());
    }

    @Test
    void resumingRefusesWhenAStatementThatRanWasChanged() throws SQLException {
        failHalfWay();
        writeSecond("create table orders (id bigint primary key)", FIXED);

        MigrationException refused = assertThrows(MigrationException.class, () -> migrator().upgrade("head"));

        assertTrue(refused.getMessage().contains("its upgrade statement 1 that ran then (" + ORDERS + ") is no longer"
                + " its statement 1 — nothing was run"), refused.getMessage());
        assertEquals(List.of("id", "name", "phone"), columns("users"));
        assertEquals(List.of("id"), columns("orders"));
        assertEquals(2, journal().size());
        assertEquals(List.of(FIRST), migrator().current());
    }

    @Test
    void twoRunnersAtOnceApplyEachStatementOnce() throws Exception {
        url = TestMariadb.fresh("journal_two");
        writeFirst("do sleep(1)");
        writeSecond(ORDERS, FIXED);
        Migrator waits = migrator();
        Migrator refuses = migrator().withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(Duration.ZERO));
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (Migrator m : List.of(waits, migrator(), refuses)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    try {
                        return m.upgrade("head");
                    } catch (MigrationException e) {
                        return e.getMessage();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> run : runs) {
                outcomes.add(run.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter(List.of(FIRST, SECOND)::equals).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(o -> o.equals(List.of(FIRST, SECOND)) || o.equals(List.of())
                    || o.toString().contains("another runner has held the migration lock")), outcomes.toString());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(FIRST, SECOND), migrator().history().stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of("id", "total"), columns("orders"));
        assertEquals(List.of(), journal());
    }

    private List<String> journal() throws SQLException {
        return strings("select concat_ws(' ', revision, direction, ordinal, first_line) from autogen_statement_journal"
                + " order by revision, direction, ordinal");
    }

    private List<String> tables() throws SQLException {
        return strings("select table_name from information_schema.tables where table_schema = database() order by 1");
    }

    private List<String> columns(String table) throws SQLException {
        return strings("select column_name from information_schema.columns where table_schema = database()"
                + " and table_name = '" + table + "' order by 1");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
