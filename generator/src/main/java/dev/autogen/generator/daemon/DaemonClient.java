package dev.autogen.generator.daemon;

import dev.autogen.generator.cli.AutogenCommand;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The launcher's {@code autogen check} when {@code AUTOGEN_DAEMON=on}: asks this environment's {@link CheckDaemon}
 * (starting one when none answers) and prints what it answers, byte for byte, exiting with its exit code. Whenever the
 * daemon cannot answer (another command, a directory that is not private, a daemon that does not start or stops
 * before answering anything) the check runs in this process as it would without the daemon, so the setting can
 * change how fast a check answers, never what it answers.
 */
public final class DaemonClient {
    /** How long a daemon this client started may take to listen. */
    private static final long START_MILLIS = 60_000;

    /**
     * Where the daemons' directory and {@code AUTOGEN_JAVA_OPTS} are read (the process's environment, or a test's);
     * the key is always this process's own ({@link DaemonKey#ofThisProcess()}), since a daemon it starts inherits it.
     */
    private final Map<String, String> environment;
    private final OutputStream stdout;
    private final PrintStream stderr;

    DaemonClient(Map<String, String> environment, OutputStream stdout, PrintStream stderr) {
        this.environment = environment;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        // a PrintStream, as the command line's own stdout: a reader that went away (| head) is no error of the check's
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        DaemonClient client = new DaemonClient(System.getenv(), stdout, System.err);
        OptionalInt answered = client.run(args);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        AutogenCommand.main(args);
    }

    /** The daemon's exit code, or empty when this process must run the command itself. */
    OptionalInt run(String... args) {
        DaemonDirectory directory;
        try {
            directory = DaemonDirectory.resolve(environment);
        } catch (DaemonDirectory.Unusable e) {
            stderr.println("autogen: the check daemon is not used: " + e.getMessage());
            return OptionalInt.empty();
        }
        DaemonKey key = DaemonKey.ofThisProcess();
        SocketChannel listening = connect(directory.socket(key));
        SocketChannel connection = listening != null ? listening : start(directory, key);
        if (connection == null) {
            return OptionalInt.empty();
        }
        try (connection) {
            return exchange(connection, key, args);
        } catch (IOException e) {
            stderr.println("autogen: the check daemon stopped before it finished answering (" + e.getMessage()
                    + "); run the check again (AUTOGEN_DAEMON=off runs it without the daemon)");
            return OptionalInt.of(2);
        }
    }

