package dev.autogen.bench.locks;

import dev.autogen.dsl.SchemaChanges;
import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.Migration;
import dev.autogen.migrate.MigrationTimeouts;
import dev.autogen.migrate.Migrator;
import dev.autogen.migrate.OnlineSettings;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code bench/run --locks ROWS} (issue #10, section 5): a table of ROWS accounts and a child table of payments
 * under a steady writer load ({@link WriterLoad}), while the seven {@link LockStep}s run one after the other: first
 * as the plain statements (on one database), then as autogen's migrations with their online plans under a lock
 * timeout of {@value #LOCK_TIMEOUT_MS} ms (on a second database with the same rows, the same load). For each step:
 * its duration and the writers' worst and 99th-percentile statement latency while it ran. Afterwards the rows are
 * checked against the writes the load counted, on both databases.
 */
public final class LocksBench {
    static final int LOCK_TIMEOUT_MS = 1_000;
    private static final int WRITERS = 4;
    private static final long PAUSE_MS = 1_000;

    private final long rows;
    private final Function<String, String> freshDatabase;

    /** @param freshDatabase gives the JDBC URL of a new empty database of the given name */
    public LocksBench(long rows, Function<String, String> freshDatabase) {
        this.rows = rows;
        this.freshDatabase = freshDatabase;
    }

    /** Runs both plans and returns the results section (Markdown). */
    public String run() throws Exception {
        List<LockStep> steps = LockStep.all();
        String naiveUrl = populated("locks_naive");
        String autogenUrl = populated("locks_autogen");
        Run naive = measure("naive", naiveUrl, steps, (step, index) -> execute(naiveUrl, step.naiveSql()));
        List<LoadedMigration> revisions = revisions(steps);
        Migrator migrator = new Migrator(() -> DriverManager.getConnection(autogenUrl), Dialect.POSTGRESQL, revisions)
                .withOnline(new OnlineSettings(false, 20, Duration.ofMillis(200)))
                .withTimeouts(MigrationTimeouts.DEFAULT.withLockTimeout(Duration.ofMillis(LOCK_TIMEOUT_MS)))
                .withListener(line -> log("autogen: " + line));
        Run autogen = measure("autogen", autogenUrl, steps, (step, index) -> migrator.upgrade(revisions.get(index).id()));
        return LocksReport.markdown(rows, WRITERS, LOCK_TIMEOUT_MS, steps, naive, autogen);
    }

    /** What one plan did to the writers, step by step, and the row check afterwards. */
    record Run(List<Long> stepMillis, List<Latencies> latencies, String rowCheck, long writes, long failures) {
    }

    @FunctionalInterface
    private interface StepRunner {
        void run(LockStep step, int index) throws Exception;
    }

    private Run measure(String plan, String url, List<LockStep> steps, StepRunner runner) throws Exception {
        List<long[]> windows = new ArrayList<>();
        WriterLoad load = new WriterLoad(url, WRITERS, rows);
        try {
            Thread.sleep(PAUSE_MS);
            for (int i = 0; i < steps.size(); i++) {
                log(steps.get(i).name() + " (" + plan + ")");
                long start = System.nanoTime();
                runner.run(steps.get(i), i);
                windows.add(new long[] {start, System.nanoTime()});
                Thread.sleep(PAUSE_MS);
            }
        } finally {
            load.close(); // a writer statement the step blocked may end after the step: read latencies only now
        }
        List<Long> millis = windows.stream().map(w -> (w[1] - w[0]) / 1_000_000).toList();
        List<Latencies> latencies = windows.stream().map(w -> load.during(w[0], w[1])).toList();
        String check = rowCheck(url, load);
        long writes = load.insertedAccounts() + load.amountUpdates() + load.insertedPayments();
        if (load.firstFailure() != null) {
            log("writer failures: " + load.failures() + ", first: " + load.firstFailure());
        }
        return new Run(millis, latencies, check, writes, load.failures());
    }

    /** Counts and sums against what the writers did: "ok" or what differs. */
    private String rowCheck(String url, WriterLoad load) throws SQLException {
        long accounts = rows + load.insertedAccounts();
        long amount = 100 * accounts + load.amountUpdates();
        long payments = rows / 5 + load.insertedPayments();
        List<String> wrong = new ArrayList<>();
        compare(wrong, "accounts", accounts, single(url, "select count(*) from accounts"));
        compare(wrong, "sum(amount)", amount, single(url, "select sum(amount) from accounts"));
        compare(wrong, "payments", payments, single(url, "select count(*) from payments"));
        compare(wrong, "accounts not backfilled", 0,
                single(url, "select count(*) from accounts where note is null and id <= " + rows));
        compare(wrong, "notes not as backfilled", 0,
                single(url, "select count(*) from accounts where note <> 'n' || id"));
        return wrong.isEmpty() ? "ok (" + accounts + " accounts, " + payments + " payments, sums match)"
                : String.join("; ", wrong);
    }

    private static void compare(List<String> wrong, String what, long expected, long actual) {
        if (expected != actual) {
            wrong.add(what + " " + actual + ", expected " + expected);
        }
    }

    private String populated(String name) throws SQLException {
        String url = freshDatabase.apply(name);
        log("filling " + name + " with " + rows + " accounts");
        execute(url, "create table accounts (id bigint primary key, owner_id bigint, email text, status text,"
                + " amount integer not null, note text)");
        execute(url, "insert into accounts select g, g % 1000, 'a' || g || '@example.org', 'active', 100, null"
                + " from generate_series(1, " + rows + ") g");
        execute(url, "create table payments (id bigint generated always as identity primary key,"
                + " account_id bigint not null, amount integer not null)");
        execute(url, "insert into payments (account_id, amount) select (g % " + rows + ") + 1, 1"
                + " from generate_series(1, " + rows / 5 + ") g");
        execute(url, "vacuum analyze");
        return url;
    }

    private static List<LoadedMigration> revisions(List<LockStep> steps) {
        List<LoadedMigration> revisions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            LockStep step = steps.get(i);
            String id = "10c4%08d".formatted(i + 1);
            List<String> parents = i == 0 ? List.of() : List.of(revisions.get(i - 1).id());
            revisions.add(new LoadedMigration(id, parents, step.name(), "bench.locks.V%04d".formatted(i + 1),
                    new Migration() {
                        @Override
                        public void upgrade(SchemaChanges schema) {
                            step.autogen().accept(schema);
                        }

                        @Override
                        public void downgrade(SchemaChanges schema) {
                        }
                    }, null));
        }
        return revisions;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void log(String line) {
        System.out.println("[locks] " + line);
    }
}
