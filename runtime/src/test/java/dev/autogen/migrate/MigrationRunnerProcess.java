package dev.autogen.migrate;

import dev.autogen.migrate.discovery.ClassPathMigrationSource;
import dev.autogen.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A migration runner in a process of its own, for the tests that start several at once or kill one: {@code main}
 * upgrades the database at a URL to head with the migrations of a package on the test class path, prints
 * {@code applied: id,id} and exits 0, or prints the error and exits 3.
 *
 * <p>Arguments: {@code POSTGRESQL|SQLITE url package pauseSeconds}. On SQLite every connection gets the function
 * {@code autogen_test_pause()}, which prints {@code pausing} and sleeps that long (PostgreSQL's is created by the test
 * in the database).
 */
public final class MigrationRunnerProcess {
    private MigrationRunnerProcess() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.valueOf(args[0]);
        String url = args[1];
        String migrationsPackage = args[2];
        Duration pause = Duration.ofSeconds(Long.parseLong(args[3]));
        List<LoadedMigration> migrations =
                new ClassPathMigrationSource(MigrationRunnerProcess.class.getClassLoader(), migrationsPackage).load();
        try {
            List<String> applied = new Migrator(() -> open(dialect, url, pause), dialect, migrations)
                    .withAppliedBy("process " + ProcessHandle.current().pid())
                    .upgrade("head");
            System.out.println("applied: " + String.join(",", applied));
            System.exit(0);
        } catch (MigrationException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    /** A connection; on SQLite with {@code autogen_test_pause()} defined to sleep for {@code pause}. */
    static Connection open(Dialect dialect, String url, Duration pause) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (dialect == Dialect.SQLITE) {
            org.sqlite.Function.create(c, "autogen_test_pause", new org.sqlite.Function() {
                @Override
                protected void xFunc() throws SQLException {
                    if (!pause.isZero()) {
                        System.out.println("pausing");
                        System.out.flush();
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    result();
                }
            });
        }
        return c;
    }
}
