package dev.autogen.generator.project;

import dev.autogen.migrate.ConnectionFactory;
import dev.autogen.migrate.GivenBackConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL connections kept open between checks, in the check daemon only ({@link #keepFor}; off everywhere else).
 * A new backend fills its catalog caches on first use: measured at 1 000 entities, the server spent 0.42–0.57 s of CPU
 * on a warm no-op check with three new connections and 0.10–0.14 s with three it had used before (the check itself
 * 0.32–0.49 s against 0.14–0.23 s), which makes the connections most of what is left of a check the daemon answers.
 *
 * <p>A connection handed back is made clean as a pool would make it: an open transaction rolled back, autocommit
 * restored, then {@code discard all} (session settings, prepared statements, temporary tables, advisory locks; the
 * driver forgets its prepared statements when it sees it); one that fails any of that is closed. One handed out again
 * is checked first ({@code isValid}). Idle connections are closed after the keep time (and all of them when the daemon
 * stops): while kept they count against the server's connection limit and make {@code drop database} of that
 * database fail, which docs/daemon.md says, with the way out.
 */
public final class KeptConnections {
    private static final Map<String, Deque<Idle>> IDLE = new HashMap<>();
    private static volatile Duration keep;

    private record Idle(Connection connection, long since) {
    }

    private KeptConnections() {
    }

    /** Keeps connections for {@code duration} from now on (null or zero: none, and closes the kept ones). */
    public static void keepFor(Duration duration) {
        keep = duration == null || duration.isZero() || duration.isNegative() ? null : duration;
        if (keep == null) {
            closeIdle(0);
        }
    }

    /** Closes every kept connection idle for longer than the keep time (all of them when keeping is off). */
    public static void closeExpired() {
        Duration current = keep;
        closeIdle(current == null ? 0 : current.toMillis());
    }

    /** {@code raw}, with its connections kept for the next check when keeping is on and the URL is PostgreSQL's. */
    static ConnectionFactory wrap(String url, String user, String password, ConnectionFactory raw) {
        if (keep == null || url == null || !url.startsWith("jdbc:postgresql:")) {
            return raw;
        }
        String key = url + '\0' + user + '\0' + password;
        return () -> {
            Connection reused = take(key);
            return handedOut(key, reused != null ? reused : raw.open());
        };
    }

    private static Connection take(String key) {
        while (true) {
            Idle idle;
            synchronized (IDLE) {
                Deque<Idle> kept = IDLE.get(key);
                idle = kept == null ? null : kept.pollFirst();
            }
            if (idle == null) {
                return null;
            }
            try {
                if (idle.connection().isValid(2)) {
                    return idle.connection();
                }
            } catch (SQLException e) {
                // closed below: the server went away, or the network
            }
            closeQuietly(idle.connection());
        }
    }

    private static Connection handedOut(String key, Connection real) {
        return GivenBackConnection.of(real, connection -> giveBack(key, connection));
    }

    private static void giveBack(String key, Connection real) {
        try {
            if (real.isClosed()) {
                return;
            }
            if (keep == null) {
                real.close();
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
            try (Statement statement = real.createStatement()) {
                statement.execute("discard all");
            }
        } catch (SQLException e) {
            closeQuietly(real);
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(new Idle(real, System.currentTimeMillis()));
        }
    }

    private static void closeIdle(long olderThanMillis) {
        List<Connection> closing = new ArrayList<>();
        long now = System.currentTimeMillis();
        synchronized (IDLE) {
            for (Deque<Idle> kept : IDLE.values()) {
                for (Iterator<Idle> it = kept.iterator(); it.hasNext(); ) {
                    Idle idle = it.next();
                    if (now - idle.since() >= olderThanMillis) {
                        it.remove();
                        closing.add(idle.connection());
                    }
                }
            }
            IDLE.values().removeIf(Deque::isEmpty);
        }
        closing.forEach(KeptConnections::closeQuietly);
    }

    /** How many connections are kept idle now (tests). */
    public static int idleCount() {
        synchronized (IDLE) {
            return IDLE.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // gone either way
        }
    }
}
