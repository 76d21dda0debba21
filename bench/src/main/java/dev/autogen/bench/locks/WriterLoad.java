package dev.autogen.bench.locks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's steady write traffic while a migration runs: {@code threads} JDBC connections, each in a loop of
 * an insert into {@code accounts}, an update of a random account's {@code amount} and an insert into
 * {@code payments}, autocommit, as fast as the server answers. Every statement's start and duration are kept, so a
 * migration step's effect on the writers is read off afterwards ({@link #during}); the successful writes are
 * counted, so the rows afterwards can be checked against them (nothing lost, nothing doubled).
 *
 * <p>The values written satisfy every constraint the steps add (unique e-mails, existing accounts, non-negative
 * amounts, a status), so a writer statement fails only if the migration breaks the application.
 */
final class WriterLoad implements AutoCloseable {
    private final List<Writer> writers = new ArrayList<>();
    private final AtomicLong nextAccount;
    private final long existingAccounts;
    private volatile boolean running = true;

    WriterLoad(String url, int threads, long existingAccounts) throws SQLException {
        this.existingAccounts = existingAccounts;
        this.nextAccount = new AtomicLong(existingAccounts + 1);
        for (int i = 0; i < threads; i++) {
            writers.add(new Writer(DriverManager.getConnection(url)));
        }
        writers.forEach(writer -> writer.thread.start());
    }

    /** Latencies of the writer statements that were running at any moment between the two instants. */
    Latencies during(long fromNanos, long toNanos) {
        List<Long> durations = new ArrayList<>();
        for (Writer writer : writers) {
            synchronized (writer) {
                for (int i = 0; i < writer.count; i++) {
                    long start = writer.starts[i];
                    long end = start + writer.durations[i];
                    if (start < toNanos && end > fromNanos) {
                        durations.add(writer.durations[i]);
                    }
                }
            }
        }
        return Latencies.of(durations);
    }

    long insertedAccounts() {
        return writers.stream().mapToLong(w -> w.insertedAccounts).sum();
    }

    long amountUpdates() {
        return writers.stream().mapToLong(w -> w.updates).sum();
    }

    long insertedPayments() {
        return writers.stream().mapToLong(w -> w.insertedPayments).sum();
    }

    /** Writer statements that failed; the first failure's message, or null. */
    String firstFailure() {
        return writers.stream().map(w -> w.failure).filter(f -> f != null).findFirst().orElse(null);
    }

    long failures() {
        return writers.stream().mapToLong(w -> w.failures).sum();
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        running = false;
        for (Writer writer : writers) {
            writer.thread.join();
            writer.connection.close();
        }
    }

    private final class Writer implements Runnable {
        private final Connection connection;
        private final Thread thread = new Thread(this, "writer");
        private long[] starts = new long[1 << 16];
        private long[] durations = new long[1 << 16];
        private int count;
        private long insertedAccounts;
        private long updates;
        private long insertedPayments;
        private long failures;
        private String failure;

        Writer(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            try (PreparedStatement insert = connection.prepareStatement("insert into accounts (id, owner_id, email,"
                    + " status, amount) values (?, ?, ?, 'active', 100)");
                 PreparedStatement update = connection.prepareStatement(
                         "update accounts set amount = amount + 1 where id = ?");
                 PreparedStatement pay = connection.prepareStatement(
                         "insert into payments (account_id, amount) values (?, 1)")) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; running; i++) {
                    switch (i % 3) {
                        case 0 -> {
                            long id = nextAccount.getAndIncrement();
                            insert.setLong(1, id);
                            insert.setLong(2, id % 1000);
                            insert.setString(3, "w" + id + "@example.org");
                            if (timed(insert)) {
                                insertedAccounts++;
                            }
                        }
                        case 1 -> {
                            update.setLong(1, random.nextLong(1, existingAccounts + 1));
                            if (timed(update)) {
                                updates++;
                            }
                        }
                        default -> {
                            pay.setLong(1, random.nextLong(1, existingAccounts + 1));
                            if (timed(pay)) {
                                insertedPayments++;
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                failure = e.getMessage();
                failures++;
            }
        }

        private boolean timed(PreparedStatement statement) {
            long start = System.nanoTime();
            boolean ok;
            try {
                statement.executeUpdate();
                ok = true;
            } catch (SQLException e) {
                ok = false;
                failures++;
                if (failure == null) {
                    failure = e.getMessage();
                }
            }
            record(start, System.nanoTime() - start);
            return ok;
        }

        private synchronized void record(long start, long duration) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                durations = Arrays.copyOf(durations, count * 2);
            }
            starts[count] = start;
            durations[count] = duration;
            count++;
        }
    }
}
