package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The steps of an online revision already done ({@code autogen_online_steps}, PostgreSQL only). A step's row is
 * written in the step's own transaction (right after it, for a step that runs in autocommit), so a run killed
 * half-way leaves exactly the finished steps recorded and the next run skips them; the rows go when the revision is
 * recorded. The table is created by the first online revision, not with the version tables: databases that never
 * run an online plan, and offline scripts, do not get it.
 */
final class OnlineProgress {
    private static final String TABLE = quoteIdentifier(VersionTables.ONLINE_STEPS);

    private OnlineProgress() {
    }

    static void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists " + TABLE + " (revision varchar(64) not null,"
                    + " direction varchar(16) not null, step integer not null, statement text not null,"
                    + " done_at timestamp with time zone not null default now(),"
                    + " primary key (revision, direction, step))");
        }
    }

    /** The numbers of the steps of {@code revision} in {@code direction} done by earlier runs. */
    static Set<Integer> done(Connection c, String revision, String direction) throws SQLException {
        Set<Integer> done = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("select step from " + TABLE
                + " where revision = ? and direction = ?")) {
            st.setString(1, revision);
            st.setString(2, direction);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    done.add(rs.getInt(1));
                }
            }
        }
        return done;
    }

    static void record(Connection c, String revision, String direction, int step, String statement)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into " + TABLE
                + " (revision, direction, step, statement) values (?, ?, ?, ?)")) {
            st.setString(1, revision);
            st.setString(2, direction);
            st.setInt(3, step);
            st.setString(4, statement);
            st.executeUpdate();
        }
    }

    /** Forgets the steps of a revision once it is recorded (in the same transaction). */
    static void clear(Connection c, String revision, String direction) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from " + TABLE
                + " where revision = ? and direction = ?")) {
            st.setString(1, revision);
            st.setString(2, direction);
            st.executeUpdate();
        }
    }
}
