package dev.autogen.migrate;

import dev.autogen.op.Backfill;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Runs one {@link Backfill} as keyset batches by primary key ({@link BackfillKey}): each batch finds the key of its
 * last row ({@code where key > :last and <where> order by key limit n}), updates the rows of that key range that
 * match the condition, and stores the new last key and the rows done ({@link BackfillProgress}) in the same
 * transaction. A run killed at any point therefore resumes after the last committed batch and never updates a row
 * twice. Each transaction first asks whether the revision is still this run's to apply ({@code stillOurs}), so a
 * runner that lost the race to another one (SQLite, whose lock is per transaction) stops instead of starting over.
 *
 * <p>Progress goes to the listener as plain lines ({@code backfill users: 20000 of 100000 rows, 5000 rows/s, 16 s
 * left}) at most once a second and at the end; the CLI draws them as a bar on a terminal.
 */
final class BackfillBatches {
    /** Whether the revision being split is still the one to run (read inside the batch's transaction). */
    @FunctionalInterface
    interface StillOurs {
        boolean check(Connection c) throws SQLException;
    }

    private final Dialect dialect;
    private final BackfillProgress progress;
    private final Consumer<String> listener;

    BackfillBatches(Dialect dialect, BackfillProgress progress, Consumer<String> listener) {
        this.dialect = dialect;
        this.progress = progress;
        this.listener = listener;
    }

    /** Runs backfill {@code op}, operation {@code index} of {@code revision}, to its end; false: another run has it. */
    boolean run(Connection c, LoadedMigration revision, int index, Backfill op, StillOurs stillOurs)
            throws SQLException {
        BackfillKey key = BackfillKey.of(c, dialect, op.table());
        String table = DdlRenderer.quoteTable(op.table());
        String condition = op.where() == null ? "" : " and (" + op.where() + ")";
        BackfillProgress.Entry start = progress.read(c, revision.id(), index);
        if (start.finished()) {
            return true;
        }
        long total = start.rowsDone() + count(c, table, key, start.lastKey(), condition);
        long started = System.nanoTime();
        long lastLine = 0;
        String label = "backfill " + op.table();
        while (true) {
            begin(c);
            try {
                if (!stillOurs.check(c)) {
                    rollback(c);
                    return false;
                }
                BackfillProgress.Entry done = progress.read(c, revision.id(), index);
                String upper = upperKey(c, table, key, done.lastKey(), condition, op.batchSize());
                BackfillProgress.Entry next = upper == null
                        ? new BackfillProgress.Entry(done.lastKey(), done.rowsDone(), true)
                        : new BackfillProgress.Entry(upper, done.rowsDone()
                                + update(c, table, key, op.set(), done.lastKey(), upper, condition), false);
                progress.save(c, revision.id(), index, next);
                commit(c);
                long now = System.nanoTime();
                if (next.finished() || now - lastLine >= 1_000_000_000L) {
                    lastLine = now;
                    listener.accept(line(label, next.rowsDone() - start.rowsDone(), next.rowsDone(),
                            Math.max(total, next.rowsDone()), now - started));
                }
                if (next.finished()) {
                    return true;
                }
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        }
    }

    /** {@code backfill users: 20000 of 100000 rows, 5000 rows/s, 16 s left}. */
    static String line(String label, long rowsThisRun, long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        long rate = Math.round(rowsThisRun / seconds);
        String left = rate == 0 ? "" : ", " + Math.round((total - done) / (double) rate) + " s left";
        return label + ": " + done + " of " + total + " rows, " + rate + " rows/s" + left;
    }

    private long count(Connection c, String table, BackfillKey key, String after, String condition)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from " + table + " where "
                + (after == null ? "1 = 1" : key.after()) + condition)) {
            if (after != null) {
                st.setString(1, after);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The key of the last row of the next batch, or null when no row is left. */
    private static String upperKey(Connection c, String table, BackfillKey key, String after, String condition,
                                   int batchSize) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select s.k from (select " + key.expression() + " as k from "
                + table + " where " + (after == null ? "1 = 1" : key.after()) + condition + " order by "
                + key.expression() + " limit " + batchSize + ") s order by s.k desc limit 1")) {
            if (after != null) {
                st.setString(1, after);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long update(Connection c, String table, BackfillKey key, String set, String after, String upper,
                               String condition) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update " + table + " set " + set + " where "
                + (after == null ? "" : key.after() + " and ") + key.upTo() + condition)) {
            int i = 1;
            if (after != null) {
                st.setString(i++, after);
            }
            st.setString(i, upper);
            return st.executeUpdate();
        }
    }

    private void begin(Connection c) throws SQLException {
        switch (dialect) {
            case POSTGRESQL, MARIADB -> c.setAutoCommit(false);
            case SQLITE -> execute(c, "BEGIN IMMEDIATE");
        }
    }

    private void commit(Connection c) throws SQLException {
        switch (dialect) {
            case POSTGRESQL, MARIADB -> {
                c.commit();
                c.setAutoCommit(true);
            }
            case SQLITE -> execute(c, "COMMIT");
        }
    }

    private void rollback(Connection c) {
        try {
            switch (dialect) {
                case POSTGRESQL, MARIADB -> {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                case SQLITE -> execute(c, "ROLLBACK");
            }
        } catch (SQLException e) {
            // no transaction was open, or the connection is broken: the caller reports the original failure
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
