package dev.autogen.migrate;

import dev.autogen.sql.Dialect;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Serialises runners that migrate one database at the same time (several application instances starting together,
 * two CI jobs), so that each revision is applied exactly once and the runners that lose the race wait, then find
 * nothing left to do.
 *
 * <ul>
 *   <li>PostgreSQL: a session-level advisory lock ({@code pg_advisory_lock(0x6175746f67656e)}, "autogen" in ASCII,
 *       for the schema {@code public}; another schema has its own key, see {@link PostgresAdvisoryLock#keyFor}) held on the migrator's own connection for the whole run and released in {@code finally}. It belongs to the
 *       session, not to a transaction, so it survives the commit of each revision; when the process dies the server
 *       ends the session and the lock with it (on PostgreSQL 14 and later the session sets
 *       {@code client_connection_check_interval}, so the server notices a dead runner within a second even in the
 *       middle of a long statement). (Behind a transaction-pooling proxy such as PgBouncer in transaction
 *       mode, session locks do not work: point the migrator at the database directly.)</li>
 *   <li>SQLite has no session lock that outlives a transaction, and a lock row would outlive a killed process. Its own
 *       write lock is used instead: every revision runs in a {@code BEGIN IMMEDIATE} transaction, which takes the
 *       database's write lock before it reads the version table; the migrator decides what to apply next inside that
 *       transaction, so a runner that waited sees the revisions another applied and skips them. A busy timeout of
 *       {@link MigrationTimeouts#lockWait()} makes waiting runners wait instead of failing with
 *       {@code SQLITE_BUSY}. The write lock dies with a killed process and its half-written transaction is rolled
 *       back from the journal by the next connection, so nothing stale is ever left behind; {@code autogen_lock} is
 *       therefore not needed and not created.</li>
 *   <li>{@link LeaseLock} ({@code --lock lease}): a row with an owner and an expiry in {@code autogen_lock}, for
 *       servers without a working advisory lock (CockroachDB); see docs/distributed.md.</li>
 * </ul>
 */
sealed interface MigrationLock permits MigrationLock.PostgresAdvisoryLock, MigrationLock.SqliteWriteLock, MigrationLock.MariadbNamedLock, LeaseLock {
    /** Taken once, before the version tables are read; waits for another runner. */
    void acquire(Connection c) throws SQLException;

    /** Releases what {@link #acquire} took; called in {@code finally}. */
    void release(Connection c) throws SQLException;

    static MigrationLock forDialect(Dialect dialect, MigrationTimeouts timeouts, Consumer<String> listener) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresAdvisoryLock(timeouts, listener);
            case SQLITE -> new SqliteWriteLock(timeouts);
            case MARIADB -> new MariadbNamedLock(timeouts, listener);
        };
    }

    /**
     * The lock of {@code kind} ({@link MigrationLockKind}); SQLite has only its write lock, whatever the kind. The
     * lease renews itself on connections from {@code connections}.
     */
    static MigrationLock of(MigrationLockKind kind, Dialect dialect, MigrationTimeouts timeouts,
            Consumer<String> listener, ConnectionFactory connections) {
        if (dialect == Dialect.SQLITE || kind == MigrationLockKind.ADVISORY) {
            return forDialect(dialect, timeouts, listener);
        }
        return new LeaseLock(connections, timeouts, listener, LeaseLock.DEFAULT_DURATION);
    }

    /** The session advisory lock, waited for at most {@code lockWait}. */
    final class PostgresAdvisoryLock implements MigrationLock {
        /** "autogen" in ASCII. */
        static final long KEY = 0x6175746f67656eL;
        /** PostgreSQL's SQLSTATE for a lock wait ended by {@code lock_timeout}. */
        private static final String LOCK_NOT_AVAILABLE = "55P03";
        private static final String CHECK_INTERVAL = "client_connection_check_interval";

        private final MigrationTimeouts timeouts;
        private final Consumer<String> listener;
        /** The key of the schema this run migrates ({@link #keyFor}), read when the lock is taken. */
        private long key = KEY;
        /** The session's own value, restored on release (the connection may go back to an application's pool). */
        private String previousCheckInterval;

        PostgresAdvisoryLock(MigrationTimeouts timeouts, Consumer<String> listener) {
            this.timeouts = timeouts;
            this.listener = listener;
        }

        /**
         * The lock key of a run whose tables go into {@code schema} (the session's {@code current_schema()}): the
         * historical {@link #KEY} for {@code public} (or no schema), else the first 8 bytes of the SHA-256 of
         * {@code "autogen:" + schema}, so that runners in different schemas (tenants) migrate in parallel and runners
         * in one schema wait for each other, whichever way they chose it (a {@code search_path}, pgjdbc's
         * {@code currentSchema}, {@link Migrator#withSchema}).
         */
        static long keyFor(String schema) {
            if (schema == null || schema.equals("public")) {
                return KEY;
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(("autogen:" + schema).getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        /** {@link #keyFor} of the session's {@code current_schema()}, computed by the server (SHA-256 of PostgreSQL 11+). */
        static final String KEY_SQL = keySqlOf("current_schema()");

        /**
         * {@link #keyFor} of the schema name {@code expression} evaluates to, computed by the server: a batch of tenant
         * schemas locks each of them in one statement ({@link TenantBatch}).
         */
        static String keySqlOf(String expression) {
            return "case when " + expression + " is null or " + expression + " = 'public' then " + KEY
                    + "::bigint else ('x' || left(encode(sha256(convert_to('autogen:' || " + expression
                    + ", 'UTF8')), 'hex'), 16))::bit(64)::bigint end";
        }

        @Override
        public void acquire(Connection c) throws SQLException {
            try {
                if (tryLockDetectingDeadClient(c)) {
                    return;
                }
                if (timeouts.lockWait().isZero()) {
                    throw heldTooLong(null);
                }
                listener.accept("waiting for the migration lock: another runner is migrating this "
                        + (key == KEY ? "database" : "schema"));
                waitForLock(c);
            } catch (SQLException | RuntimeException e) {
                restoreCheckInterval(c, e);
                throw e;
            }
        }

        private void waitForLock(Connection c) throws SQLException {
            String previous = PostgresSessionSettings.get(c, "lock_timeout");
            PostgresSessionSettings.set(c, "lock_timeout", MigrationTimeouts.setting(timeouts.lockWait()));
            try (PreparedStatement st = c.prepareStatement("select pg_advisory_lock(?)")) {
                st.setLong(1, key);
                st.execute();
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw heldTooLong(e);
                }
                throw e;
            } finally {
                PostgresSessionSettings.set(c, "lock_timeout", previous);
            }
        }

        private MigrationException heldTooLong(SQLException cause) {
            return new MigrationException("another runner has held the migration lock (PostgreSQL advisory lock "
                    + key + ") for more than " + MigrationTimeouts.describe(timeouts.lockWait()) + " — wait for it"
                    + " to finish, or find it in pg_locks (locktype = 'advisory') and stop it", cause);
        }

        private void restoreCheckInterval(Connection c, Exception failure) {
            try {
                if (previousCheckInterval != null) {
                    PostgresSessionSettings.set(c, CHECK_INTERVAL, previousCheckInterval);
                }
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }

        @Override
        public void release(Connection c) throws SQLException {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            boolean held;
            // one round trip: the unlock and the session's own check interval back
            try (PreparedStatement st = c.prepareStatement(previousCheckInterval == null
                    ? "select pg_advisory_unlock(?)" : "select pg_advisory_unlock(?), set_config(?, ?, false)")) {
                st.setLong(1, key);
                if (previousCheckInterval != null) {
                    st.setString(2, CHECK_INTERVAL);
                    st.setString(3, previousCheckInterval);
                }
                try (ResultSet rs = st.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            if (!held) {
                throw new SQLException("the migration lock (PostgreSQL advisory lock " + key
                        + ") was not held by this session when the migrator released it");
            }
        }

        /**
         * Tries the lock of the session's {@code current_schema()} ({@link #KEY_SQL}) in one round trip, and tells the
         * session to notice a dead client: PostgreSQL 14 and later can notice, while a statement runs, that the client
         * went away, so a runner killed in the middle of a long revision has its transaction rolled back and its lock
         * released within a second, instead of when the statement ends, and the next runner does not wait behind a
         * dead one.
         */
        private boolean tryLockDetectingDeadClient(Connection c) throws SQLException {
            boolean detect = c.getMetaData().getDatabaseMajorVersion() >= 14;
            try (PreparedStatement st = c.prepareStatement("select k, pg_try_advisory_lock(k)" + (detect
                    ? ", current_setting(?), set_config(?, '1000', false)" : "") + " from (select " + KEY_SQL
                    + " as k) key")) {
                if (detect) {
                    st.setString(1, CHECK_INTERVAL);
                    st.setString(2, CHECK_INTERVAL);
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    key = rs.getLong(1);
                    previousCheckInterval = detect ? rs.getString(3) : null;
                    return rs.getBoolean(2);
                }
            }
        }

        private boolean call(Connection c, String sql) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }
    }

    /**
     * SQLite: only the busy timeout here (the connection's own value is restored on release); the lock itself is each
     * revision's {@code BEGIN IMMEDIATE}.
     */
    final class SqliteWriteLock implements MigrationLock {
        /** SQLite's primary result code for a lock another connection held past the busy timeout. */
        private static final int SQLITE_BUSY = 5;

        private final MigrationTimeouts timeouts;
        private Integer previousBusyTimeout;

        SqliteWriteLock(MigrationTimeouts timeouts) {
            this.timeouts = timeouts;
        }

        /** The error for a runner that waited {@code lockWait} for the write lock, or null for any other failure. */
        static MigrationException waitedTooLong(SQLException e, MigrationTimeouts timeouts) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) {
                return null;
            }
            return new MigrationException("another runner has held the SQLite database's write lock for more than "
                    + MigrationTimeouts.describe(timeouts.lockWait()) + " — wait for it to finish and run again", e);
        }

        @Override
        public void acquire(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA busy_timeout")) {
                    previousBusyTimeout = rs.next() ? rs.getInt(1) : null;
                }
                st.execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeouts.lockWait().toMillis()));
            }
        }

        @Override
        public void release(Connection c) throws SQLException {
            if (previousBusyTimeout != null) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = " + previousBusyTimeout);
                }
            }
        }
    }

    /**
     * MariaDB: a named lock ({@code GET_LOCK('autogen:<database>', seconds)}), held by the session and released by
     * {@code RELEASE_LOCK} or when the connection ends, so a killed runner leaves nothing stale behind.
     */
    final class MariadbNamedLock implements MigrationLock {
        private final MigrationTimeouts timeouts;
        private final Consumer<String> listener;
        private String name;

        MariadbNamedLock(MigrationTimeouts timeouts, Consumer<String> listener) {
            this.timeouts = timeouts;
            this.listener = listener;
        }

        @Override
        public void acquire(Connection c) throws SQLException {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select concat('autogen:', coalesce(database(), ''))")) {
                rs.next();
                name = rs.getString(1);
            }
            if (getLock(c, 0)) {
                return;
            }
            long seconds = Math.max(0, (timeouts.lockWait().toMillis() + 999) / 1000);
            if (seconds > 0) {
                listener.accept("waiting for the migration lock: another runner is migrating this database");
                if (getLock(c, seconds)) {
                    return;
                }
            }
            throw new MigrationException("another runner has held the migration lock (MariaDB named lock '" + name
                    + "') for more than " + MigrationTimeouts.describe(timeouts.lockWait()) + " — wait for it to"
                    + " finish, or find it with select * from information_schema.metadata_lock_info and stop it");
        }

        private boolean getLock(Connection c, long seconds) throws SQLException {
            try (PreparedStatement st = c.prepareStatement("select get_lock(?, ?)")) {
                st.setString(1, name);
                st.setLong(2, seconds);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        }

        @Override
        public void release(Connection c) throws SQLException {
            if (name == null) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement("select release_lock(?)")) {
                st.setString(1, name);
                st.execute();
            }
        }
    }
}
