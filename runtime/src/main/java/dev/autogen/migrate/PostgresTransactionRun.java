package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.migrate.MigrationLock.PostgresAdvisoryLock;
import dev.autogen.migrate.history.RecordedRevisions;
import dev.autogen.migrate.history.VersionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL with the advisory lock, for a run that fits in one transaction: at most one revision, all of it run
 * inside that transaction (the common case of a fleet rollout, one new revision per tenant schema, where the
 * rollout's summary query saw both version tables). A tenant schema then costs two round trips, as against three on
 * the session lock ({@link PostgresRunSession}) and one for a script that checks nothing before it writes:
 *
 * <ol>
 *   <li>{@link #start}: the transaction opened, {@code search_path} set to exactly the schema and
 *       {@code client_connection_check_interval} set ({@link PostgresAdvisoryLock} says why), both for the
 *       transaction only ({@code set_config(..., true)}); the schema's lock tried for the transaction
 *       ({@code pg_try_advisory_xact_lock} of {@link PostgresAdvisoryLock#KEY_SQL}, the same key a session lock
 *       takes, so the two lock each other out); both version tables read. The caller checks what they say (the
 *       version rows, the recorded checksums) before anything is written, as on every other path.</li>
 *   <li>The revision's own batch (its DDL, the version and history rows, {@code commit}), sent by
 *       {@link RevisionRunner}.</li>
 * </ol>
 *
 * Nothing is left to undo: the commit (or a rollback on failure) ends the lock and puts the settings back, whatever
 * happened, so a connection that belongs to an application's pool goes back as it came. {@code synchronous_commit}
 * is left as the session has it: one transaction, one commit, durable when it returns.
 *
 * <p>When the lock is busy, or the set-up fails (the schema or the version tables are missing), {@link #start} rolls
 * back and returns null; when the run needs more than one transaction, {@link RevisionRunner} throws
 * {@link LongerThanOneTransaction} before anything is written. Either way {@link MigrationSessions} takes the session
 * lock's path next, which waits, creates and reports as before.
 */
final class PostgresTransactionRun {
    private PostgresTransactionRun() {
    }

    /**
     * Opens the run's transaction, sets the session up for it, takes the lock and reads the version tables in one
     * round trip; null, with the transaction rolled back and autocommit on, when the lock or the set-up could not be
     * had.
     *
     * @param schema the schema to work in, or null for the session's own {@code search_path}
     * @throws SQLException only when rolling back a failed attempt failed too (the connection is then unusable)
     */
    static RecordedRevisions start(Connection c, String schema, VersionStore store) throws SQLException {
        boolean detect = c.getMetaData().getDatabaseMajorVersion() >= 14;
        c.setAutoCommit(true); // as on the other paths: a lent connection's open transaction ends here, not in ours
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement(sql(schema, store, detect))) {
            if (schema != null) {
                st.setString(1, quoteIdentifier(schema));
            }
            st.execute();
            if (schema != null) {
                st.getMoreResults();
            }
            boolean locked;
            try (ResultSet lock = st.getResultSet()) {
                locked = lock != null && lock.next() && lock.getBoolean(1);
            }
            if (locked) {
                st.getMoreResults();
                return RecordedRevisions.readFrom(store, st);
            }
        } catch (SQLException e) {
            // rolled back below: the lock, if had, and the settings end with the transaction
        }
        end(c);
        return null;
    }

    private static String sql(String schema, VersionStore store, boolean detect) {
        // no row when the schema does not exist (current_schema() is then null): not locked
        return (schema == null ? "" : "select set_config('search_path', ?, true); ")
                + "select pg_try_advisory_xact_lock(k)" + (detect
                ? ", set_config('client_connection_check_interval', '1000', true)" : "") + " from (select "
                + PostgresAdvisoryLock.KEY_SQL + " as k" + (schema == null ? "" : " where current_schema() is not null")
                + " offset 0) key; " + String.join("; ", RecordedRevisions.readSql(store));
    }

    /**
     * Ends the run: rolls back a transaction still open (a run that found nothing to do, or failed before its batch;
     * the revision's own batch commits) and turns autocommit back on.
     */
    static void end(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
