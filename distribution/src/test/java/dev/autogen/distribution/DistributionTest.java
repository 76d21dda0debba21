package dev.autogen.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The archive {@code mvn package} builds, as a user gets it: unpacked into a fresh directory and run as
 * {@code bin/autogen} from another working directory, on a user's own compiled entities and a real SQLite file. The
 * project's own layout (sources, {@code target/}) is nowhere in reach of the process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionTest {
    private static final String ENTITY = """
            package com.acme.model;

            import jakarta.persistence.Column;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "customer")
            public class Customer {
                @Id
                Long id;

                @Column(name = "full_name", length = 80, nullable = false)
                String fullName;
            }
            """;

    private static Path home;
    private static Path work;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("autogen.distribution.archive"));
        assertTrue(Files.isRegularFile(archive), "mvn package must have built " + archive);
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path installed = Files.createTempDirectory(tmp, "installed");
        Run tar = run(installed, "tar", "-xzf", archive.toString(), "-C", installed.toString());
        assertEquals(0, tar.exit(), tar.toString());
        home = installed.resolve("autogen-" + System.getProperty("autogen.distribution.version"));
        work = Files.createTempDirectory(tmp, "project");
    }

    @Test
    @Order(1)
    void helpRunsFromAnyDirectory() throws Exception {
        assertTrue(Files.isExecutable(home.resolve("bin/autogen")), "bin/autogen must be executable");
        assertTrue(Files.isRegularFile(home.resolve("LICENSE")));
        Run help = autogen("--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Usage: autogen"), help.toString());
        assertTrue(help.out().contains("init") && help.out().contains("completion"), help.toString());
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<String> names = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("autogen-cli\\.\\d+\\.(aot|jsa)")),
                    "the first run prepares the start-up cache in lib/: " + names);
            assertTrue(names.stream().noneMatch(n -> n.contains("sample")),
                    "the sample entities are not part of the command line: " + names);
        }
    }

    @Test
    @Order(2)
    void withoutConfigurationItFailsWithOneLine() throws Exception {
        Path empty = Files.createTempDirectory(work.getParent(), "empty");
        Run diff = run(empty, home.resolve("bin/autogen").toString(), "diff");
        assertEquals(2, diff.exit(), diff.toString());
        assertEquals(1, diff.err().strip().lines().count(), diff.toString());
        assertTrue(diff.err().startsWith("autogen: "), diff.toString());
    }

    @Test
    @Order(3)
    void initGenerateUpgradeCheckDiffOnAUsersOwnEntities() throws Exception {
        compileEntity(work.resolve("classes"));

        Run init = autogen("init", "--packages", "com.acme.model", "--url", "jdbc:sqlite:app.db",
                "--classpath", "classes");
        assertEquals(0, init.exit(), init.toString());
        assertTrue(Files.isDirectory(work.resolve("src/main/java/com/acme/model/migrations")), init.toString());

        Run generate = autogen("-m", "initial schema", "--rev-id", "0a1b2c3d4e5f");
        assertEquals(0, generate.exit(), generate.toString());
        Path migration = work.resolve("src/main/java/com/acme/model/migrations/V0001_InitialSchema.java");
        String source = Files.readString(migration);
        assertTrue(source.contains("@Revision(id = \"0a1b2c3d4e5f\"") && source.contains("full_name"), source);

        Run upgrade = autogen("upgrade");
        assertEquals(0, upgrade.exit(), upgrade.toString());
        assertTrue(upgrade.out().contains("the database is at 0a1b2c3d4e5f"), upgrade.toString());
        assertEquals(List.of("id bigint", "full_name varchar(80)"), columns(work.resolve("app.db"), "customer"));

        Run check = autogen("check");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().startsWith("In sync"), check.toString());

        Run diff = autogen("diff");
        assertEquals(0, diff.exit(), diff.toString());
        assertTrue(!diff.out().contains("CreateTable"), diff.toString());

        Run sql = autogen("upgrade", "--sql");
        assertEquals(0, sql.exit(), sql.toString());
        assertTrue(sql.out().toLowerCase(java.util.Locale.ROOT).contains("create table \"customer\""), sql.toString());
    }

    /**
     * picocli is compiled for Java 5, and the JDK's start-up cache cannot hold classes that old: the build rewrites
     * them (bin/UpgradeClassVersions.java) in lib/ and in the repository's own autogen-cli.jar, and the runs above went
     * through the rewritten classes. Every class of theirs must be a Java 8 class file or newer.
     */
    @Test
    @Order(4)
    void picocliClassesAreRecentEnoughForTheStartUpCache() throws Exception {
        Path lib;
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            lib = jars.filter(p -> p.getFileName().toString().matches("picocli-.*\\.jar")).findFirst().orElseThrow();
        }
        Path cli = Path.of(System.getProperty("autogen.distribution.cli.jar"));
        for (Path jar : List.of(lib, cli)) {
            Map<String, Integer> versions = classVersions(jar, "picocli/");
            assertTrue(versions.size() > 100, jar + " holds picocli: " + versions.size());
            List<String> old = versions.entrySet().stream().filter(e -> e.getValue() < 52).map(Map.Entry::getKey)
                    .toList();
            assertEquals(List.of(), old, "class files older than Java 8 in " + jar);
        }
    }

    /** The class file major version of every class under {@code prefix} in {@code jar}. */
    private static Map<String, Integer> classVersions(Path jar, String prefix) throws Exception {
        Map<String, Integer> versions = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    byte[] head = zip.getInputStream(entry).readNBytes(8);
                    versions.put(entry.getName(), ((head[6] & 0xff) << 8) | (head[7] & 0xff));
                }
            }
        }
        return versions;
    }

    private static void compileEntity(Path classes) throws Exception {
        Path source = work.resolve("src/main/java/com/acme/model/Customer.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, ENTITY);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "21", "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, exit, "the test entity must compile");
    }

    private static List<String> columns(Path database, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rs = connection.createStatement().executeQuery(
                     "select name, type from pragma_table_info('" + table + "') order by cid")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return columns;
    }

    /**
     * docs/daemon.md through the installed launcher: with AUTOGEN_DAEMON=on the first check starts a daemon, the next
     * is answered by it, both with the plain check's output; status and stop see it; a bad setting is one line.
     */
    @Test
    @Order(5)
    void checkThroughTheDaemonAnswersAsTheCheckItself() throws Exception {
        Path daemons = Files.createTempDirectory(Path.of("/tmp"), "agd");
        Files.setPosixFilePermissions(daemons, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Map<String, String> daemon = Map.of("AUTOGEN_DAEMON", "on", "AUTOGEN_DAEMON_DIR", daemons.toString());
        Run plain = autogen("check");
        assertEquals(0, plain.exit(), plain.toString());
        try {
            for (int round = 0; round < 2; round++) {
                Run check = autogen(daemon, "check");
                assertEquals(0, check.exit(), check.toString());
                assertEquals(plain.out(), check.out(), check.toString());
                assertEquals("", check.err(), check.toString());
            }
            Run status = autogen(daemon, "daemon", "status");
            assertEquals(0, status.exit(), status.toString());
            assertEquals(1, status.out().lines().count(), status.toString());
            assertTrue(status.out().contains("working directory " + work.toRealPath() + ", ")
                    && status.out().contains(", 2 checks served"), status.toString());
            assertTrue(Files.isExecutable(home.resolve("lib/autogen-daemon-client")),
                    "the daemon's perl client is installed beside lib/autogen-java");
            if (Runtime.version().feature() >= 25) {
                try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
                    assertTrue(lib.anyMatch(p -> p.getFileName().toString().matches("autogen-cli\\.client\\.\\d+\\.aot")),
                            "the first client run made the client's own start-up cache");
                }
            }
        } finally {
            Run stop = autogen(daemon, "daemon", "stop");
            assertEquals("Stopped 1 check daemon.", stop.out().strip(), stop.toString());
        }
        Run bad = autogen(Map.of("AUTOGEN_DAEMON", "maybe"), "check");
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("autogen: AUTOGEN_DAEMON must be on or off, not 'maybe'", bad.err().strip(), bad.toString());
    }

    private static Run autogen(String... args) throws Exception {
        return autogen(Map.of(), args);
    }

    private static Run autogen(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/autogen").toString()));
        command.addAll(List.of(args));
        return run(work, environment, command.toArray(String[]::new));
    }

    private static Run run(Path directory, String... command) throws Exception {
        return run(directory, Map.of(), command);
    }

    /** A real process in {@code directory}, with the JDK running this test as JAVA_HOME and {@code extra} set. */
    private static Run run(Path directory, Map<String, String> extra, String... command) throws Exception {
        Path out = Files.createTempFile(work == null ? directory : work.getParent(), "out", ".txt");
        Path err = Files.createTempFile(work == null ? directory : work.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AUTOGEN_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(extra);
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + String.join(" ", command));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
