package dev.autogen.migrate;

import dev.autogen.op.Operation;
import dev.autogen.op.RunCallback;
import dev.autogen.schema.Schema;
import dev.autogen.sql.DdlRenderer;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one revision's operations in one transaction: render each operation against the schema just before it,
 * execute its statements, let the caller write its bookkeeping (version row, history row), commit; on any failure
 * roll back and say which revision and statement failed and what the database said.
 *
 * <p>SQLite turns foreign-key enforcement off around the transaction (a table rebuild drops and renames tables that
 * others reference; the pragma is a no-op inside a transaction, so it runs before), and checks every foreign key with
 * {@code PRAGMA foreign_key_check} before committing. Statements marked non-transactional (PostgreSQL's
 * {@code CREATE INDEX CONCURRENTLY}) commit what came before and run in autocommit, so such a revision is not atomic;
 * on SQLite every statement runs inside the transaction, because the only non-transactional SQLite statement a
 * renderer emits is the foreign-keys pragma this class already manages. A {@link RunCallback} (a migration's Java
 * step) runs on the same connection, inside the transaction, through {@link CallbackConnection}.
 */
final class RevisionRunner {
    /** Writes the version and history rows inside the revision's transaction, given its duration. */
    @FunctionalInterface
    interface Bookkeeping {
        void write(Connection c, long durationMs) throws SQLException;
    }

    private final Dialect dialect;
    private final DdlRenderer renderer;
    private final LiveSchema liveSchema;

    RevisionRunner(Dialect dialect, LiveSchema liveSchema) {
        this.dialect = dialect;
        this.renderer = DdlRenderer.forDialect(dialect);
        this.liveSchema = liveSchema;
    }

    /** Runs the operations and the bookkeeping; returns the duration in milliseconds. */
    long run(Connection c, LoadedMigration revision, List<Operation> operations, Bookkeeping bookkeeping) {
        boolean partlyCommitted = false;
        String current = null;
        try {
            if (dialect == Dialect.SQLITE) {
                execute(c, "PRAGMA foreign_keys=OFF");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            for (Operation operation : operations) {
                current = operation.toString();
                if (operation instanceof RunCallback callback) {
                    callback.callback().run(CallbackConnection.guard(c, callback.description()));
                    continue;
                }
                Schema before = dialect == Dialect.SQLITE ? liveSchema.read(c) : Schema.EMPTY;
                for (var statement : renderer.render(operation, before)) {
                    current = statement.sql();
                    if (!statement.transactional() && dialect == Dialect.POSTGRESQL) {
                        c.commit();
                        partlyCommitted = true;
                        c.setAutoCommit(true);
                        execute(c, statement.sql());
                        c.setAutoCommit(false);
                    } else {
                        execute(c, statement.sql());
                    }
                }
            }
            current = null;
            if (dialect == Dialect.SQLITE) {
                checkForeignKeys(c, revision);
            }
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            bookkeeping.write(c, durationMs);
            c.commit();
            return durationMs;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            if (e instanceof MigrationException m) {
                throw m;
            }
            throw new MigrationException(failure(revision, current, e, partlyCommitted), e);
        } finally {
            restore(c);
        }
    }

    private void checkForeignKeys(Connection c, LoadedMigration revision) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && violations.size() < 5) {
                violations.add(rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3));
            }
        }
        if (!violations.isEmpty()) {
            throw new MigrationException("revision " + label(revision) + " leaves rows whose foreign keys point"
                    + " nowhere (" + String.join(", ", violations)
                    + ") — nothing of it was applied; fix the data or the migration and run it again");
        }
    }

    private static String failure(LoadedMigration revision, String statement, Exception e, boolean partlyCommitted) {
        String cause = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
        String where = statement == null ? "" : " at statement: " + oneLine(statement) + ";";
        String what = e instanceof SQLException ? " database says: " : " error: ";
        String kept = partlyCommitted
                ? " — its non-transactional statements before the failure stayed applied; fix the migration and"
                        + " check the database"
                : " — nothing of it was applied; fix the migration and run it again";
        return "revision " + label(revision) + " failed" + where + what + cause + kept;
    }

    static String label(LoadedMigration revision) {
        return revision.message().isBlank() ? revision.id() : revision.id() + " (" + revision.message() + ")";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void restore(Connection c) {
        try {
            c.setAutoCommit(true);
            if (dialect == Dialect.SQLITE) {
                execute(c, "PRAGMA foreign_keys=ON");
            }
        } catch (SQLException e) {
            // the connection is broken; the caller closes it and the next run starts from a fresh one
        }
    }
}