    private OptionalInt exchange(SocketChannel connection, DaemonKey key, String... args) throws IOException {
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection));
        DaemonProtocol.writeRequest(out, new DaemonProtocol.Request(DaemonProtocol.RUN, key.text(),
                System.out.charset().name(), List.of(args)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection)));
        boolean printed = false;
        while (true) {
            int kind = DaemonProtocol.readKind(in);
            switch (kind) {
                case DaemonProtocol.STDOUT -> {
                    stdout.write(DaemonProtocol.readBytes(in));
                    stdout.flush();
                    printed = true;
                }
                case DaemonProtocol.STDERR -> {
                    stdout.flush();
                    stderr.write(DaemonProtocol.readBytes(in));
                    stderr.flush();
                    printed = true;
                }
                case DaemonProtocol.EXIT -> {
                    return OptionalInt.of(in.readInt());
                }
                case DaemonProtocol.NOT_SERVED -> {
                    return OptionalInt.empty();
                }
                default -> {
                    if (printed) {
                        throw new IOException(kind == -1 ? "end of stream" : "an unknown frame");
                    }
                    stderr.println("autogen: the check daemon stopped before answering; checking without it");
                    return OptionalInt.empty();
                }
            }
        }
    }

    /** Starts this environment's daemon and connects to it, or says in one line why it did not start. */
    private SocketChannel start(DaemonDirectory directory, DaemonKey key) {
        Path log = directory.log(key);
        Process daemon;
        try {
            daemon = new ProcessBuilder(daemonCommand(directory))
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            daemon.getOutputStream().close();
        } catch (IOException e) {
            stderr.println("autogen: the check daemon did not start (" + e.getMessage() + "); checking without it");
            return null;
        }
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            SocketChannel connection = connect(directory.socket(key));
            if (connection != null) {
                return connection;
            }
            if (!daemon.isAlive()) {
                // a twin started by another client at the same moment may be the one listening
                connection = connect(directory.socket(key));
                if (connection != null) {
                    return connection;
                }
                stderr.println("autogen: the check daemon did not start (exit " + daemon.exitValue() + ", see " + log
                        + "); checking without it");
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        stderr.println("autogen: the check daemon did not listen within " + START_MILLIS / 1000 + " s (see " + log
                + "); checking without it");
        return null;
    }

    /**
     * The daemon's command line: this JVM's class path, the serial collector and tiered compilation (the launcher's
     * C1-only option suits a short command; a resident JVM gains from C2), {@code AUTOGEN_JAVA_OPTS} last, as the
     * launcher gives it; in a session of its own ({@code setsid}) where there is one, so that a Ctrl-C in the terminal
     * stops the client, not the daemon.
     */
    private List<String> daemonCommand(DaemonDirectory directory) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String userOptions = environment.getOrDefault("AUTOGEN_JAVA_OPTS", "");
        if (!userOptions.contains("GC")) {
            // the serial collector; a young generation that holds what a cold check at 1 000 entities allocates
            // (Hibernate's boot: ~300 MB), so that it runs without a young collection copying its half-built model
            // (CheckDaemon empties it after such a check; measured in bench/RESULTS.md); the old generation gives
            // memory back at a full collection when this much of it is free (CheckDaemon collects once idle); on a
            // machine whose default heap is small, a quarter of it (this JVM's maximum is the daemon's too)
            long young = Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4);
            command.addAll(List.of("-XX:+UseSerialGC", "-Xmn" + (young >> 20) + "m", "-XX:MinHeapFreeRatio=10",
                    "-XX:MaxHeapFreeRatio=30"));
        }
        command.add("--enable-native-access=ALL-UNNAMED");
        for (String option : userOptions.strip().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CheckDaemon.class.getName(),
                directory.path().toString()));
        return command;
    }

    static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;
        }
    }

    /** One line per daemon of this user's that answers: what {@code autogen daemon status} prints. */
    public static List<String> statuses(DaemonDirectory directory) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path socket : sockets(directory)) {
            String answer = ask(socket, DaemonProtocol.STATUS);
            if (answer != null) {
                lines.add(answer);
            }
        }
        return lines;
    }

    /** Asks every daemon of this user's to stop; returns how many said they would. */
    public static int stopAll(DaemonDirectory directory) throws IOException {
        int stopped = 0;
        for (Path socket : sockets(directory)) {
            if (ask(socket, DaemonProtocol.STOP) != null) {
                stopped++;
            }
        }
        return stopped;
    }

    private static List<Path> sockets(DaemonDirectory directory) throws IOException {
        List<Path> sockets = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.path(), "*.socket")) {
            entries.forEach(sockets::add);
        }
        sockets.sort(null);
        return sockets;
    }

    /** The status text or "stopping" a daemon answers, or null when none answers on {@code socket}. */
    private static String ask(Path socket, byte kind) {
        SocketChannel connection = connect(socket);
        if (connection == null) {
            return null;
        }
        try (connection) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection));
            DaemonProtocol.writeRequest(out, new DaemonProtocol.Request(kind, "", "UTF-8", List.of()));
            DataInputStream in = new DataInputStream(Channels.newInputStream(connection));
            return switch (DaemonProtocol.readKind(in)) {
                case DaemonProtocol.STATUS_TEXT -> DaemonProtocol.readText(in);
                case DaemonProtocol.EXIT -> "stopping";
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }
}
