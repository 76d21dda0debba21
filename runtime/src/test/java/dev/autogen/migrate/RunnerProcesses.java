package dev.autogen.migrate;

import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link MigrationRunnerProcess} in a new JVM with the test class path. */
final class RunnerProcesses {
    private RunnerProcesses() {
    }

    static Process start(Dialect dialect, String url, String migrationsPackage, int pauseSeconds) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), MigrationRunnerProcess.class.getName(),
                dialect.name(), url, migrationsPackage, Integer.toString(pauseSeconds));
        try {
            return new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
