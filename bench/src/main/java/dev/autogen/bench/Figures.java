package dev.autogen.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one model size: for each timed command its cold runs, and for each in-process phase (and count)
 * the values the probe printed, in the order first seen. Medians are taken here.
 */
final class Figures {
    final int entities;
    final Map<String, List<ColdRun.Result>> commands = new LinkedHashMap<>();
    final Map<String, List<Long>> phases = new LinkedHashMap<>();
    final Map<String, List<Long>> referencePhases = new LinkedHashMap<>();
    final Map<String, List<Long>> counts = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();

    Figures(int entities) {
        this.entities = entities;
    }

    void add(String command, ColdRun.Result result) {
        commands.computeIfAbsent(command, k -> new ArrayList<>()).add(result);
    }

    /** A remark printed with {@code command}'s row (a failure, a workaround). */
    void note(String command, String note) {
        notes.put(command, note);
    }

    /** Reads the {@code phase <name> <millis>} and {@code count <name> <n>} lines of a probe's output. */
    void addProbeOutput(String stdout, boolean reference) {
        for (String line : stdout.lines().toList()) {
            int lastSpace = line.lastIndexOf(' ');
            if (lastSpace < 0) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(line.substring(lastSpace + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (line.startsWith("phase ")) {
                (reference ? referencePhases : phases)
                        .computeIfAbsent(line.substring(6, lastSpace), k -> new ArrayList<>()).add(value);
            } else if (line.startsWith("count ") && !reference) {
                counts.computeIfAbsent(line.substring(6, lastSpace), k -> new ArrayList<>()).add(value);
            }
        }
    }

    long medianWall(String command) {
        return median(commands.get(command).stream().map(ColdRun.Result::wallMillis).toList());
    }

    long medianRssKb(String command) {
        return median(commands.get(command).stream().map(ColdRun.Result::peakRssKb).toList());
    }

    long minWall(String command) {
        return commands.get(command).stream().mapToLong(ColdRun.Result::wallMillis).min().orElse(0);
    }

    long maxWall(String command) {
        return commands.get(command).stream().mapToLong(ColdRun.Result::wallMillis).max().orElse(0);
    }

    /** The lower median (an element that was measured, never an average of two). */
    static long median(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
