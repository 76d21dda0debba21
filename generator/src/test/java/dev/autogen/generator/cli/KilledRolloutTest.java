package dev.autogen.generator.cli;

import static dev.autogen.testing.TestSql.execute;
import static dev.autogen.testing.TestSql.rows;
import static dev.autogen.testing.TestSql.strings;
import static dev.autogen.testing.TestSql.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout killed half-way resumes. A real {@code autogen upgrade --targets} process (its own JVM, the command line's
 * main class) migrates three PostgreSQL servers × 5 tenant schemas in waves of 5, 3 at a time; the second revision of
 * {@code a/t3} (first of the second wave) sleeps in the database, and once the first wave and the rest of the second
 * are done the process gets SIGKILL. Then: the done targets have both revisions, {@code a/t3} has only the first (the
 * killed revision was rolled back with its session), the third wave has nothing. A rerun with the same state file
 * finishes the rest, and nothing was applied twice: every schema has each revision's {@code events} row once, one
 * history row per revision and one version row.
 */
class KilledRolloutTest {
    private static final List<String> SCHEMAS = IntStream.rangeClosed(1, 5).mapToObj("t%d"::formatted).toList();
    private static final String FIRST = "e00000000001";
    private static final String SECOND = "e00000000002";

    @TempDir
    Path dir;

