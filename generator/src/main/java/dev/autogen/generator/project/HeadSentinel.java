package dev.autogen.generator.project;

import dev.autogen.generator.config.Settings;
import dev.autogen.generator.config.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conflict sentinel: a small committed file, {@code autogen-head}, beside the migrations, naming the current head.
 * Every command that moves the head ({@code -m}, {@code merge}, {@code rebase}) rewrites its one id line, so two
 * branches that each add a revision both change that same line from the same base, and git stops the second merge
 * with a conflict there instead of letting two heads surprise CI later. {@code check} reads it back: conflict markers
 * or an id that is not the graph's head are a problem, with the command that fixes it.
 *
 * <p>A project without the file has not adopted it yet (it predates the sentinel); the next command that moves the
 * head writes it, and until then {@code check} says nothing about it.
 */
public final class HeadSentinel {
    /** The file's name, in the migrations package's directory. */
    public static final String FILE_NAME = "autogen-head";

    private static final String HEADER = """
            # autogen: the head revision of these migrations, rewritten by autogen -m, merge and rebase.
            # Commit it. A git conflict here means two branches each added a revision: run autogen rebase.
            """;

    /**
     * What the file says.
     *
     * @param ours   the id(s) on this side: the whole file, or the {@code <<<<<<<} part of a conflict
     * @param theirs the id(s) in the {@code >>>>>>>} part of a conflict; empty when there is none
     */
    public record State(List<String> ours, List<String> theirs, boolean conflicted) {
    }

    private HeadSentinel() {
    }

    /** Where the sentinel of {@code settings}' migrations lives. */
    public static Path file(Settings settings) {
        return packageDirectory(settings.migrationsDir(), settings.migrationsPackage()).resolve(FILE_NAME);
    }

    static Path packageDirectory(Path migrationsDir, String packageName) {
        return migrationsDir.resolve(packageName.replace('.', '/'));
    }

    /** Writes {@code head} into the sentinel in {@code packageDirectory}, replacing whatever it held. */
    public static void write(Path packageDirectory, String head) {
        Path file = packageDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(packageDirectory);
            Files.writeString(file, HEADER + head + "\n");
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage() + ": check --migrations", e);
        }
    }

    /** The sentinel's content, or empty when the project has none yet. */
    public static Optional<State> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage() + ": check --migrations", e);
        }
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        boolean conflicted = false;
        List<String> side = ours;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("<<<<<<<")) {
                conflicted = true;
                side = ours;
            } else if (line.startsWith("|||||||")) {
                side = new ArrayList<>(); // diff3's common ancestor: neither side
            } else if (line.startsWith("=======")) {
                conflicted = true;
                side = theirs;
            } else if (line.startsWith(">>>>>>>")) {
                conflicted = true;
                side = ours;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                side.add(line);
            }
        }
        return Optional.of(new State(List.copyOf(ours), List.copyOf(theirs), conflicted));
    }

    /**
     * What {@code check} reports about the sentinel against the graph's {@code heads}: nothing when it is absent or
     * agrees; one line naming the command that fixes it otherwise.
     */
    public static List<String> problems(Path file, List<String> heads) {
        Optional<State> read = read(file);
        if (read.isEmpty()) {
            return List.of();
        }
        State state = read.get();
        if (state.conflicted()) {
            return List.of(FILE_NAME + " holds git conflict markers (" + String.join(", ", state.ours()) + " here, "
                    + String.join(", ", state.theirs()) + " merged in): two branches each added a revision; put"
                    + " this branch's revisions after the other's with autogen rebase (or join them with autogen"
                    + " merge -m \"merge heads\")");
        }
        if (heads.size() == 1 && !state.ours().equals(heads)) {
            return List.of(FILE_NAME + " names " + (state.ours().isEmpty() ? "no revision"
                    : String.join(", ", state.ours())) + " but the migrations' head is " + heads.get(0)
                    + ": rewrite it with autogen heads --write-sentinel");
        }
        return List.of();
    }
}
