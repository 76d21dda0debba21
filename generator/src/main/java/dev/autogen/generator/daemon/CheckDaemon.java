package dev.autogen.generator.daemon;

import dev.autogen.generator.cli.AutogenCommand;
import dev.autogen.generator.config.RedactingOutputStream;
import dev.autogen.generator.config.Redaction;
import dev.autogen.generator.project.KeptConnections;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * A resident JVM that answers {@code autogen check} for clients of its own environment ({@link DaemonKey}), as
 * Gradle's daemon answers builds: a new JVM spends most of a no-op check's time starting, loading and interpreting
 * code that a JVM which has run a few checks has compiled. Each request is run exactly as the client's own process
 * would run it ({@link AutogenCommand#run(java.io.Writer, java.io.Writer, String...)}, with this process's
 * environment and working directory, which the key makes the client's): the entity model, the catalog and the
 * migrations are read anew each time (through the same on-disk caches), so a daemon never answers from what it
 * remembers, only faster. Requests are served one at a time, each on a connection of its own.
 *
 * <p>It stops when idle for {@code AUTOGEN_DAEMON_IDLE_MINUTES} (default 180, Gradle's three hours), when its jar is
 * rebuilt, when asked ({@code autogen daemon stop}), or after a request that left its heap more than three quarters
 * full (the next client starts a fresh one). Everything it would print outside a request goes, redacted, to its log
 * beside the socket.
 */
public final class CheckDaemon {
    static final String IDLE_VARIABLE = "AUTOGEN_DAEMON_IDLE_MINUTES";
    private static final Duration DEFAULT_IDLE = Duration.ofHours(3);
    static final String KEEP_CONNECTIONS_VARIABLE = "AUTOGEN_DAEMON_KEEP_CONNECTIONS_SECONDS";
    private static final Duration DEFAULT_KEEP_CONNECTIONS = Duration.ofMinutes(5);
    /** How long after a check the heap is trimmed, when no other came ({@link #trimHeapWhenIdle}). */
    private static final Duration TRIM_AFTER = Duration.ofSeconds(10);

    private final DaemonDirectory directory;
    private final DaemonKey key;
    private final Duration idleLimit;
    private final Duration keptConnections;
    private final String owner;
    private final Path jar;
    private final String jarStamp;
    private final Instant started = Instant.now();
    private volatile Instant lastUsed = started;
    /** Whether the heap was trimmed since the last request ({@link #trimHeapWhenIdle}). */
    private volatile boolean trimmed = true;
    private volatile boolean stopping;
    private volatile boolean serving;
    private int served;
    private ServerSocketChannel server;

    CheckDaemon(DaemonDirectory directory, DaemonKey key, Duration idleLimit, Duration keptConnections)
            throws IOException {
        this.directory = directory;
        this.key = key;
        this.idleLimit = idleLimit;
        this.keptConnections = keptConnections;
        this.owner = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name")).getName();
        this.jar = firstJar(System.getProperty("java.class.path"));
        this.jarStamp = stamp(jar);
    }

    public static void main(String[] args) throws IOException {
        Redaction.rememberForThisProcess();
        System.setOut(RedactingOutputStream.wrap(System.out));
        System.setErr(RedactingOutputStream.wrap(System.err));
        Logger root = Logger.getLogger("");
        root.setLevel(Level.OFF);
        // the console handler binds to System.err when first asked for: now, to the log, not to a request's stream
        root.getHandlers();
        DaemonDirectory directory;
        try {
            // the client names the directory it resolved (its environment may name it, or not: the same either way)
            directory = args.length == 1 ? DaemonDirectory.verified(Path.of(args[0]))
                    : DaemonDirectory.resolve(System.getenv());
        } catch (DaemonDirectory.Unusable e) {
            System.err.println("autogen daemon: " + e.getMessage());
            System.exit(2);
            return;
        }
        CheckDaemon daemon = new CheckDaemon(directory, DaemonKey.ofThisProcess(), idleLimit(System.getenv()),
                keptConnections(System.getenv()));
        if (daemon.bind()) {
            // killed (SIGTERM, a logout): no socket or pid file left behind for the next client to stumble on
            Runtime.getRuntime().addShutdownHook(new Thread(daemon::removeFiles, "autogen-daemon-cleanup"));
            daemon.serve();
        }
        System.exit(0);
    }

    static Duration idleLimit(Map<String, String> environment) {
        return duration(environment.get(IDLE_VARIABLE), DEFAULT_IDLE, ChronoUnit.MINUTES, 1);
    }

    /** How long PostgreSQL connections are kept after a check ({@link KeptConnections}); zero keeps none. */
    static Duration keptConnections(Map<String, String> environment) {
        return duration(environment.get(KEEP_CONNECTIONS_VARIABLE), DEFAULT_KEEP_CONNECTIONS,
                ChronoUnit.SECONDS, 0);
    }

    /** A whole number of {@code unit}s, at least {@code least}; the default when unset or not a number. */
    private static Duration duration(String setting, Duration otherwise, ChronoUnit unit,
                                     long least) {
        try {
            return setting == null || setting.isBlank() ? otherwise
                    : Duration.of(Math.max(least, Long.parseLong(setting.strip())), unit);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * Listens on this key's socket; false when another daemon already answers there (two clients started one each
     * at the same moment), which leaves that one alone.
     */
    boolean bind() throws IOException {
        Path socket = directory.socket(key);
        if (Files.exists(socket)) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return false;
            } catch (IOException dead) {
                Files.deleteIfExists(socket); // left by a daemon that was killed
            }
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException raced) {
            server.close();
            return false;
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(directory.pidFile(key), ProcessHandle.current().pid() + "\n");
        return true;
    }

    /** Serves requests until stopped; removes its socket and pid file on the way out. */
    void serve() throws IOException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "autogen-daemon-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, Math.min(60, idleLimit.toSeconds() / 4));
        watchdog.scheduleWithFixedDelay(() -> {
            boolean idle = !serving && Duration.between(lastUsed, Instant.now()).compareTo(idleLimit) > 0;
            if (idle || !jarStamp.equals(stamp(jar))) {
                stop();
            }
        }, period, period, TimeUnit.SECONDS);
        watchdog.scheduleWithFixedDelay(this::trimHeapWhenIdle, TRIM_AFTER.toSeconds(), 5, TimeUnit.SECONDS);
        KeptConnections.keepFor(keptConnections);
        watchdog.scheduleWithFixedDelay(KeptConnections::closeExpired, 5, 5, TimeUnit.SECONDS);
        try {
            while (!stopping) {
                SocketChannel connection;
                try {
                    connection = server.accept();
                } catch (ClosedChannelException closed) {
                    break;
                }
                serving = true;
                try (connection) {
                    handle(connection);
                } catch (IOException | RuntimeException e) {
                    System.err.println("autogen daemon: a request failed: " + e);
                } finally {
                    serving = false;
                    lastUsed = Instant.now();
                    trimmed = false;
                }
            }
        } finally {
            watchdog.shutdownNow();
            stop();
            KeptConnections.keepFor(null); // closes them: a stopped daemon holds no connection
            removeFiles();
        }
    }

    /** Removes this daemon's socket and pid file (only its own: a successor's pid file names another process). */
    void removeFiles() {
        try {
            Path pidFile = directory.pidFile(key);
            if (Files.exists(pidFile) && Files.readString(pidFile).strip().equals(
                    Long.toString(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(directory.socket(key));
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // the next daemon replaces a dead socket anyway (bind)
        }
    }

    /**
     * Once a check has been answered and nothing came for {@link #TRIM_AFTER}: a full collection, which with the
     * heap-free ratios the client starts the daemon with ({@code -XX:MaxHeapFreeRatio}) gives the memory of a check
     * back to the system (a cold check at 5 000 entities leaves the heap at 1.2 GB) rather than keeping it for hours.
     */
    private void trimHeapWhenIdle() {
        if (!trimmed && !serving && Duration.between(lastUsed, Instant.now()).compareTo(TRIM_AFTER) >= 0) {
            trimmed = true;
            System.gc();
        }
    }

    /**
     * Right after a check that left the young generation more than a quarter full (a cold one: Hibernate's boot
     * allocates a few hundred megabytes at 1 000 entities), a full collection while the client prints the answer. A
     * check that starts with that much of the young generation taken has it fill up halfway through, and the young
     * collection then copies the model half built at that moment: 130–600 ms of a cold check measured at 1 000
     * entities, against 70–120 ms for this collection, when little is alive. Warm checks allocate little and seldom
     * cross the line.
     */
    private static void collectWhenYoungGenerationFilled() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getUsage();
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden") && usage != null
                    && usage.getCommitted() > 0 && usage.getUsed() > usage.getCommitted() / 4) {
                System.gc();
                return;
            }
        }
    }

    void stop() {
        stopping = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing is all that was asked
        }
    }

    private void handle(SocketChannel connection) throws IOException {
        UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (!peer.user().getName().equals(owner)) {
            System.err.println("autogen daemon: refused a connection from user " + peer.user().getName());
            return;
        }
        DataInputStream in = new DataInputStream(Channels.newInputStream(connection));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection)));
        DaemonProtocol.Request request = DaemonProtocol.readRequest(in);
        // status and stop are for any daemon of this user's (autogen daemon status|stop lists them all); a check only
        // for a client of this daemon's own environment
        if (request.kind() == DaemonProtocol.RUN && !request.key().equals(key.text())) {
            notServed(out, "a daemon of another environment");
            return;
        }
        switch (request.kind()) {
            case DaemonProtocol.STATUS -> {
                out.writeByte(DaemonProtocol.STATUS_TEXT);
                DaemonProtocol.writeText(out, status());
                out.flush();
            }
            case DaemonProtocol.STOP -> {
                stop();
                out.writeByte(DaemonProtocol.EXIT);
                out.writeInt(0);
                out.flush();
            }
            case DaemonProtocol.RUN -> run(request, out);
            default -> notServed(out, "an unknown request");
        }
    }

    private void run(DaemonProtocol.Request request, DataOutputStream out) throws IOException {
        String[] args = request.arguments().toArray(String[]::new);
        if (!jarStamp.equals(stamp(jar))) {
            stop();
            notServed(out, "a daemon of an older build");
            return;
        }
        if (!AutogenCommand.asksForCheckOnly(args)) {
            notServed(out, "not a check");
            return;
        }
        Charset charset = charset(request.encoding());
        PrintStream stdout = RedactingOutputStream.wrap(new PrintStream(
                DaemonProtocol.frames(out, DaemonProtocol.STDOUT), true, charset));
        PrintStream stderr = RedactingOutputStream.wrap(new PrintStream(
                DaemonProtocol.frames(out, DaemonProtocol.STDERR), true, charset));
        PrintStream ownOut = System.out;
        PrintStream ownErr = System.err;
        Logger root = Logger.getLogger("");
        System.setOut(stdout);
        System.setErr(stderr);
        // as AutogenCommand.main: the drivers' java.util.logging chatter only with --verbose, then on this stderr
        boolean verbose = List.of(args).contains("--verbose");
        Handler[] ownHandlers = root.getHandlers();
        StreamHandler requestLog = new StreamHandler(stderr, new SimpleFormatter());
        if (verbose) {
            for (Handler handler : ownHandlers) {
                root.removeHandler(handler);
            }
            root.addHandler(requestLog);
        }
        root.setLevel(verbose ? Level.INFO : Level.OFF);
        int code;
        try {
            code = AutogenCommand.run(new OutputStreamWriter(stdout, charset), new OutputStreamWriter(stderr, charset),
                    args);
        } catch (OutOfMemoryError e) {
            stderr.println("autogen: the check daemon ran out of memory; run again (a new daemon starts) or set"
                    + " AUTOGEN_DAEMON=off");
            code = 2;
            stop();
        } finally {
            stdout.flush();
            stderr.flush();
            root.setLevel(Level.OFF);
            if (verbose) {
                requestLog.flush();
                root.removeHandler(requestLog);
                for (Handler handler : ownHandlers) {
                    root.addHandler(handler);
                }
            }
            System.setOut(ownOut);
            System.setErr(ownErr);
        }
        served++;
        out.writeByte(DaemonProtocol.EXIT);
        out.writeInt(code);
        out.flush();
        collectWhenYoungGenerationFilled();
        Runtime runtime = Runtime.getRuntime();
        if (runtime.totalMemory() - runtime.freeMemory() > runtime.maxMemory() / 4 * 3) {
            System.gc();
            if (runtime.totalMemory() - runtime.freeMemory() > runtime.maxMemory() / 4 * 3) {
                stop(); // whatever holds that much, a fresh daemon does not
            }
        }
    }

    private String status() {
        return "pid " + ProcessHandle.current().pid() + ", working directory " + Path.of("").toAbsolutePath()
                + ", up since " + started + ", " + served + (served == 1 ? " check" : " checks") + " served, idle for "
                + Duration.between(lastUsed, Instant.now()).toSeconds() + " s (stops after " + idleLimit.toMinutes()
                + " min)";
    }

    private static void notServed(DataOutputStream out, String why) throws IOException {
        out.writeByte(DaemonProtocol.NOT_SERVED);
        DaemonProtocol.writeText(out, why);
        out.flush();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    private static Path firstJar(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (Files.isRegularFile(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        return null;
    }

    private static String stamp(Path jar) {
        try {
            return jar == null ? "" : Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return "gone";
        }
    }
}
