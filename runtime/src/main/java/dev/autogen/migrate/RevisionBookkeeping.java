package dev.autogen.migrate;

import dev.autogen.migrate.history.VersionStore;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * What one revision writes besides its own changes: the {@code autogen_version} rows moved from {@code before} to
 * {@code after} and its history row. On PostgreSQL it is offered as one inline statement for the revision's DDL batch
 * ({@link #inlineSql}); elsewhere it is written with prepared statements. {@code onWritten} tells the migrator's cached
 * version rows what the revision will have written once it commits.
 */
record RevisionBookkeeping(VersionStore store, Dialect dialect, List<String> before, List<String> after,
        String revision, String direction, String checksum, Clock clock, String appliedBy, Runnable onWritten)
        implements RevisionRunner.Bookkeeping {

    @Override
    public void write(Connection c, long durationMs) throws SQLException {
        store.moveHeadsAndRecord(c, before, after, revision, direction, checksum, clock.instant(), appliedBy,
                durationMs);
        written();
    }

    @Override
    public String inlineSql() {
        return dialect == Dialect.POSTGRESQL
                ? store.moveHeadsAndRecordSql(before, after, revision, direction, checksum, clock.instant(), appliedBy)
                : null;
    }

    @Override
    public void written() {
        onWritten.run();
    }
}
