package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code autogen_statement_journal} (MariaDB only): the completed statements of a revision that is under way or that
 * stopped half-way. MariaDB commits every DDL statement on its own, so a failing revision leaves its earlier statements
 * applied; the journal says exactly which, so that {@code upgrade} resumes after them (once their text, compared by
 * hash, is unchanged) and {@code downgrade} reverts only them. A statement's row is written right after it, in the
 * transaction that follows its implicit commit (for a data statement, in its own transaction); the rows of a revision
 * go in the transaction that writes its version row. Identifiers are quoted as the version tables' are; the values are
 * bound parameters.
 */
final class StatementJournal {
    private static final String TABLE = quoteIdentifier(VersionTables.STATEMENT_JOURNAL);
    private static final int FIRST_LINE_LENGTH = 200;

    /** One completed statement: its place in the revision (from 1), the hash of its text and its first line. */
    record Entry(String revision, String direction, int ordinal, String hash, String firstLine) {
    }

    private StatementJournal() {
    }

    static void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists " + TABLE + " (" + quoteIdentifier("revision")
                    + " varchar(64) not null, " + quoteIdentifier("direction") + " varchar(16) not null, "
                    + quoteIdentifier("ordinal") + " integer not null, " + quoteIdentifier("statement_hash")
                    + " char(64) not null, " + quoteIdentifier("first_line") + " varchar(" + FIRST_LINE_LENGTH
                    + ") not null, " + quoteIdentifier("done_at") + " datetime(6) not null default current_timestamp(6),"
                    + " primary key (" + quoteIdentifier("revision") + ", " + quoteIdentifier("direction") + ", "
                    + quoteIdentifier("ordinal") + ")) default character set utf8mb4");
        }
    }

    /** Every row, by revision, direction and ordinal: the half-run revisions (usually none, at most one). */
    static List<Entry> all(Connection c) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select "
                + quoteIdentifier("revision") + ", " + quoteIdentifier("direction") + ", " + quoteIdentifier("ordinal")
                + ", " + quoteIdentifier("statement_hash") + ", " + quoteIdentifier("first_line") + " from " + TABLE
                + " order by 1, 2, 3")) {
            while (rs.next()) {
                entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return List.copyOf(entries);
    }

    /** The completed statements of {@code revision} in {@code direction}, by ordinal. */
    static List<Entry> of(Connection c, String revision, String direction) throws SQLException {
        return all(c).stream().filter(e -> e.revision().equals(revision) && e.direction().equals(direction)).toList();
    }

    static void record(Connection c, String revision, String direction, int ordinal, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into " + TABLE + " (" + quoteIdentifier("revision")
                + ", " + quoteIdentifier("direction") + ", " + quoteIdentifier("ordinal") + ", "
                + quoteIdentifier("statement_hash") + ", " + quoteIdentifier("first_line") + ") values (?, ?, ?, ?, ?)")) {
            st.setString(1, revision);
            st.setString(2, direction);
            st.setInt(3, ordinal);
            st.setString(4, hash(sql));
            st.setString(5, firstLine(sql));
            st.executeUpdate();
        }
    }

    /** Forgets the statements of {@code revision} in {@code direction} from {@code fromOrdinal} on. */
    static void clear(Connection c, String revision, String direction, int fromOrdinal) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from " + TABLE + " where "
                + quoteIdentifier("revision") + " = ? and " + quoteIdentifier("direction") + " = ? and "
                + quoteIdentifier("ordinal") + " >= ?")) {
            st.setString(1, revision);
            st.setString(2, direction);
            st.setInt(3, fromOrdinal);
            st.executeUpdate();
        }
    }

    /** The SHA-256 of a statement's text, in hex: what a resumed run compares with the statement it would skip. */
    static String hash(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The statement's first non-blank line, shortened to fit the column: what reports name it by. */
    static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("").strip();
        return line.length() <= FIRST_LINE_LENGTH ? line : line.substring(0, FIRST_LINE_LENGTH - 3) + "...";
    }
}
