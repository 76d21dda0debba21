package dev.autogen.migrate.history;

import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What the version tables say at the start of a run, read under the migration lock: the version rows and the history
 * (for the edited-revision check). On PostgreSQL both are one round trip (two statements sent together, two results):
 * a rollout over thousands of tenant schemas pays that per schema, so every round trip saved there is thousands saved.
 */
public record RecordedRevisions(List<String> current, List<HistoryEntry> history) {
    public RecordedRevisions {
        current = List.copyOf(current);
        history = List.copyOf(history);
    }

    /** Reads both tables, which are known to exist (created under the lock). */
    public static RecordedRevisions readExisting(VersionStore store, Connection c) throws SQLException {
        if (store.dialect() != Dialect.POSTGRESQL) {
            return new RecordedRevisions(store.currentOfExisting(c), store.historyOfExisting(c));
        }
        try (Statement st = c.createStatement()) {
            if (!st.execute(String.join("; ", readSql(store)))) {
                throw new SQLException("reading the version tables returned no rows");
            }
            return readFrom(store, st);
        }
    }

    /** PostgreSQL: the two statements that read both tables, to be sent together ({@link #readFrom}). */
    public static List<String> readSql(VersionStore store) {
        return List.of(store.currentSql(), store.historySql());
    }

    /** The results of {@link #readSql}'s statements: {@code st}'s current result and the one after it. */
    public static RecordedRevisions readFrom(VersionStore store, Statement st) throws SQLException {
        List<String> current;
        try (ResultSet rs = st.getResultSet()) {
            if (rs == null) {
                throw new SQLException("reading the version tables returned no rows");
            }
            current = VersionStore.currentRows(rs);
        }
        if (!st.getMoreResults()) {
            throw new SQLException("reading the version tables returned no history");
        }
        try (ResultSet rs = st.getResultSet()) {
            return new RecordedRevisions(current, store.historyRows(rs));
        }
    }
}