    @Test
    void aRolloutKilledMidWaveIsFinishedByARerunWithoutApplyingAnythingTwice() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int server = 0; server < TestServers.COUNT; server++) {
            String url = TestServers.freshDatabase(server, "killedrollout");
            for (String schema : SCHEMAS) {
                execute(url, "create schema " + schema, pause(schema, ""));
            }
            urls.add(url);
        }
        execute(urls.get(0), pause("t3", "perform pg_sleep(120);"));
        Path migrations = writeMigrations(dir.resolve("migrations"));
        Path targets = dir.resolve("fleet.txt");
        List<String> lines = new ArrayList<>();
        for (int server = 0; server < urls.size(); server++) {
            lines.add("abc".charAt(server) + " " + bare(urls.get(server)) + " user=postgres schemas="
                    + String.join(",", SCHEMAS));
        }
        Files.write(targets, lines);
        Path state = dir.resolve("rollout.state");
        List<String> args = List.of("--migrations", migrations.toString(), "upgrade", "--targets", targets.toString(),
                "--wave", "5", "--parallel", "3", "--state", state.toString());

        // round robin: wave 1 a1 b1 c1 a2 b2, wave 2 c2 a3 b3 c3 a4 (a3 sleeps), wave 3 b4 c4 a5 b5 c5
        Process rollout = start(args);
        try {
            waitUntil(() -> doneLines(state) == 9 && sleeping(urls.get(0)), rollout);
            rollout.destroyForcibly();
            assertTrue(rollout.waitFor(20, TimeUnit.SECONDS));
        } finally {
            rollout.destroyForcibly();
        }

        for (String key : List.of("a/t1", "b/t1", "c/t1", "a/t2", "b/t2", "c/t2", "b/t3", "c/t3", "a/t4")) {
            assertEquals(List.of(FIRST, SECOND), events(urls, key), key + " was done before the kill");
        }
        assertEquals(List.of(FIRST), events(urls, "a/t3"), "the killed revision was rolled back with its session");
        for (String key : List.of("b/t4", "c/t4", "a/t5", "b/t5", "c/t5")) {
            assertEquals(List.of(), tables(urls.get(server(key)), schema(key)), key + " was never started");
        }

        execute(urls.get(0), pause("t3", ""));
        CliRun rerun = CliRun.of(args.toArray(String[]::new));

        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.out().endsWith("15 targets: 6 upgraded, 0 already there, 9 done earlier, 0 failed,"
                + " 0 not started.\n"), rerun.out());
        assertTrue(rerun.out().contains("\na/t3    upgraded      1 revision, at " + SECOND + "\n"), rerun.out());
        for (int server = 0; server < urls.size(); server++) {
            for (String schema : SCHEMAS) {
                String key = "abc".charAt(server) + "/" + schema;
                assertEquals(List.of(FIRST, SECOND), events(urls, key), "each revision's side effect once: " + key);
                assertEquals(List.of(FIRST, SECOND), strings(urls.get(server), "select revision from " + schema
                        + ".autogen_history order by id"), "one history row per revision: " + key);
                assertEquals(List.of(SECOND), strings(urls.get(server), "select revision from " + schema
                        + ".autogen_version"), key);
            }
        }
    }

    /**
     * The same with a tenant ledger: the process moves tenants three per transaction; the test holds a lock on the
     * table of {@code t5}, so the second batch ({@code t4 t5 t6}) waits inside its transaction with {@code t4}'s DDL
     * already run, and the process is killed there. The server holds the whole batch, {@code commit} included, so the
     * lock is released only once the server has ended the dead runner's session (it checks every second,
     * {@code client_connection_check_interval}). The first batch is committed whole, the second left nothing (not
     * even {@code t4}'s column), and the rerun moves the second batch once.
     */
    @Test
    void aLedgerRolloutKilledInsideABatchLeavesTheBatchUndoneAndTheRerunFinishesIt() throws Exception {
        String url = TestServers.freshDatabase(0, "killedledger");
        List<String> tenants = IntStream.rangeClosed(1, 6).mapToObj("t%d"::formatted).toList();
        for (String schema : tenants) {
            execute(url, "create schema " + schema);
        }
        Path root = Files.createDirectories(dir.resolve("ledger-migrations").resolve("k"));
        Files.writeString(root.resolve("V0001_Items.java"), migration("V0001_Items", FIRST, null,
                "schema.createTable(table(\"items\").column(column(\"id\", integer())));",
                "schema.dropTable(\"items\");"));
        Path targets = dir.resolve("ledger.txt");
        Files.write(targets, List.of("a " + bare(url) + " user=postgres ledger=autogen schemas="
                + String.join(",", tenants)));
        String migrations = root.getParent().toString();
        assertEquals(0, CliRun.of("--migrations", migrations, "upgrade", "--targets", targets.toString()).exitCode());
        Files.writeString(root.resolve("V0002_Note.java"), migration("V0002_Note", SECOND, FIRST,
                "schema.addColumn(\"items\", column(\"note\", varchar(20)).nullable());",
                "schema.dropColumn(\"items\", \"note\");"));
        Path state = dir.resolve("ledger.state");
        List<String> args = List.of("--migrations", migrations, "upgrade", "--targets", targets.toString(),
                "--tenants-per-transaction", "3", "--parallel", "1", "--state", state.toString());

        try (Connection holder = DriverManager.getConnection(url)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table t5.items in access exclusive mode");
            Process rollout = start(args);
            try {
                waitUntil(() -> doneLines(state) == 3 && !strings(url, "select count(*) from pg_stat_activity where"
                        + " wait_event_type = 'Lock' and query like '%alter table%'").equals(List.of("0")), rollout);
                rollout.destroyForcibly();
                assertTrue(rollout.waitFor(20, TimeUnit.SECONDS));
                // the server has the whole batch, commit included: only its check for a dead client
                // (client_connection_check_interval, 1 s) ends the session before the lock is released
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!strings(url, "select count(*) from pg_stat_activity where query like '%alter table%'"
                        + " and wait_event_type = 'Lock'").equals(List.of("0"))) {
                    assertTrue(System.nanoTime() < deadline, "the killed runner's session was never ended");
                    Thread.sleep(100);
                }
            } finally {
                rollout.destroyForcibly();
                holder.rollback();
            }
        }

        assertEquals(List.of("t1", "t2", "t3"), strings(url, "select table_schema from information_schema.columns"
                + " where column_name = 'note' order by 1"), "the first batch whole, nothing of the second");
        assertEquals(List.of("t1 " + SECOND, "t2 " + SECOND, "t3 " + SECOND, "t4 " + FIRST, "t5 " + FIRST,
                "t6 " + FIRST), rows(url, "select tenant, revision from"
                + " autogen.autogen_tenant_version order by 1"));

        CliRun rerun = CliRun.of(args.toArray(String[]::new));

        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.out().endsWith("6 targets: 3 upgraded, 0 already there, 3 done earlier, 0 failed,"
                + " 0 not started.\n"), rerun.out());
        assertEquals(tenants, strings(url, "select table_schema from information_schema.columns where column_name ="
                + " 'note' order by 1"));
        for (String tenant : tenants) {
            assertEquals(List.of(FIRST, SECOND), strings(url, "select revision from autogen.autogen_tenant_history"
                    + " where tenant = '" + tenant + "' order by id"), "each revision recorded once: " + tenant);
        }
    }

    /** {@code autogen ARGS} in a JVM of its own (this test's class path), working in the test's directory. */
    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty(
                "java.class.path"), AutogenCommand.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rollout.out").toFile()).start();
    }

    private void waitUntil(Check condition, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.met()) {
            assertTrue(process.isAlive(), () -> "the rollout ended before the kill: " + output());
            assertTrue(System.nanoTime() < deadline, () -> "the rollout never reached the pause: " + output());
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean met() throws Exception;
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("rollout.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long doneLines(Path state) throws IOException {
        return Files.exists(state) ? Files.readAllLines(state).stream().filter(l -> l.endsWith(" done")).count() : 0;
    }

    private static boolean sleeping(String url) throws Exception {
        return !strings(url, "select count(*) from pg_stat_activity where query = 'select autogen_test_pause()'"
                + " and state = 'active'").equals(List.of("0"));
    }

    private static String pause(String schema, String body) {
        return "create or replace function " + schema + ".autogen_test_pause() returns void language plpgsql as $$"
                + " begin " + body + " end $$";
    }

    private static List<String> events(List<String> urls, String key) throws Exception {
        return strings(urls.get(server(key)), "select revision from " + schema(key) + ".events order by 1");
    }

    private static int server(String key) {
        return "abc".indexOf(key.charAt(0));
    }

    private static String schema(String key) {
        return key.substring(2);
    }

    private static String bare(String url) {
        return url.substring(0, url.indexOf('?'));
    }

    /** Two revisions, each inserting its id into {@code events}; the second first calls the schema's pause. */
    private static Path writeMigrations(Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("k"));
        Files.writeString(pkg.resolve("V0001_Events.java"), migration("V0001_Events", FIRST, null,
                "schema.createTable(table(\"events\").column(column(\"revision\", varchar(20))));\n"
                        + "        schema.execute(\"insert into events (revision) values ('" + FIRST + "')\");",
                "schema.dropTable(\"events\");"));
        Files.writeString(pkg.resolve("V0002_Slow.java"), migration("V0002_Slow", SECOND, FIRST,
                "schema.execute(\"select autogen_test_pause()\");\n"
                        + "        schema.createTable(table(\"notes\").column(column(\"id\", integer())));\n"
                        + "        schema.execute(\"insert into events (revision) values ('" + SECOND + "')\");",
                "schema.dropTable(\"notes\");"));
        return root;
    }

    private static String migration(String className, String id, String parent, String upgrade, String downgrade) {
        return """
                package k;

                import static dev.autogen.dsl.Dsl.*;

                import dev.autogen.dsl.SchemaChanges;
                import dev.autogen.migrate.Migration;
                import dev.autogen.migrate.Revision;

                @Revision(id = "%s"%s)
                public final class %s implements Migration {
                    @Override
                    public void upgrade(SchemaChanges schema) {
                        %s
                    }

                    @Override
                    public void downgrade(SchemaChanges schema) {
                        %s
                    }
                }
                """.formatted(id, parent == null ? "" : ", parent = \"" + parent + "\"", className, upgrade, downgrade);
    }
}
