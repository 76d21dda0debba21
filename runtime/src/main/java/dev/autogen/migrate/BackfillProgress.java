package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How far a revision that holds a backfill got, in {@link VersionTables#BACKFILL_PROGRESS}: one row per part of the
 * revision ({@link SplitRevision}) keyed by revision and the index of the part's first operation. A part of plain
 * statements has a row once it committed; a backfill's row holds the last primary key done (as text) and the rows
 * done, written in the same transaction as each batch, so the row and the data never disagree. The revision's rows
 * are deleted in the transaction that records the revision as applied.
 */
final class BackfillProgress {
    private static final String TABLE = quoteIdentifier(VersionTables.BACKFILL_PROGRESS);
    private static final String REVISION = quoteIdentifier("revision");
    private static final String INDEX = quoteIdentifier("op_index");

    /** One part's row: the last key done (null before the first batch), the rows done, whether the part ended. */
    record Entry(String lastKey, long rowsDone, boolean finished) {
        static final Entry NONE = new Entry(null, 0, false);
    }

    /** Creates the table when it is missing (in autocommit, before the revision's first part). */
    void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists " + TABLE + " (" + REVISION + " varchar(64) not null, "
                    + INDEX + " integer not null, " + quoteIdentifier("last_key") + " varchar(1000), "
                    + quoteIdentifier("rows_done") + " bigint not null, " + quoteIdentifier("finished")
                    + " boolean not null, primary key (" + REVISION + ", " + INDEX + "))");
        }
    }

    /** The row of part {@code index} of {@code revision}, or {@link Entry#NONE}. */
    Entry read(Connection c, String revision, int index) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + quoteIdentifier("last_key") + ", "
                + quoteIdentifier("rows_done") + ", " + quoteIdentifier("finished") + " from " + TABLE + " where "
                + REVISION + " = ? and " + INDEX + " = ?")) {
            st.setString(1, revision);
            st.setInt(2, index);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new Entry(rs.getString(1), rs.getLong(2), rs.getBoolean(3)) : Entry.NONE;
            }
        }
    }

    /** Replaces the row of part {@code index} (inside the caller's transaction). */
    void save(Connection c, String revision, int index, Entry entry) throws SQLException {
        delete(c, revision, " and " + INDEX + " = ?", index);
        try (PreparedStatement st = c.prepareStatement("insert into " + TABLE + " (" + REVISION + ", " + INDEX + ", "
                + quoteIdentifier("last_key") + ", " + quoteIdentifier("rows_done") + ", "
                + quoteIdentifier("finished") + ") values (?, ?, ?, ?, ?)")) {
            st.setString(1, revision);
            st.setInt(2, index);
            st.setString(3, entry.lastKey());
            st.setLong(4, entry.rowsDone());
            st.setBoolean(5, entry.finished());
            st.executeUpdate();
        }
    }

    /** Deletes every row of {@code revision} (in the transaction that records it as applied or reverted). */
    void clear(Connection c, String revision) throws SQLException {
        delete(c, revision, "", null);
    }

    private static void delete(Connection c, String revision, String andIndex, Integer index) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from " + TABLE + " where " + REVISION + " = ?"
                + andIndex)) {
            st.setString(1, revision);
            if (index != null) {
                st.setInt(2, index);
            }
            st.executeUpdate();
        }
    }
}
