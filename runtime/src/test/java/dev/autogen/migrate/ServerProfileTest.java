package dev.autogen.migrate;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.migrate.graph.RevisionGraph;
import dev.autogen.migrate.offline.OfflineScript;
import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code --profile} on real PostgreSQL: which transaction committed each statement is read back from the catalog
 * ({@code xmin} of each object's {@code pg_class} row and of the version row). Under {@code postgresql} a revision is one
 * transaction; under {@code cockroachdb} and {@code yugabytedb} each statement commits alone and the version row is
 * written after the last; a failure leaves the statements before it committed and the revision unrecorded, and the
 * rerun continues with the statement that failed. CockroachDB's profile takes the lease lock ({@code autogen_lock}
 * appears), YugabyteDB's the advisory lock. The offline script is written the same way.
 */
class ServerProfileTest {
    private static final List<LoadedMigration> MIGRATIONS = new ClassPathMigrationSource(
            ServerProfileTest.class.getClassLoader(), "dev.autogen.migrate.fixtures.profile").load();
    private static final List<String> OBJECTS = List.of("accounts", "ledgers", "ix_accounts_name");

    @Test
    void postgresqlRunsARevisionAsOneTransaction() throws Exception {
        String url = TestDatabases.freshPostgres("profile_pg");

        migrator(url).withProfile(ServerProfile.POSTGRESQL).upgrade("f00000000001");

        assertEquals(1, new TreeSet<>(transactions(url)).size(), "DDL and version row: " + transactions(url));
        assertEquals(List.of(), strings(url, "select tablename from pg_tables where tablename = 'autogen_lock'"));
    }

    @Test
    void cockroachdbCommitsEachStatementAloneThenTheVersionRowAndTakesTheLease() throws Exception {
        String url = TestDatabases.freshPostgres("profile_crdb");

        migrator(url).withProfile(ServerProfile.COCKROACHDB).upgrade("f00000000001");

        List<Long> xids = transactions(url);
        assertEquals(4, new TreeSet<>(xids).size(), "three statements and the version row apart: " + xids);
        assertTrue(xids.get(0) < xids.get(1) && xids.get(1) < xids.get(2) && xids.get(2) < xids.get(3),
                "in order, the version row last: " + xids);
        assertEquals(List.of("autogen_lock"), strings(url, "select tablename from pg_tables"
                + " where tablename = 'autogen_lock'"), "the lease lock by default");
        assertEquals(List.of("0"), strings(url, "select count(*) from autogen_lock"), "released at the end");
    }

    @Test
    void aFailureLeavesTheStatementsBeforeItAndTheRerunContinuesAfterThem() throws Exception {
        String url = TestDatabases.freshPostgres("profile_yb");
        Migrator migrator = migrator(url).withProfile(ServerProfile.YUGABYTEDB);

        MigrationException failed = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        assertTrue(failed.getMessage().contains("revision f00000000002 (fails in the middle) failed at step 2 of 3"
                + " (insert into audit_sink (revision) values ('f00000000002')); database says: ERROR: relation"
                + " \"audit_sink\" does not exist"), failed.getMessage());
        assertTrue(failed.getMessage().contains("it runs one statement per transaction (--profile), one step at a"
                + " time, so the steps before this one stayed applied"), failed.getMessage());
        assertEquals(List.of("f00000000001"), migrator.current());
        assertEquals(List.of("payments"), strings(url, "select tablename from pg_tables where tablename in"
                + " ('payments', 'refunds')"), "the first statement stayed committed");
        assertEquals(List.of(), strings(url, "select tablename from pg_tables where tablename = 'autogen_lock'"),
                "YugabyteDB keeps the advisory lock");

        execute(url, "create table audit_sink (revision varchar(20))");
        assertEquals(List.of("f00000000002"), migrator.upgrade("head"));

        assertEquals(List.of("f00000000002"), migrator.current());
        assertEquals(List.of("payments", "refunds"), strings(url, "select tablename from pg_tables where tablename in"
                + " ('payments', 'refunds') order by 1"));
        assertEquals(List.of("f00000000002"), strings(url, "select revision from audit_sink"), "run once");
    }

    @Test
    void profilesOtherThanPostgresqlAreRefusedOnSqlite() {
        Migrator sqlite = new Migrator(ConnectionFactory.of(TestDatabases.freshSqlite("profile"), null, null),
                Dialect.SQLITE, MIGRATIONS);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> sqlite.withProfile(ServerProfile.COCKROACHDB));
        assertEquals("--profile cockroachdb is for servers that speak PostgreSQL's protocol, not SQLite: drop it",
                refused.getMessage());
        assertEquals(ServerProfile.YUGABYTEDB, ServerProfile.parse(" YugabyteDB "));
    }

    @Test
    void theOfflineScriptCommitsEachStatementAloneAndRecordsTheRevisionAfter() {
        OfflineScript script = new OfflineScript(Dialect.POSTGRESQL, new RevisionGraph(MIGRATIONS), "dba")
                .withProfile(ServerProfile.COCKROACHDB);

        String sql = script.upgrade(List.of(), "f00000000001");

        String revision = sql.substring(sql.indexOf("-- upgrade f00000000001"));
        assertTrue(revision.startsWith("""
                -- upgrade f00000000001 (three statements): base -> f00000000001
                -- cockroachdb: each statement commits alone; the version rows are written after the last
                create table "accounts" ("""), revision);
        assertTrue(revision.contains(";\ncreate index \"ix_accounts_name\" on \"accounts\" (\"name\");\nBEGIN;\n"
                + "insert into \"autogen_version\""), revision);
        assertEquals(1, revision.split("BEGIN;", -1).length - 1, revision);
        assertTrue(revision.endsWith("COMMIT;\n"), revision);
        String plain = new OfflineScript(Dialect.POSTGRESQL, new RevisionGraph(MIGRATIONS), "dba")
                .upgrade(List.of(), "f00000000001");
        assertTrue(plain.contains("base -> f00000000001\nBEGIN;\ncreate table \"accounts\""), plain);
    }

    private static Migrator migrator(String url) {
        return new Migrator(ConnectionFactory.of(url, null, null), Dialect.POSTGRESQL, MIGRATIONS);
    }

    /** The transaction ids that wrote accounts, ledgers, the index, then the version row. */
    private static List<Long> transactions(String url) throws Exception {
        List<Long> xids = new ArrayList<>();
        for (String object : OBJECTS) {
            xids.add(Long.parseLong(strings(url, "select xmin::text from pg_class where relname = '" + object + "'")
                    .getFirst()));
        }
        xids.add(Long.parseLong(strings(url, "select xmin::text from autogen_version").getFirst()));
        return xids;
    }
}
