package dev.autogen.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: commits each revision of a run without waiting for its WAL to reach the disk, then makes the whole run
 * durable once at its end.
 *
 * <p>Why: one transaction per revision means one WAL flush (an {@code fsync}) per revision, and on an ordinary disk
 * that flush, not the DDL, is most of the time of a long chain of small revisions (1 000 one-table revisions: ~37 ms
 * a revision waiting for the disk, where {@code psql -1} of the same DDL flushes once). With
 * {@code synchronous_commit = off} for the migrator's session, each revision's commit is still atomic (it commits or
 * not as a whole, version and history rows included) and visible at once; only its durability is deferred. At the end
 * of the run the session's own setting is restored and a transaction that takes a transaction id is committed, which
 * waits until the WAL up to it, and therefore every revision committed before it, is flushed (and, with
 * {@code remote_apply} or a synchronous standby, replicated as configured). So when {@code upgrade} returns or throws,
 * everything it reports applied is as durable as before. If the server itself crashes during the run, it recovers to a
 * consistent earlier revision (WAL is replayed in order, a transaction whole or not at all): the rows of the last
 * revisions committed may be lost with their DDL, and the next {@code upgrade} applies them again, as after a killed
 * runner.
 */
final class AsynchronousCommits {
    private static final String SETTING = "synchronous_commit";

    /** The session's own value, restored at the end; null when it was already {@code off} (nothing to do). */
    private final String previous;

    private AsynchronousCommits(String previous) {
        this.previous = previous;
    }

    /** Turns synchronous commit off for the session, unless it already is. */
    static AsynchronousCommits begin(Connection c) throws SQLException {
        String previous = PostgresSessionSettings.swap(c, SETTING, "off");
        return new AsynchronousCommits(previous.equals("off") ? null : previous);
    }

    /**
     * {@link #begin} after {@code statements} (constant DDL that returns no rows, e.g. the version tables' {@code create
     * table if not exists}), all sent in one round trip.
     */
    static AsynchronousCommits beginAfter(Connection c, List<String> statements) throws SQLException {
        String sql = String.join("; ", statements) + "; select current_setting('" + SETTING + "'), set_config('"
                + SETTING + "', 'off', false)";
        try (Statement st = c.createStatement()) {
            boolean rows = st.execute(sql);
            while (rows || st.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = st.getResultSet()) {
                        rs.next();
                        String previous = rs.getString(1);
                        return new AsynchronousCommits(previous.equals("off") ? null : previous);
                    }
                }
                rows = st.getMoreResults();
            }
        }
        throw new SQLException("setting " + SETTING + " returned no row");
    }

    /** Restores the session's setting and waits until everything committed so far is durable (autocommit mode). */
    void end(Connection c) throws SQLException {
        if (previous == null) {
            return;
        }
        // one statement: its transaction commits under the restored setting, so it waits for the WAL flush
        try (PreparedStatement st = c.prepareStatement("select set_config(?, ?, false), txid_current()")) {
            st.setString(1, SETTING);
            st.setString(2, previous);
            st.executeQuery().close();
        }
    }
}
