package dev.autogen.migrate;

import static dev.autogen.migrate.DataMigrationsTest.revision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.sql.Dialect;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The lease lock ({@code --lock lease}) on PostgreSQL: two runners at once apply each revision once, a lease left by a
 * dead runner is taken over once it has expired and not before, and a held lease is renewed while the run lasts.
 */
class LeaseLockTest {
    /** Three revisions of which the second takes a second, so that runners started together overlap. */
    private static final List<LoadedMigration> SLOW = List.of(
            revision("a1", null, schema -> schema.execute("create table t (id integer primary key)")),
            revision("a2", "a1", schema -> schema.execute("select pg_sleep(1)")),
            revision("a3", "a2", schema -> schema.execute("insert into t values (3)")));

    private final String url = TestDatabases.freshPostgres("lease_lock");
    private final ConnectionFactory connections = ConnectionFactory.of(url, null, null);
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Test
    void twoRunnersAtOnceApplyEachRevisionOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return migrator().upgrade("head");
                }, pool));
            }
            start.countDown();
            List<String> applied = new ArrayList<>();
            for (var run : runs) {
                applied.addAll(run.get());
            }

            assertEquals(List.of("a1", "a2", "a3"), applied.stream().sorted().toList());
            assertEquals(List.of("a1 1", "a2 1", "a3 1"), rows("select revision, count(*) from autogen_history"
                    + " group by revision order by revision"));
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("waiting for the migration lease: held by ")),
                    lines.toString());
            assertEquals(List.of(), rows("select * from autogen_lock"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndALiveOneIsWaitedFor() throws SQLException {
        execute("create table autogen_lock (name varchar(64) primary key, owner varchar(255) not null,"
                + " expires_at timestamp with time zone not null)");
        execute("insert into autogen_lock values ('migration', 'dead runner', now() + interval '1 hour')");
        Migrator waiting = migrator().withTimeouts(MigrationTimeouts.DEFAULT.withLockWait(Duration.ofMillis(600)));

        var e = assertThrows(MigrationException.class, () -> waiting.upgrade("head"));

        assertTrue(e.getMessage().startsWith("another runner (dead runner until "), e.getMessage());
        assertTrue(e.getMessage().endsWith("has held the migration lease in autogen_lock for more than 600 ms — wait"
                + " for it to finish; a runner that died loses its lease when it expires"), e.getMessage());
        assertEquals(List.of(), waiting.current());

        execute("update autogen_lock set expires_at = now() - interval '1 second'");

        assertEquals(List.of("a1", "a2", "a3"), migrator().upgrade("head"));
        assertEquals(List.of(), rows("select * from autogen_lock"));
    }

    @Test
    void aHeldLeaseIsRenewedAndKeptFromOthers() throws Exception {
        var timeouts = MigrationTimeouts.DEFAULT.withLockWait(Duration.ZERO);
        var held = new LeaseLock(connections, timeouts, lines::add, Duration.ofMillis(600));
        try (Connection c = connections.open(); Connection other = connections.open()) {
            held.acquire(c);
            Thread.sleep(1_500); // more than twice the lease: only renewal keeps it

            assertEquals(List.of(held.owner() + " true"),
                    rows("select owner, expires_at > now() from autogen_lock"));
            var second = new LeaseLock(connections, timeouts, lines::add, Duration.ofMillis(600));
            assertThrows(MigrationException.class, () -> second.acquire(other));

            held.release(c);
            assertEquals(List.of(), rows("select * from autogen_lock"));
        }
    }

    @Test
    void aRunnerThatLosesTheRaceToCreateTheLeaseTableTakesTheLeaseInTheWinnersTable() throws Exception {
        // "create table if not exists" is not atomic: a runner whose creation waits for another's uncommitted one
        // fails once that commits (PostgreSQL: type "autogen_lock" already exists), and must go on with that table
        try (Connection winner = connections.open(); Connection loser = connections.open()) {
            winner.setAutoCommit(false);
            try (var st = winner.createStatement()) {
                st.execute("create table if not exists autogen_lock (name varchar(64) primary key,"
                        + " owner varchar(255) not null, expires_at timestamp with time zone not null)");
            }
            var lease = new LeaseLock(connections, MigrationTimeouts.DEFAULT, lines::add, Duration.ofSeconds(30));
            CompletableFuture<Void> taking = CompletableFuture.runAsync(() -> {
                try {
                    lease.acquire(loser);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (rows("select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                    .isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the second creation never waited for the first");
                Thread.sleep(20);
            }
            winner.commit();
            taking.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(List.of(lease.owner()), rows("select owner from autogen_lock"));
            lease.release(loser);
            assertEquals(List.of(), rows("select * from autogen_lock"));
        }
    }

    @Test
    void aTypeOfTheLeaseTablesNameIsAnErrorNotARace() throws SQLException {
        execute("create type autogen_lock as enum ('taken')");
        var lease = new LeaseLock(connections, MigrationTimeouts.DEFAULT, lines::add, Duration.ofSeconds(30));
        try (Connection c = connections.open()) {
            SQLException e = assertThrows(SQLException.class, () -> lease.acquire(c));
            assertEquals("42710", e.getSQLState());
            assertTrue(e.getMessage().contains("type \"autogen_lock\" already exists"), e.getMessage());
        }
    }

    // ---- helpers

    private Migrator migrator() {
        return new Migrator(connections, Dialect.POSTGRESQL, SLOW).withLock(MigrationLockKind.LEASE)
                .withListener(lines::add);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        TestSql.execute(url, sql);
    }

    private List<String> rows(String sql) throws SQLException {
        return TestSql.rows(url, sql);
    }
}
