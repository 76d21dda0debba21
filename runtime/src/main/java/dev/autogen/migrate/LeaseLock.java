package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The lease lock ({@link MigrationLockKind#LEASE}): one row in {@value VersionTables#LOCK} of the schema being
 * migrated, {@code (name, owner, expires_at)}. It is taken by one statement that inserts the row or takes it over
 * when it has expired ({@code insert … on conflict … do update … where expires_at < now()}), so of two runners only
 * one gets it; the others poll until it is free or {@link MigrationTimeouts#lockWait()} has passed. While the run
 * lasts a thread renews it on a connection of its own every third of its duration; the row is deleted at the end.
 * Times are the server's ({@code now()}), so runners on machines with different clocks agree.
 *
 * <p>A runner killed in the middle leaves its row behind; the next runner takes it over once it expires (after at most
 * {@link #DEFAULT_DURATION}). If renewing fails for longer than the lease lasts (the server unreachable), another
 * runner may take it over: the release then reports that the lease was lost.
 */
final class LeaseLock implements MigrationLock {
    /** How long a lease lasts unless renewed. */
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    private static final String NAME = "migration";
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * SQLSTATEs of a {@code create table if not exists} that lost a race: unique violation, duplicate table, and
     * duplicate object (PostgreSQL may find the other runner's row type first: {@code type "autogen_lock" already
     * exists}, seen once in CI).
     */
    private static final java.util.Set<String> CREATED_CONCURRENTLY = java.util.Set.of("23505", "42P07", "42710");

    private final ConnectionFactory connections;
    private final MigrationTimeouts timeouts;
    private final Consumer<String> listener;
    private final Duration duration;
    private final String owner;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private String table;
    private ScheduledExecutorService renewer;
    private Connection renewal;

    LeaseLock(ConnectionFactory connections, MigrationTimeouts timeouts, Consumer<String> listener, Duration duration) {
        this.connections = connections;
        this.timeouts = timeouts;
        this.listener = listener;
        this.duration = duration;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who holds the lease in its row: {@code pid@host/random}. */
    String owner() {
        return owner;
    }

    @Override
    public void acquire(Connection c) throws SQLException {
        table = quoteIdentifier(currentSchema(c)) + "." + quoteIdentifier(VersionTables.LOCK);
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists " + table + " (" + quoteIdentifier("name")
                    + " varchar(64) primary key, " + quoteIdentifier("owner") + " varchar(255) not null, "
                    + quoteIdentifier("expires_at") + " timestamp with time zone not null)");
        } catch (SQLException e) {
            // two runners creating it at once: "if not exists" is not atomic, and the other one's table is as good;
            // but only if there is one now (a type of that name that is no table is the user's to resolve)
            if (!CREATED_CONCURRENTLY.contains(e.getSQLState()) || !tableExists(c)) {
                throw e;
            }
        }
        long deadline = System.nanoTime() + timeouts.lockWait().toNanos();
        boolean said = false;
        while (!tryTake(c)) {
            if (System.nanoTime() >= deadline) {
                throw new MigrationException("another runner (" + holder(c) + ") has held the migration lease in "
                        + VersionTables.LOCK + " for more than " + MigrationTimeouts.describe(timeouts.lockWait())
                        + " — wait for it to finish; a runner that died loses its lease when it expires");
            }
            if (!said) {
                said = true;
                listener.accept("waiting for the migration lease: held by " + holder(c));
            }
            sleep();
        }
        startRenewing();
    }

    @Override
    public void release(Connection c) throws SQLException {
        stopRenewing();
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
        int deleted;
        try (PreparedStatement st = c.prepareStatement("delete from " + table + " where " + quoteIdentifier("name")
                + " = ? and " + quoteIdentifier("owner") + " = ?")) {
            st.setString(1, NAME);
            st.setString(2, owner);
            deleted = st.executeUpdate();
        }
        if (deleted == 0 || lost.get() != null) {
            throw new SQLException("the migration lease was lost before the run ended (" + (lost.get() == null
                    ? "another runner took it over" : lost.get()) + "): check " + VersionTables.HISTORY
                    + " for revisions applied twice");
        }
    }

    private boolean tryTake(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into " + table + " as l (" + quoteIdentifier("name")
                + ", " + quoteIdentifier("owner") + ", " + quoteIdentifier("expires_at") + ") values (?, ?, now() + ?"
                + " * interval '1 millisecond') on conflict (" + quoteIdentifier("name") + ") do update set "
                + quoteIdentifier("owner") + " = excluded." + quoteIdentifier("owner") + ", "
                + quoteIdentifier("expires_at") + " = excluded." + quoteIdentifier("expires_at")
                + " where l." + quoteIdentifier("expires_at") + " < now()")) {
            st.setString(1, NAME);
            st.setString(2, owner);
            st.setLong(3, duration.toMillis());
            return st.executeUpdate() == 1;
        }
    }

    private String holder(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + quoteIdentifier("owner") + ", "
                + quoteIdentifier("expires_at") + " from " + table + " where " + quoteIdentifier("name") + " = ?")) {
            st.setString(1, NAME);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) + " until " + rs.getTimestamp(2).toInstant() : "nobody";
            }
        }
    }

    private void startRenewing() throws SQLException {
        renewal = connections.open();
        renewal.setAutoCommit(true);
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "autogen-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, duration.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try (PreparedStatement st = renewal.prepareStatement("update " + table + " set " + quoteIdentifier("expires_at")
                + " = now() + ? * interval '1 millisecond' where " + quoteIdentifier("name") + " = ? and "
                + quoteIdentifier("owner") + " = ?")) {
            st.setLong(1, duration.toMillis());
            st.setString(2, NAME);
            st.setString(3, owner);
            if (st.executeUpdate() == 0 && lost.compareAndSet(null, "another runner took it over")) {
                listener.accept("warning: the migration lease was taken over by another runner");
            }
        } catch (SQLException e) {
            listener.accept("warning: cannot renew the migration lease: " + e.getMessage());
        }
    }

    private void stopRenewing() {
        if (renewer == null) {
            return;
        }
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
            renewal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // the renewal connection is broken: nothing more to release on it
        }
        renewer = null;
    }

    private boolean tableExists(Connection c) throws SQLException {
        try (var st = c.prepareStatement("select to_regclass(?) is not null")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select current_schema()")) {
            if (!rs.next() || rs.getString(1) == null) {
                throw new SQLException("no current schema to keep " + VersionTables.LOCK + " in: set a search_path");
            }
            return rs.getString(1);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lease", e);
        }
    }
}
