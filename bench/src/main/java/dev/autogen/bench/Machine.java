package dev.autogen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line describing the machine a run measured: CPUs, CPU model, memory, JDK and the load average at the start. */
public final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Long.parseLong(v.replace("kB", "").strip()) / 1024 / 1024 + " GiB")
                .orElse("unknown memory");
        String load = loadAverage();
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + cpu + ", " + memory
                + " RAM; JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + "; load average at start " + load + ".";
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them, or "unknown". */
    public static String loadAverage() {
        return read(Path.of("/proc/loadavg")).map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
