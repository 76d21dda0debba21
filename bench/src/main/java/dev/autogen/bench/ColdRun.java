package dev.autogen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One cold run: a new JVM process, timed from just before it is started to its exit, with its peak resident set size.
 * The peak is the kernel's high-water mark ({@code VmHWM} in {@code /proc/PID/status}), polled every few milliseconds
 * while the process runs; only growth in the last poll interval before exit can be missed.
 */
final class ColdRun {
    private static final long POLL_MILLIS = 5;

    /** What one process did. {@code peakRssKb} is 0 where {@code /proc} is not available. */
    record Result(long wallMillis, long peakRssKb, int exitCode, String stdout, String stderr) {
        /** Throws unless the exit code is one of {@code expected}, quoting the output. */
        Result expect(String what, int... expected) {
            for (int code : expected) {
                if (code == exitCode) {
                    return this;
                }
            }
            throw new IllegalStateException(what + " exited " + exitCode + "\n--- stdout\n" + tail(stdout)
                    + "\n--- stderr\n" + tail(stderr));
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        }
    }

    private ColdRun() {
    }

    /**
     * Runs {@code command} in {@code workDir}. An argument equal to {@link #LAUNCH_MILLIS} is replaced by the wall
     * clock (epoch milliseconds) read just before the process starts, so the child can report its time to main.
     */
    static Result run(List<String> command, Path workDir) {
        return run(command, workDir, java.util.Map.of());
    }

    /** {@link #run(List, Path)} with {@code environment} added to this process's environment. */
    static Result run(List<String> command, Path workDir, java.util.Map<String, String> environment) {
        try {
            Path out = Files.createTempFile(workDir, "run-", ".out");
            Path err = Files.createTempFile(workDir, "run-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder().directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                List<String> args = new ArrayList<>(command);
                long startNanos = System.nanoTime();
                args.replaceAll(a -> a.equals(LAUNCH_MILLIS) ? "-Dbench.launched=" + System.currentTimeMillis() : a);
                Process process = builder.command(args).start();
                long peak = 0;
                while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    peak = Math.max(peak, highWaterMarkKb(process.pid()));
                }
                long wall = (System.nanoTime() - startNanos) / 1_000_000;
                return new Result(wall, peak, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The placeholder argument {@link #run} replaces with {@code -Dbench.launched=<epoch millis>}. */
    static final String LAUNCH_MILLIS = "@launch-millis@";

    private static long highWaterMarkKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process exited between the poll and the read, or there is no /proc: keep the last value
        }
        return 0;
    }
}
