package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.MigrationLock.PostgresAdvisoryLock;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.TenantLedger;
import dev.autogen.migrate.history.VersionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL with the advisory lock: everything a run does to its session before its revisions in one round trip, and
 * everything after them in one more, because a rollout over thousands of tenant schemas pays every round trip
 * thousands of times (with the revision's own batch, a tenant schema costs three; {@code psql} running the same DDL
 * by hand takes five).
 *
 * <p>Before ({@link #start}), sent together as one prepared string of statements (pgjdbc sends them with one Sync:
 * one exchange, one implicit transaction): {@code search_path} set to exactly the schema; the schema's advisory lock
 * tried ({@link PostgresAdvisoryLock#KEY_SQL}, none when the schema does not exist) with
 * {@code client_connection_check_interval} and {@code synchronous_commit} set as {@link PostgresAdvisoryLock} and
 * {@link AsynchronousCommits} explain; both version tables' {@code create table if not exists}, in a {@code do} block
 * that runs them only when the lock was had (a runner that waits creates nothing), left out when the caller saw both
 * tables already ({@link Migrator#expectingVersionTables}: the server compiles the block on every run); the version
 * rows and the history read ({@link RecordedRevisions}). When the lock is busy, or any statement fails (the schema
 * or the tables are missing and the lock was not had, or the tables are gone although the caller saw them),
 * {@code start} undoes what it did and returns null: the caller then takes the
 * ordinary path ({@link SchemaSearchPath}, {@link MigrationLock}), which waits for the lock and reports errors plainly.
 * The rows read while another runner held the lock are never used.
 *
 * <p>After ({@link #end}), one statement: the unlock, the session's own settings back (the connection may go back to
 * an application's pool), and, where the session commits synchronously, the transaction that makes the run durable.
 */
final class PostgresRunSession {
    private static final String CHECK_INTERVAL = "client_connection_check_interval";
    private static final String SYNCHRONOUS_COMMIT = "synchronous_commit";
    /** Whether the lock was had, for the statements after it in the same exchange (a transaction-local setting). */
    private static final String LOCKED_FLAG = "autogen.locked";

    private final long key;
    /** The session's own values, restored by {@link #end}; null where nothing was changed. */
    private final String previousSearchPath;
    private final String previousCheckInterval;
    /** Null when the session already committed asynchronously (nothing to restore, nothing to wait for). */
    private final String previousSynchronousCommit;
    private final RecordedRevisions recorded;

    private PostgresRunSession(long key, String previousSearchPath, String previousCheckInterval,
            String previousSynchronousCommit, RecordedRevisions recorded) {
        this.key = key;
        this.previousSearchPath = previousSearchPath;
        this.previousCheckInterval = previousCheckInterval;
        this.previousSynchronousCommit = previousSynchronousCommit;
        this.recorded = recorded;
    }

    /** The version rows and history, read under the lock in the same round trip that took it. */
    RecordedRevisions recorded() {
        return recorded;
    }

    /**
     * Sets the session up, takes the lock and reads the version tables in one round trip (autocommit mode), or returns
     * null with the session as it was and no lock held, for the caller's ordinary path.
     *
     * @param schema the schema to work in, or null for the session's own {@code search_path}
     * @param tablesSeen whether the caller saw both version tables in the schema: then they are not offered to be
     *     created (if they are gone after all, their read fails and null sends the caller to its ordinary path)
     * @throws SQLException only when undoing a failed attempt failed too (the connection is then unusable)
     */
    static PostgresRunSession start(Connection c, String schema, VersionStore store, boolean tablesSeen)
            throws SQLException {
        boolean detect = c.getMetaData().getDatabaseMajorVersion() >= 14;
        List<String> statements = new ArrayList<>();
        if (schema != null) {
            statements.add("select current_setting('search_path'), set_config('search_path', ?, false)");
        }
        // the lock tried once (offset 0 keeps the subquery whole), its outcome kept in a flag until the exchange ends
        statements.add("select k, locked, current_setting('" + SYNCHRONOUS_COMMIT + "'), set_config('"
                + SYNCHRONOUS_COMMIT + "', 'off', false)" + (detect ? ", current_setting('" + CHECK_INTERVAL
                + "'), set_config('" + CHECK_INTERVAL + "', '1000', false)" : "") + ", set_config('" + LOCKED_FLAG
                + "', locked::text, true) from (select k, pg_try_advisory_lock(k) as locked from (select "
                + PostgresAdvisoryLock.KEY_SQL + " as k) key" + (schema == null ? "" : " where current_schema() is not"
                + " null") + " offset 0) attempt");
        // the tables only under the lock (a runner that waits creates nothing), and only when missing: no notices
        if (!tablesSeen) {
            // a schema whose versions a tenant ledger keeps gets no tables of its own: the block fails, the ordinary
            // path says why (MigrationSessions)
            String guard = store.ledger() == null ? TenantLedger.raiseIfHoldingCurrentSchema() + "; " : "";
            statements.add("do $autogen$ declare autogen_ledger text; autogen_held boolean; begin if current_setting('"
                    + LOCKED_FLAG + "', true) = 'true' and (" + store.tablesMissingCondition() + ") then " + guard
                    + String.join("; ", store.createTableSql()) + "; end if; end $autogen$");
        }
        statements.addAll(RecordedRevisions.readSql(store));
        PostgresRunSession started;
        try (PreparedStatement st = c.prepareStatement(String.join("; ", statements))) {
            if (schema != null) {
                st.setString(1, quoteIdentifier(schema));
            }
            st.execute();
            String previousPath = null;
            if (schema != null) {
                previousPath = firstRow(st).getString(1);
                st.getMoreResults();
            }
            long key;
            boolean locked;
            String previousCommit;
            String previousInterval;
            try (ResultSet lock = firstRow(st)) {
                key = lock.getLong(1);
                locked = lock.getBoolean(2);
                previousCommit = lock.getString(3);
                previousInterval = detect ? lock.getString(5) : null;
            }
            st.getMoreResults();
            skipUpdateCounts(st);
            RecordedRevisions recorded = RecordedRevisions.readFrom(store, st);
            started = new PostgresRunSession(key, previousPath, previousInterval,
                    "off".equals(previousCommit) ? null : previousCommit, recorded);
            if (!locked) {
                started.restore(c, false);
                return null;
            }
            return started;
        } catch (SQLException e) {
            // the exchange was rolled back whole (settings included), but a session lock survives a rollback
            unlockIfHeld(c, schema, e);
            return null;
        }
    }

    private static ResultSet firstRow(Statement st) throws SQLException {
        ResultSet rs = st.getResultSet();
        if (rs == null || !rs.next()) {
            throw new SQLException("the migrator's session set-up returned no row where it expected one");
        }
        return rs;
    }

    private static void skipUpdateCounts(Statement st) throws SQLException {
        while (st.getResultSet() == null && st.getUpdateCount() != -1) {
            st.getMoreResults();
        }
    }

    private static void unlockIfHeld(Connection c, String schema, SQLException failure) throws SQLException {
        // a lock this session does not hold stays as it is (PostgreSQL warns and returns false)
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?)")) {
            st.setLong(1, PostgresAdvisoryLock.keyFor(schema == null ? currentSchema(c) : schema));
            st.execute();
        } catch (SQLException e) {
            e.addSuppressed(failure);
            throw e;
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select current_schema()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Releases the lock and restores the session's settings in one statement (autocommit mode, an open transaction
     * rolled back first); a failure never hides the run's own {@code failure}.
     *
     * @throws SQLException when releasing failed and the run had not, or the lock was not held
     */
    void end(Connection c, Exception failure) throws SQLException {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (!restore(c, true)) {
                throw new SQLException("the migration lock (PostgreSQL advisory lock " + key
                        + ") was not held by this session when the migrator released it");
            }
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /**
     * One statement: the unlock (when {@code unlock}), the settings back, and a transaction that takes an id under the
     * restored {@code synchronous_commit}, whose commit waits until everything committed before it is durable.
     *
     * @return whether the lock was held (true when not {@code unlock})
     */
    private boolean restore(Connection c, boolean unlock) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        columns.add(unlock ? "pg_advisory_unlock(?)" : "true");
        setting(columns, values, "search_path", previousSearchPath);
        setting(columns, values, CHECK_INTERVAL, previousCheckInterval);
        setting(columns, values, SYNCHRONOUS_COMMIT, previousSynchronousCommit);
        if (unlock && previousSynchronousCommit != null) {
            columns.add("txid_current()");
        }
        try (PreparedStatement st = c.prepareStatement("select " + String.join(", ", columns))) {
            int index = 1;
            if (unlock) {
                st.setLong(index++, key);
            }
            for (String value : values) {
                st.setString(index++, value);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void setting(List<String> columns, List<String> values, String name, String previous) {
        if (previous != null) {
            columns.add("set_config('" + name + "', ?, false)");
            values.add(previous);
        }
    }
}
