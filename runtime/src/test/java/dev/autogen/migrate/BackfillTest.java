package dev.autogen.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code schema.backfill(...)} on a real database: the rows its condition selects are updated exactly once, in
 * batches, between the statements before and after it; a failing batch keeps the batches before it, and the next run
 * continues after the last one without updating a row twice.
 */
class BackfillTest {
    private static final String PACKAGE = "dev.autogen.migrate.fixtures.backfill";

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "SQLITE"})
    void aBackfillUpdatesTheRowsItsConditionSelectsOnceBetweenTheStatementsAroundIt(Dialect dialect) throws Exception {
        String url = url(dialect, "backfill");
        List<String> lines = new ArrayList<>();

        assertEquals(List.of("bf0000000001", "bf0000000002"), migrator(dialect, url, lines).upgrade("head"));

        assertEquals(List.of("667"), TestSql.strings(url, "select count(*) from people where n = 1"));
        assertEquals(List.of("333"), TestSql.strings(url, "select count(*) from people where n = 0"
                + " and full_name is null and id % 3 = 0"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from people where n not in (0, 1)"));
        assertEquals(List.of("f7 l7"), TestSql.strings(url, "select full_name from people where id = 7"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from autogen_backfill_progress"));
        assertTrue(exists(url, "marker_before") && exists(url, "marker_after"));
        assertTrue(lines.contains("backfill people: 667 of 667 rows"), String.valueOf(lines));
        assertEquals(List.of("bf0000000002"), migrator(dialect, url, lines).current());
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "SQLITE"})
    void aFailingBatchKeepsTheBatchesBeforeItAndTheNextRunContinuesAfterThem(Dialect dialect) throws Exception {
        String url = url(dialect, "backfill_resume");
        migrator(dialect, url, new ArrayList<>()).upgrade("bf0000000001");
        // id 550 is the 367th row the backfill selects: its batch (rows 301 to 400) fails on the check
        TestSql.execute(url, "update people set last_name = null where id = 550");

        MigrationException failure = assertThrows(MigrationException.class,
                () -> migrator(dialect, url, new ArrayList<>()).upgrade("head"));

        assertTrue(failure.getMessage().contains("bf0000000002"), failure.getMessage());
        assertEquals(-1, failure.getMessage().indexOf('\n'), failure.getMessage());
        assertEquals(List.of("bf0000000001"), migrator(dialect, url, new ArrayList<>()).current());
        // three batches of 100 committed: the 300th selected row is id 449
        assertEquals(List.of("300"), TestSql.strings(url, "select count(*) from people where n = 1"));
        assertEquals(List.of("449"), TestSql.strings(url, "select max(id) from people where n = 1"));
        assertEquals(List.of("449 300"), TestSql.strings(url, "select last_key || ' ' || rows_done"
                + " from autogen_backfill_progress where op_index = 1"));
        assertTrue(exists(url, "marker_before"));
        assertTrue(!exists(url, "marker_after"));

        TestSql.execute(url, "update people set last_name = 'l550' where id = 550");
        List<String> lines = new ArrayList<>();
        assertEquals(List.of("bf0000000002"), migrator(dialect, url, lines).upgrade("head"));

        assertEquals(List.of("667"), TestSql.strings(url, "select count(*) from people where n = 1"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from people where n > 1"));
        assertEquals(List.of("0"), TestSql.strings(url, "select count(*) from autogen_backfill_progress"));
        assertTrue(exists(url, "marker_after"));
        assertTrue(lines.contains("backfill people: 667 of 667 rows"), String.valueOf(lines));
    }

    @Test
    void mariadbRefusesARevisionWithABackfillBeforeAnyOfItRuns() throws Exception {
        String url = url(Dialect.MARIADB, "backfill_refused");
        Migration backfill = new Migration() {
            @Override
            public void upgrade(dev.autogen.dsl.SchemaChanges schema) {
                schema.execute("create table marker_before (id integer primary key)");
                schema.backfill("marker_before", "id = id + 1");
            }

            @Override
            public void downgrade(dev.autogen.dsl.SchemaChanges schema) {
            }
        };
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(url), Dialect.MARIADB,
                List.of(new LoadedMigration("bf0000000009", List.of(), "marker", "m.V9", backfill, null)));

        MigrationException failure = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertEquals("revision bf0000000009 (marker) holds a backfill, which runs in batches on PostgreSQL and"
                + " SQLite only for now — nothing of it was applied; on MariaDB write the update as"
                + " schema.execute(\"update ...\") (one transaction)", failure.getMessage());
        assertEquals(List.of(), migrator.current());
        assertTrue(!exists(url, "marker_before"));
    }

    static String url(Dialect dialect, String hint) {
        return switch (dialect) {
            case POSTGRESQL -> TestDatabases.freshPostgres(hint);
            case SQLITE -> TestDatabases.freshSqlite(hint);
            case MARIADB -> dev.autogen.testing.TestMariadb.fresh(hint);
        };
    }

    static boolean exists(String url, String table) throws java.sql.SQLException {
        try (var c = DriverManager.getConnection(url); var rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static Migrator migrator(Dialect dialect, String url, List<String> lines) {
        return new Migrator(() -> DriverManager.getConnection(url), dialect,
                new ClassPathMigrationSource(BackfillTest.class.getClassLoader(), PACKAGE).load())
                .withListener(line -> lines.add(line.replaceAll(", \\d+ rows/s.*", "")));
    }
}
