package dev.autogen.migrate.fleet;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.GivenBackConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The connections of one target line, kept open between its targets: a rollout over a thousand tenant schemas of one
 * server would otherwise open (TCP, authentication, session start-up) a thousand connections, one per schema, which
 * is most of a small revision's cost. A connection handed out is a proxy whose {@code close()} gives it back, clean:
 * an open transaction is rolled back and autocommit restored (the migrator already restores {@code search_path} and
 * releases its advisory lock before closing); a connection that failed that is closed for good. {@link #closeAll}
 * closes the idle ones at the end of the rollout.
 */
final class ReusedConnections implements ConnectionFactory {
    private final ConnectionFactory raw;
    private final Deque<Connection> idle = new ArrayDeque<>();

    ReusedConnections(ConnectionFactory raw) {
        this.raw = raw;
    }

    @Override
    public Connection open() throws SQLException {
        Connection c;
        synchronized (idle) {
            c = idle.poll();
        }
        Connection real = c != null ? c : raw.open();
        return GivenBackConnection.of(real, this::giveBack);
    }

    private void giveBack(Connection real) throws SQLException {
        try {
            if (real.isClosed()) {
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            real.close();
            return;
        }
        synchronized (idle) {
            idle.push(real);
        }
    }

    void closeAll() {
        synchronized (idle) {
            for (Connection c : idle) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing for good: nothing is left to do with it
                }
            }
            idle.clear();
        }
    }
}
