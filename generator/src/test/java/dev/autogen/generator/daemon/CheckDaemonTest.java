package dev.autogen.generator.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.cli.GadgetProject;
import dev.autogen.generator.project.KeptConnections;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check daemon as a client meets it: every answer is the one the check gives in its own process (same bytes, same
 * exit code), after changes to the database made between two requests too; what is not a check, a request of another
 * environment and a directory others can read are never served; and a client that finds no daemon starts a real one
 * (a JVM of its own), which serves the next client too and stops when asked, leaving nothing behind.
 */
class CheckDaemonTest {
    @TempDir
    Path temporary;

    private final List<Thread> serving = new ArrayList<>();
    private final List<CheckDaemon> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        daemons.forEach(CheckDaemon::stop);
        for (Thread thread : serving) {
            thread.join(10_000);
        }
        assertEquals(0, KeptConnections.idleCount(), "a stopped daemon holds no connection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void answersAsTheCheckInItsOwnProcess(String database) throws Exception {
        String url = database.equals("postgresql") ? TestDatabases.freshPostgres("daemon_check")
                : TestDatabases.freshSqlite("daemon-check");
        List<String> common = project(url);
        assertEquals(0, CliRun.of(common, "-m", "initial", "--rev-id", "da3m0n000001").exitCode());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        Path directory = privateDirectory();
        startDaemonIn(directory);

        for (int round = 0; round < 2; round++) { // the second answers from the in-sync record the first wrote
            assertSameAnswer(directory, common, 0, "check");
        }
        assertSameAnswer(directory, common, 0, "check", "--format", "json");
        TestSql.execute(url, "alter table gadget add column by_hand integer");
        String drift = assertSameAnswer(directory, common, 1, "check");
        assertTrue(drift.contains("Out of sync: the entities differ"), drift);
        TestSql.execute(url, "alter table gadget drop column by_hand");
        assertSameAnswer(directory, common, 0, "check");
        // errors too: one line, the same exit code
        List<String> wrongPackage = new ArrayList<>(common);
        wrongPackage.set(wrongPackage.indexOf("--packages") + 1, "no.such.package");
        assertSameAnswer(directory, wrongPackage, CliRun.of(wrongPackage, "check").exitCode(), "check");

        if (database.equals("postgresql")) {
            // kept for the next check (KeptConnections), clean: the changes made by hand above were all seen
            assertTrue(KeptConnections.idleCount() > 0, "the daemon keeps its PostgreSQL connections between checks");
        }

        // what is not a check is the client's own to run
        for (List<String> args : List.of(List.of("current"), List.of("-m", "check"), List.of("check", "--no-such"))) {
            List<String> all = new ArrayList<>(common);
            all.addAll(args);
            Answer answer = ask(directory, all.toArray(String[]::new));
            assertTrue(answer.code().isEmpty(), args + " must not be served: " + answer);
            assertEquals("", answer.out() + answer.err(), args.toString());
        }
    }

