package dev.autogen.generator.project;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One line on standard error that says what a long step is doing and for how long ({@code autogen: reading 1000
 * entities through Hibernate… 4 s}), redrawn in place and erased when the step ends. A cold command on thousands of
 * entities, or a fleet of schemas, would otherwise sit silent for many seconds; but CI logs and redirected output
 * must not fill with carriage returns, so the line is drawn only on an interactive terminal outside CI (no {@code CI}
 * variable, {@code TERM} not {@code dumb}), and only once a step has taken a second: short commands print nothing.
 *
 * <p>Output that goes to the same terminal while a step runs (a fleet's per-schema lines) goes through
 * {@link #println}, which erases the line, prints, and draws it again.
 */
public final class ProgressLine {
    private static final String ERASE = "\r\033[K";
    private static ProgressLine terminal;

    private final PrintStream stream;
    private final Duration interval;
    private String task;
    private long started;
    private boolean drawn;
    private Thread ticker;

    /** A line drawn on {@code stream} every {@code interval} once a step has lasted that long; null: quiet. */
    ProgressLine(PrintStream stream, Duration interval) {
        this.stream = stream;
        this.interval = interval;
    }

    /** The line on this process's terminal, or a quiet one when there is none (see the class comment). */
    public static synchronized ProgressLine terminal() {
        if (terminal == null) {
            terminal = new ProgressLine(interactive(System.console(), System.getenv()) ? System.err : null,
                    Duration.ofSeconds(1));
        }
        return terminal;
    }

    /** A line drawn on {@code stream} (a terminal's, or a test's) every {@code interval}. */
    public static ProgressLine drawingOn(PrintStream stream, Duration interval) {
        return new ProgressLine(stream, interval);
    }

    /** A line that never draws anything. */
    public static ProgressLine quiet() {
        return new ProgressLine(null, Duration.ofSeconds(1));
    }

    /** Whether this line draws at all (an interactive terminal); a quiet one never does. */
    public boolean draws() {
        return stream != null;
    }

    /** Whether a progress line belongs on this console in this environment. */
    static boolean interactive(Console console, Map<String, String> environment) {
        return console != null && ConsoleRenamePrompt.isTerminal(console) && environment.get("CI") == null
                && !"dumb".equals(environment.get("TERM"));
    }

    /** Runs {@code work} with {@code task} on the line; the line is erased when it ends, however it ends. */
    public <T> T during(String task, Supplier<T> work) {
        start(task);
        try {
            return work.get();
        } finally {
            end(task);
        }
    }

    /** Starts (or renames) the current step. */
    public synchronized void start(String task) {
        if (this.task == null) {
            started = System.nanoTime();
        }
        this.task = task;
        if (stream != null && ticker == null) {
            ticker = Thread.ofPlatform().daemon().name("autogen-progress").start(this::tick);
        }
    }

    /** Ends {@code task} if it is still the current step, erasing the line. */
    public synchronized void end(String task) {
        if (task.equals(this.task)) {
            erase();
            this.task = null;
            if (ticker != null) {
                ticker.interrupt();
                ticker = null;
            }
        }
    }

    /** Prints {@code line} to {@code out} without mixing it into the progress line. */
    public synchronized void println(PrintWriter out, String line) {
        erase();
        out.println(line);
        out.flush();
        draw();
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(interval);
                synchronized (this) {
                    if (ticker != Thread.currentThread()) {
                        return;
                    }
                    draw();
                }
            }
        } catch (InterruptedException e) {
            // ended
        }
    }

    private void draw() {
        long elapsed = System.nanoTime() - started;
        if (stream == null || task == null || elapsed < interval.toNanos()) {
            return;
        }
        stream.print(ERASE + "autogen: " + task + "… " + Duration.ofNanos(elapsed).toSeconds() + " s");
        stream.flush();
        drawn = true;
    }

    private void erase() {
        if (drawn) {
            stream.print(ERASE);
            stream.flush();
            drawn = false;
        }
    }
}
