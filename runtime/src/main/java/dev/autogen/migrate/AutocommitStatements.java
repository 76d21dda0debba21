package dev.autogen.migrate;

import static dev.autogen.sql.DdlRenderer.quoteIdentifier;

import dev.autogen.sql.postgres.PostgresNonTransactional;
import dev.autogen.sql.postgres.PostgresNonTransactional.ConcurrentIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a PostgreSQL revision whose statements cannot run inside a transaction ({@code CREATE INDEX CONCURRENTLY} and
 * its kin), one statement at a time in autocommit, under the session {@code lock_timeout} and
 * {@code statement_timeout} of {@link MigrationTimeouts} (the previous values are restored afterwards).
 *
 * <p>Such a revision is not atomic: when it fails or its process is killed, the statements before stay applied and the
 * revision is not recorded, so the next run starts it again. That run must be able to finish, so each concurrent index
 * statement first looks at the index it names: an INVALID index (what an interrupted {@code CREATE INDEX
 * CONCURRENTLY} leaves) is dropped and built again; a valid one (built by the earlier run) is kept and its statement
 * skipped; a {@code DROP INDEX CONCURRENTLY} of an index already gone is skipped. Each of those decisions is reported
 * to the listener.
 */
final class AutocommitStatements {
    private final MigrationTimeouts timeouts;
    private final Consumer<String> listener;
    private String previousLockTimeout;
    private String previousStatementTimeout;

    AutocommitStatements(MigrationTimeouts timeouts, Consumer<String> listener) {
        this.timeouts = timeouts;
        this.listener = listener;
    }

    /** Sets the session timeouts; {@link #end} restores them. */
    void begin(Connection c) throws SQLException {
        previousLockTimeout = PostgresSessionSettings.get(c, "lock_timeout");
        previousStatementTimeout = PostgresSessionSettings.get(c, "statement_timeout");
        PostgresSessionSettings.set(c, "lock_timeout", MigrationTimeouts.setting(timeouts.lockTimeout()));
        PostgresSessionSettings.set(c, "statement_timeout", MigrationTimeouts.setting(timeouts.statementTimeout()));
    }

    void end(Connection c) throws SQLException {
        if (previousLockTimeout != null) {
            PostgresSessionSettings.set(c, "lock_timeout", previousLockTimeout);
            PostgresSessionSettings.set(c, "statement_timeout", previousStatementTimeout);
        }
    }

    /** Executes one statement, after settling what an earlier interrupted run left of the index it names. */
    void execute(Connection c, String sql) throws SQLException {
        Optional<ConcurrentIndex> index = PostgresNonTransactional.concurrentIndex(sql);
        if (index.isPresent() && !index.get().ifClause()) {
            ConcurrentIndex ix = index.get();
            Boolean valid = validity(c, ix);
            if (ix.create() && Boolean.TRUE.equals(valid)) {
                listener.accept("index " + ix.name() + " already exists and is valid (an earlier run of this revision"
                        + " built it): skipped " + oneLine(sql));
                return;
            }
            if (ix.create() && Boolean.FALSE.equals(valid)) {
                listener.accept("index " + ix.name() + " is INVALID (an earlier run of this revision was interrupted"
                        + " while building it): dropping it and building it again");
                run(c, "drop index concurrently if exists " + qualified(ix));
            }
            if (!ix.create() && valid == null) {
                listener.accept("index " + ix.name() + " does not exist (an earlier run of this revision dropped it):"
                        + " skipped " + oneLine(sql));
                return;
            }
        }
        run(c, sql);
    }

    /**
     * What a failure of {@code sql} left behind, as the end of the error message: the statements before it stayed, and
     * an INVALID index is named with what to do about it.
     */
    String aftermath(Connection c, String sql) {
        String kept = " — this revision runs outside a transaction (it has statements PostgreSQL cannot run inside"
                + " one), so its statements before this one stayed applied";
        Optional<ConcurrentIndex> index =
                sql == null ? Optional.empty() : PostgresNonTransactional.concurrentIndex(sql);
        if (index.isPresent() && index.get().create()) {
            try {
                if (Boolean.FALSE.equals(validity(c, index.get()))) {
                    return kept + "; index " + index.get().name() + " was left INVALID: run the upgrade again to drop"
                            + " and build it again (raise the timeouts if one of them ended it)";
                }
            } catch (SQLException e) {
                // the connection is gone; the generic advice below still holds
            }
        }
        return kept + "; run the upgrade again once the cause is fixed: it finishes what is left";
    }

    /** True for a valid index, false for an INVALID one, null when there is no index of that name. */
    private static Boolean validity(Connection c, ConcurrentIndex ix) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select i.indisvalid from pg_index i"
                + " join pg_class x on x.oid = i.indexrelid join pg_namespace n on n.oid = x.relnamespace"
                + " where x.relname = ? and n.nspname = coalesce(?, current_schema())")) {
            st.setString(1, ix.name());
            st.setString(2, ix.schema());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static String qualified(ConcurrentIndex ix) {
        return (ix.schema() == null ? "" : quoteIdentifier(ix.schema()) + ".") + quoteIdentifier(ix.name());
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
