package dev.autogen.generator.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autogen.generator.cli.GadgetProject;
import dev.autogen.generator.testing.CliRun;
import dev.autogen.testing.TestDatabases;
import dev.autogen.testing.TestSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generator/autogen-daemon-client}, the launcher's perl client, against a real daemon: it must reach the daemon
 * that the Java client would (the same key and socket name, computed in perl; a value outside the Basic Multilingual
 * Plane in the environment exercises the hash over UTF-16 code units), relay its answers byte for byte with their
 * exit codes, and hand every case it cannot serve to its fallback (the Java client) without sending anything: no
 * daemon for its key, a directory others can reach.
 */
class DaemonClientScriptTest {
    /** The fallback: says so and exits with a code no check uses. */
    private static final List<String> FALLBACK = List.of("/bin/sh", "-c", "echo fallback ran; exit 97");
    private static final Path SCRIPT = Path.of("autogen-daemon-client").toAbsolutePath();

    @TempDir
    Path temporary;

    private Path directory;
    private Path jar;
    private Map<String, String> environment;
    private CheckDaemon daemon;
    private Thread serving;

    @BeforeEach
    void perlAndScript() throws Exception {
        // .ci/run installs it; without it (or its library) the launcher uses the Java client, tested by CheckDaemonTest
        assumeTrue(perlWithItsLibrary(), "perl with Time::HiRes and I18N::Langinfo is not installed");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT + " is missing");
        directory = Files.createTempDirectory(Path.of("/tmp"), "agp"); // short: a socket's path is at most 108 bytes
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        jar = Files.writeString(temporary.resolve("autogen-cli.jar"), "a jar's bytes");
        environment = new HashMap<>(System.getenv());
        environment.put(DaemonDirectory.VARIABLE, directory.toString());
        environment.put("AUTOGEN_TEST_NOTE", "Grüße, 日本, \uD83D\uDE00"); // two bytes, three, and a surrogate pair
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.stop();
            serving.join(10_000);
        }
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void relaysTheDaemonsAnswersAsTheCheckGivesThem() throws Exception {
        String url = TestDatabases.freshPostgres("daemon_script");
        List<String> common = GadgetProject.create(url, "script.model", "script-project").common();
        assertEquals(0, CliRun.of(common, "-m", "initial", "--rev-id", "scr1pt000001").exitCode());
        assertEquals(0, CliRun.of(common, "upgrade").exitCode());
        startDaemon();

        Run inSync = script(common, "check");
        CliRun own = CliRun.of(common, "check");
        assertEquals(own.exitCode(), inSync.code(), inSync.toString());
        assertEquals(own.out(), inSync.out());
        assertEquals(own.err(), inSync.err());
        assertTrue(inSync.out().startsWith("In sync: "), inSync.out());

        TestSql.execute(url, "alter table gadget add column by_hand integer");
        Run drift = script(common, "check", "--format", "json");
        CliRun ownDrift = CliRun.of(common, "check", "--format", "json");
        assertEquals(1, ownDrift.exitCode(), ownDrift.toString());
        assertEquals(1, drift.code(), drift.toString());
        assertEquals(ownDrift.out(), drift.out());
        assertTrue(drift.out().contains("by_hand"), drift.out());

        assertTrue(DaemonClient.statuses(new DaemonDirectory(directory)).get(0).contains(", 2 checks served"),
                "both answered by the daemon, not by the fallback");
    }

    @Test
    void handsWhatItCannotServeToTheJavaClient() throws Exception {
        startDaemon();
        // not a check: the daemon says so and the Java client runs it
        Run notACheck = script(List.of(), "current");
        assertEquals(97, notACheck.code(), notACheck.toString());
        assertEquals("fallback ran\n", notACheck.out());

        // another environment: another socket name, where nothing listens
        environment.put("AUTOGEN_URL", "jdbc:sqlite:" + temporary.resolve("other.db"));
        Run otherEnvironment = script(List.of(), "check");
        assertEquals(97, otherEnvironment.code(), otherEnvironment.toString());
        environment.remove("AUTOGEN_URL");

        // a directory others can reach: the request (the environment, passwords included) is never sent
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run open = script(List.of(), "check");
        assertEquals(97, open.code(), open.toString());
        assertEquals("", open.err());
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        assertTrue(DaemonClient.statuses(new DaemonDirectory(directory)).get(0).contains(", 0 checks served"));
    }

    private static boolean perlWithItsLibrary() throws InterruptedException {
        try {
            Process perl = new ProcessBuilder("/usr/bin/perl", "-MTime::HiRes", "-MI18N::Langinfo", "-e1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return perl.waitFor(30, TimeUnit.SECONDS) && perl.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void startDaemon() throws IOException {
        DaemonKey key = DaemonKey.of(environment, Path.of("").toAbsolutePath(), jar.toString(),
                System.getProperty("java.home"));
        daemon = new CheckDaemon(new DaemonDirectory(directory), key, Duration.ofMinutes(10), Duration.ZERO);
        assertTrue(daemon.bind());
        serving = DaemonsUnderTest.serveOnAThread(daemon, "check-daemon-for-the-script");
    }

    private record Run(int code, String out, String err) {
    }

    private Run script(List<String> common, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/perl", SCRIPT.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), jar.toString()));
        command.addAll(common);
        command.addAll(List.of(args));
        command.add("--");
        command.addAll(FALLBACK);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(temporary.resolve("out").toFile())
                .redirectError(temporary.resolve("err").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the script did not finish");
        return new Run(process.exitValue(), Files.readString(temporary.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(temporary.resolve("err"), StandardCharsets.UTF_8));
    }
}
