package dev.autogen.migrate.fleet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state file of a rollout ({@code --state FILE}): a header naming the command, its target and the migrations'
 * heads, then one line per finished target ({@code eu-1/tenant_07 done} or {@code ... failed}), appended and flushed
 * as each target finishes, so that a rollout killed half-way keeps what it finished. A rerun skips the targets recorded
 * as done without looking at them; a state file written for another command, target or set of migrations is refused
 * rather than trusted.
 */
final class RolloutState {
    private final Path file;
    private final Set<String> done;
    private BufferedWriter writer;

    private RolloutState(Path file, Set<String> done) {
        this.file = file;
        this.done = done;
    }

    /**
     * The state in {@code file} for a rollout described by {@code header}; a new, empty state when the file does not
     * exist yet.
     *
     * @throws IllegalArgumentException when the file records another rollout
     */
    static RolloutState open(Path file, String header) {
        Set<String> done = new HashSet<>();
        String expected = "# autogen rollout: " + header;
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).equals(expected)) {
                    throw new IllegalArgumentException("the state file " + file + " records another rollout ("
                            + lines.get(0).replaceFirst("^# autogen rollout: ", "") + "), not " + header
                            + ": give another --state file, or delete it to start over");
                }
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] words = line.split(" ");
                    if (words.length == 2 && words[1].equals("done")) {
                        done.add(words[0]);
                    } else if (words.length == 2) {
                        done.remove(words[0]);
                    }
                }
            }
            RolloutState state = new RolloutState(file, done);
            state.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (Files.size(file) == 0) {
                state.append(expected);
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the state file " + file + ": " + e.getMessage(), e);
        }
    }

    boolean done(FleetTarget target) {
        return done.contains(target.key());
    }

    /** Records how {@code target} ended; done targets are skipped by the next run with this file. */
    synchronized void record(FleetTarget target, boolean succeeded) {
        append(target.key() + (succeeded ? " done" : " failed"));
    }

    private void append(String line) {
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }

    void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }
}