    @Test
    void refusesARequestOfAnotherEnvironment() throws Exception {
        Path directory = privateDirectory();
        startDaemonIn(directory);
        DaemonKey own = DaemonKey.ofThisProcess();
        try (SocketChannel connection = DaemonClient.connect(new DaemonDirectory(directory).socket(own))) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection));
            DaemonProtocol.writeRequest(out, new DaemonProtocol.Request(DaemonProtocol.RUN,
                    own.text() + "AUTOGEN_URL=jdbc:sqlite:other.db\0", "UTF-8", List.of("check")));
            DataInputStream in = new DataInputStream(Channels.newInputStream(connection));
            assertEquals(DaemonProtocol.NOT_SERVED, DaemonProtocol.readKind(in));
            assertEquals("a daemon of another environment", DaemonProtocol.readText(in));
        }
    }

    @Test
    void anIdleDaemonStopsAndLeavesNothingBehind() throws Exception {
        Path directory = privateDirectory();
        DaemonDirectory daemons = new DaemonDirectory(directory);
        Thread thread = startDaemonIn(directory, Duration.ofSeconds(2));
        assertEquals(1, DaemonClient.statuses(daemons).size(), "answers while fresh");
        thread.join(30_000);
        assertFalse(thread.isAlive(), "stops once idle for longer than its limit");
        assertFalse(Files.exists(daemons.socket(DaemonKey.ofThisProcess())));
        assertFalse(Files.exists(daemons.pidFile(DaemonKey.ofThisProcess())));
        assertEquals(List.of(), DaemonClient.statuses(daemons));
    }

    @Test
    void theKeyCoversEnvironmentDirectoryJavaAndJar() throws IOException {
        Path jar = Files.writeString(temporary.resolve("autogen.jar"), "one");
        Map<String, String> environment = Map.of("AUTOGEN_URL", "jdbc:sqlite:a.db", "HOME", "/home/a");
        DaemonKey key = DaemonKey.of(environment, temporary, jar.toString(), "/jdk");
        assertEquals(key, DaemonKey.of(environment, temporary, jar.toString(), "/jdk"));
        Map<String, String> shellMoved = new HashMap<>(environment);
        shellMoved.putAll(Map.of("_", "/usr/bin/java", "SHLVL", "3", "OLDPWD", "/", "PWD", "/x"));
        assertEquals(key, DaemonKey.of(shellMoved, temporary, jar.toString(), "/jdk"), "a shell's own bookkeeping");
        Map<String, String> otherUrl = new HashMap<>(environment);
        otherUrl.put("AUTOGEN_URL", "jdbc:sqlite:b.db");
        assertNotEquals(key, DaemonKey.of(otherUrl, temporary, jar.toString(), "/jdk"));
        assertNotEquals(key, DaemonKey.of(environment, temporary.resolve("sub"), jar.toString(), "/jdk"));
        assertNotEquals(key, DaemonKey.of(environment, temporary, jar.toString(), "/other-jdk"));
        Files.writeString(jar, "rebuilt");
        assertNotEquals(key, DaemonKey.of(environment, temporary, jar.toString(), "/jdk"), "a rebuilt jar");
        assertNotEquals(key.socketName(), DaemonKey.of(otherUrl, temporary, jar.toString(), "/jdk").socketName());
        assertTrue(key.socketName().matches("[0-9a-f]{16}\\.socket"), key.socketName());
    }

    @Test
    void aDirectoryOthersCanReachIsNeverUsed() throws Exception {
        Path open = Files.createDirectory(temporary.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        DaemonDirectory.Unusable notPrivate = assertThrows(DaemonDirectory.Unusable.class,
                () -> DaemonDirectory.verified(open));
        assertTrue(notPrivate.getMessage().contains("is not private (rwxr-xr-x): chmod 700 it"),
                notPrivate.getMessage());
        Path link = Files.createSymbolicLink(temporary.resolve("link"), privateDirectory());
        assertTrue(assertThrows(DaemonDirectory.Unusable.class, () -> DaemonDirectory.verified(link)).getMessage()
                .contains("is not a directory"));
        Path missing = temporary.resolve("made/private");
        DaemonDirectory.verified(missing);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(missing)));

        // the client says so in one line and leaves the check to its own process
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = new DaemonClient(Map.of(DaemonDirectory.VARIABLE, open.toString()),
                new ByteArrayOutputStream(), new PrintStream(err, true, StandardCharsets.UTF_8)).run("check");
        assertTrue(code.isEmpty());
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("autogen: the check daemon is not used: " + open));
    }

    @Test
    void aClientStartsARealDaemonThatServesTheNextAndStopsWhenAsked() throws Exception {
        String url = TestDatabases.freshSqlite("daemon-process");
        List<String> common = project(url);
        assertEquals(0, CliRun.of(common, "-m", "initial", "--rev-id", "da3m0n000002").exitCode());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        Path directory = privateDirectory();
        DaemonDirectory daemons = new DaemonDirectory(directory);
        try {
            String expected = CliRun.of(common, "check").out();
            Answer first = ask(directory, withCheck(common));
            assertEquals(OptionalInt.of(0), first.code(), first.toString());
            assertEquals(expected, first.out());
            assertEquals("", first.err());
            List<String> status = DaemonClient.statuses(daemons);
            assertEquals(1, status.size(), status.toString());
            long pid = Long.parseLong(Files.readString(daemons.pidFile(DaemonKey.ofThisProcess())).strip());
            assertTrue(status.get(0).startsWith("pid " + pid + ", "), status.toString());
            assertNotEquals(ProcessHandle.current().pid(), pid, "a process of its own");
            assertTrue(status.get(0).contains(", 1 check served"), status.toString());

            Answer second = ask(directory, withCheck(common));
            assertEquals(OptionalInt.of(0), second.code(), second.toString());
            assertEquals(expected, second.out());
            assertTrue(DaemonClient.statuses(daemons).get(0).contains(", 2 checks served"));

            assertEquals(1, DaemonClient.stopAll(daemons));
            ProcessHandle process = ProcessHandle.of(pid).orElse(null);
            if (process != null) {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertFalse(Files.exists(daemons.socket(DaemonKey.ofThisProcess())), "the socket is removed");
            assertFalse(Files.exists(daemons.pidFile(DaemonKey.ofThisProcess())), "the pid file is removed");
            assertEquals(List.of(), DaemonClient.statuses(daemons));
        } finally {
            DaemonClient.stopAll(daemons);
        }
    }

    private String assertSameAnswer(Path directory, List<String> common, int expectedCode, String... args) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(args));
        CliRun own = CliRun.of(all.toArray(String[]::new));
        Answer answer = ask(directory, all.toArray(String[]::new));
        assertEquals(expectedCode, own.exitCode(), own.toString());
        assertEquals(OptionalInt.of(own.exitCode()), answer.code(), answer.toString());
        assertEquals(own.out(), answer.out());
        assertEquals(own.err(), answer.err());
        return answer.out();
    }

    private record Answer(OptionalInt code, String out, String err) {
    }

    private static Answer ask(Path directory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(DaemonDirectory.VARIABLE, directory.toString());
        OptionalInt code = new DaemonClient(environment, out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] withCheck(List<String> common) {
        List<String> all = new ArrayList<>(common);
        all.add("check");
        return all.toArray(String[]::new);
    }

    /** A daemon of this process's own environment, serving on a thread of this JVM. */
    private void startDaemonIn(Path directory) throws IOException {
        startDaemonIn(directory, Duration.ofMinutes(10));
    }

    /** The same, stopping once idle for {@code idleLimit}; returns its thread. */
    private Thread startDaemonIn(Path directory, Duration idleLimit) throws IOException {
        CheckDaemon daemon = new CheckDaemon(new DaemonDirectory(directory), DaemonKey.ofThisProcess(), idleLimit,
                Duration.ofMinutes(5));
        assertTrue(daemon.bind());
        daemons.add(daemon);
        Thread thread = DaemonsUnderTest.serveOnAThread(daemon, "check-daemon-under-test");
        serving.add(thread);
        return thread;
    }

    /** Short: a Unix socket's path may not exceed 108 bytes. */
    private Path privateDirectory() throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "agd");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return directory;
    }

    /** One entity (table gadget), compiled, and the options that point autogen at it and at {@code url}. */
    private static List<String> project(String url) throws IOException {
        return GadgetProject.create(url, "daemon.model", "daemon-project").common();
    }
}
