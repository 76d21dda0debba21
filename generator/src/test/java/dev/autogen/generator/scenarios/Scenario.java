package dev.autogen.generator.scenarios;

import dev.autogen.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One scenario of the suite, read from {@code scenarios/<name>/} (DESIGN.md §6, scenario tests as data):
 * <ul>
 *   <li>{@code before/*.java} and {@code after/*.java}: entity sources in packages
 *       {@code scenarios.<name>.before} and {@code scenarios.<name>.after} ({@code -} in a name becomes
 *       {@code _});</li>
 *   <li>{@code expected.txt}: the plan for before → after, one {@code OperationText} line per operation, led by a
 *       {@code # comment} saying what the scenario covers; {@code expected-sqlite.txt} when SQLite's plan differs,
 *       {@code expected-mariadb.txt} when MariaDB's does;</li>
 *   <li>{@code dialects.txt} (optional): the dialects the feature exists on ({@code postgresql}, {@code sqlite},
 *       {@code mariadb}); without it, all three. A scenario MariaDB cannot pass yet is left out there by name, with its
 *       reason, in the one list {@code scenarios/mariadb-excluded.txt} ({@code name: reason}; docs/comparison.md
 *       lists them too);</li>
 *   <li>{@code known-gap.txt} (optional): one line per known bug, {@code what is wrong} for every dialect or
 *       {@code sqlite: what is wrong} for one; the suite then requires the scenario to still fail there, so that
 *       fixing the bug forces removing the line;</li>
 *   <li>{@code validate-rejects.txt} (optional): {@code sqlite: message} when Hibernate's own {@code validate} cannot
 *       accept even a database its own export created for {@code after} on that dialect (its SQLite dialect expects
 *       {@code bigint} for a {@code Long} identity id that SQLite can only store as the {@code integer} rowid alias);
 *       the suite then requires exactly that message, so the reason stays asserted.</li>
 * </ul>
 *
 * <p>{@code -Dautogen.scenarios=a,b} runs only the named scenarios (while working on them).
 *
 * @param name     the directory name
 * @param sources  every entity source, by path relative to the scenarios root ({@code scenarios/x/before/A.java})
 * @param expected the expected plan lines per dialect
 * @param dialects the dialects the scenario runs on
 * @param gaps     the known gap, per dialect that has one
 * @param validateRejects the message of Hibernate's {@code validate}, per dialect where it rejects {@code after}
 */
record Scenario(String name, Map<String, String> sources, Map<Dialect, List<String>> expected, Set<Dialect> dialects,
                Map<Dialect, String> gaps, Map<Dialect, String> validateRejects) {

    static final String BEFORE = "before";
    static final String AFTER = "after";

    /** Every scenario under {@code root}, sorted by name. */
    static List<Scenario> all(Path root) {
        String only = System.getProperty("autogen.scenarios", "");
        List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> names.isEmpty() || names.contains(dir.getFileName().toString()))
                    .sorted().map(Scenario::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario read(Path dir) {
        String name = dir.getFileName().toString();
        Map<String, String> sources = new TreeMap<>();
        for (String state : List.of(BEFORE, AFTER)) {
            try (Stream<Path> files = Files.list(dir.resolve(state))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.put("scenarios/" + name + "/" + state + "/" + file.getFileName(), Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("scenario " + name + ": cannot read " + state + "/", e);
            }
        }
        List<String> plan = lines(dir.resolve("expected.txt"))
                .orElseThrow(() -> new IllegalStateException("scenario " + name + " has no expected.txt"));
        if (!firstLine(dir.resolve("expected.txt")).startsWith("# ")) {
            throw new IllegalStateException("scenario " + name + ": expected.txt must start with a '# comment' line"
                    + " saying what the scenario covers");
        }
        Map<Dialect, List<String>> expected = new TreeMap<>();
        expected.put(Dialect.POSTGRESQL, plan);
        expected.put(Dialect.SQLITE, lines(dir.resolve("expected-sqlite.txt")).orElse(plan));
        expected.put(Dialect.MARIADB, lines(dir.resolve("expected-mariadb.txt")).orElse(plan));
        Set<Dialect> dialects = lines(dir.resolve("dialects.txt"))
                .map(names -> names.stream().map(n -> Dialect.valueOf(n.toUpperCase(Locale.ROOT)))
                        .collect(() -> EnumSet.noneOf(Dialect.class), Set::add, Set::addAll))
                .orElse(EnumSet.allOf(Dialect.class));
        if (mariadbExclusions(dir.getParent()).containsKey(name)) {
            dialects.remove(Dialect.MARIADB);
        }
        Map<Dialect, String> gaps = perDialect(dir.resolve("known-gap.txt"), dialects);
        Map<Dialect, String> validateRejects = perDialect(dir.resolve("validate-rejects.txt"), dialects);
        return new Scenario(name, sources, expected, dialects, gaps, validateRejects);
    }

    /**
     * The scenarios MariaDB cannot pass yet, each with the reason ({@code scenarios/mariadb-excluded.txt}: one
     * {@code name: reason} line each): the one place they are left out.
     */
    static Map<String, String> mariadbExclusions(Path root) {
        Map<String, String> excluded = new TreeMap<>();
        for (String line : lines(root.resolve("mariadb-excluded.txt")).orElse(List.of())) {
            int colon = line.indexOf(':');
            excluded.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return excluded;
    }

    /** The lines of {@code file}, by the dialect they name ({@code sqlite: ...}), or for every dialect. */
    private static Map<Dialect, String> perDialect(Path file, Set<Dialect> dialects) {
        Map<Dialect, String> gaps = new TreeMap<>();
        for (String line : lines(file).orElse(List.of())) {
            Optional<Dialect> only = Stream.of(Dialect.values())
                    .filter(d -> line.toLowerCase(Locale.ROOT).startsWith(d.name().toLowerCase(Locale.ROOT) + ":"))
                    .findFirst();
            if (only.isPresent()) {
                if (dialects.contains(only.get())) {
                    gaps.put(only.get(), line.substring(line.indexOf(':') + 1).strip());
                }
            } else {
                dialects.forEach(d -> gaps.put(d, line));
            }
        }
        return gaps;
    }

    /** The entity package of one state: {@code scenarios.<name>.before}. */
    String packageOf(String state) {
        return "scenarios." + name.replace('-', '_') + "." + state;
    }

    /** The dialect the emitted-Java round trip plans on (emitting does not depend on the database). */
    Dialect firstDialect() {
        return dialects.iterator().next();
    }

    Optional<String> knownGap(Dialect dialect) {
        return Optional.ofNullable(gaps.get(dialect));
    }

    /** The message Hibernate's {@code validate} rejects {@code after} with on {@code dialect}, if it does. */
    Optional<String> validateRejects(Dialect dialect) {
        return Optional.ofNullable(validateRejects.get(dialect));
    }

    @Override
    public String toString() {
        return name;
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a text file without blank lines and {@code #} comments; empty when the file does not exist. */
    private static Optional<List<String>> lines(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return Optional.of(List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
