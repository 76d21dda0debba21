package dev.autogen.bench.locks;

import java.util.List;

/**
 * What the writers saw during one migration step: how many statements ran, the 99th percentile and the maximum of
 * their durations, in milliseconds.
 */
record Latencies(int statements, double p99Millis, double maxMillis) {

    static Latencies of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Latencies(0, 0, 0);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int p99 = (int) Math.ceil(sorted.length * 0.99) - 1;
        return new Latencies(sorted.length, sorted[p99] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    String text() {
        return statements == 0 ? "no statement" : "%.0f ms / %.0f ms".formatted(maxMillis, p99Millis);
    }
}
