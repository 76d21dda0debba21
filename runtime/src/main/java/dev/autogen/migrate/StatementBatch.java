package dev.autogen.migrate;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The DDL statements of a PostgreSQL revision's schema operations, sent in one round trip (a JDBC batch: pgjdbc sends
 * them together and reads the results once) rather than one round trip each: a revision of a few DDL statements
 * otherwise spends much of its time waiting on the network. Only statements rendered from schema operations are
 * batched (they return no rows); a migration's raw SQL may be a query or several statements in one string, and runs
 * on its own ({@link RevisionRunner}).
 */
final class StatementBatch {
    private StatementBatch() {
    }

    /**
     * Runs {@code statements} (none, one, or several in one round trip). A failure is a {@link StatementFailure} naming
     * the statement that failed, with the database's own error.
     */
    static void execute(Connection c, List<String> statements) throws SQLException {
        if (statements.size() == 1) {
            try (Statement st = c.createStatement()) {
                st.execute(statements.get(0));
            } catch (SQLException e) {
                throw new StatementFailure(statements.get(0), e);
            }
        } else if (statements.size() > 1) {
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.addBatch(sql);
                }
                st.executeBatch();
            } catch (BatchUpdateException e) {
                int index = failedEntry(e, statements.size());
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                throw new StatementFailure(index >= 0 ? statements.get(index)
                        : "one of: " + String.join("; ", statements), cause);
            }
        }
    }

    private static final Pattern BATCH_ENTRY = Pattern.compile("^Batch entry (\\d+) ");

    /**
     * Which statement of a failed batch failed, or -1 when the driver does not say. The update counts say it when they
     * stop at the failure; inside a transaction pgjdbc marks every entry failed (all are rolled back) and says it only
     * in its message ({@code Batch entry 1 ... was aborted}).
     */
    static int failedEntry(BatchUpdateException e, int size) {
        int[] counts = e.getUpdateCounts();
        if (counts != null && counts.length < size) {
            return counts.length;
        }
        if (counts != null && counts.length > 0 && counts[0] != Statement.EXECUTE_FAILED) {
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return i;
                }
            }
        }
        var matcher = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            return index < size ? index : -1;
        }
        return -1;
    }

    /** The database's error for one statement of a batch, and which statement it was. */
    static final class StatementFailure extends SQLException {
        private final String statement;

        StatementFailure(String statement, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.statement = statement;
        }

        String statement() {
            return statement;
        }
    }
}
