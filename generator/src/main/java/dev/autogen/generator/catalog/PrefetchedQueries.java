package dev.autogen.generator.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The later queries of a PostgreSQL catalog read, sent on a second connection by a thread of their own while the
 * reader's connection runs the first ones: at thousands of tables the read is half the server executing a query and
 * half this JVM turning its rows into tables, one after the other, and a no-op {@code check} waits for it (N = 5 000:
 * about 0.7 s, the longest step of a warm check). The driver buffers a whole result set before
 * {@code executeQuery} returns, so the rows wait here, unread, and the reader consumes them afterwards in its usual
 * order: the schema it builds is the one a single connection reads. Each query was already its own snapshot
 * (autocommit), so the second connection changes no consistency.
 */
final class PrefetchedQueries implements AutoCloseable {
    /** One query to send: its text, and whether it takes the other schemas as its second parameter. */
    record Query(String sql, boolean withOthers) {
    }

    /** The sent queries, in order, and the connection they hold open until {@link #close()}. */
    private record Sent(Connection connection, List<PreparedStatement> statements, List<ResultSet> results) {
    }

    private final List<Query> queries;
    private final FutureTask<Sent> task;
    private final Thread thread;
    private Sent sent;
    private boolean awaited;

    private PrefetchedQueries(List<Query> queries, FutureTask<Sent> task, Thread thread) {
        this.queries = queries;
        this.task = task;
        this.thread = thread;
    }

    /** Starts sending {@code queries} on a connection of {@code more}. */
    static PrefetchedQueries start(CatalogReader.Connections more, List<Query> queries, String schemaName,
                                   Set<String> otherSchemas) {
        FutureTask<Sent> task = new FutureTask<>(() -> send(more, queries, schemaName, otherSchemas));
        Thread thread = new Thread(task, "autogen-catalog-2");
        thread.setDaemon(true);
        thread.start();
        return new PrefetchedQueries(List.copyOf(queries), task, thread);
    }

    private static Sent send(CatalogReader.Connections more, List<Query> queries, String schemaName,
                             Set<String> otherSchemas) throws SQLException {
        Connection connection;
        try {
            connection = more.open();
        } catch (SQLException e) {
            // no second connection (a server at its max_connections): the reader sends these on its own
            return null;
        }
        Sent sent = new Sent(connection, new ArrayList<>(), new ArrayList<>());
        try {
            Array others = sent.connection().createArrayOf("text", new TreeSet<>(otherSchemas).toArray());
            for (Query query : queries) {
                PreparedStatement statement = sent.connection().prepareStatement(query.sql());
                sent.statements().add(statement);
                statement.setString(1, schemaName);
                if (query.withOthers()) {
                    statement.setArray(2, others);
                }
                sent.results().add(statement.executeQuery());
            }
            return sent;
        } catch (SQLException | RuntimeException e) {
            closeAll(sent);
            throw e;
        }
    }

    /**
     * The rows of {@code sql} (one of the queries sent), once they are all here, or null when no second connection
     * could be opened (the caller then sends it itself); an error of a query is thrown.
     */
    ResultSet result(String sql) throws SQLException {
        if (!awaited) {
            sent = await();
            awaited = true;
        }
        if (sent == null) {
            return null;
        }
        for (int i = 0; i < queries.size(); i++) {
            if (queries.get(i).sql().equals(sql)) {
                return sent.results().get(i);
            }
        }
        throw new IllegalArgumentException("not a prefetched query: " + sql);
    }

    private Sent await() throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the catalog", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException(cause);
        }
    }

    /** Waits for the thread (none outlives the read) and closes what it opened, read or not. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (sent == null && task.isDone()) {
            try {
                sent = task.get();
            } catch (InterruptedException | ExecutionException e) {
                return; // the send failed and closed what it had opened
            }
        }
        if (sent != null) {
            closeAll(sent);
        }
    }

    private static void closeAll(Sent sent) {
        for (ResultSet rs : sent.results()) {
            try {
                rs.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with it
            }
        }
        for (PreparedStatement statement : sent.statements()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with it
            }
        }
        try {
            sent.connection().close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }
}
