package dev.autogen.bench.locks;

import dev.autogen.bench.Machine;
import dev.autogen.bench.locks.LocksBench.Run;
import java.util.List;

/** The lock benchmark's section of bench/RESULTS.md: one row per step, the naive plan beside autogen's. */
final class LocksReport {
    private LocksReport() {
    }

    static String markdown(long rows, int writers, int lockTimeoutMs, List<LockStep> steps, Run naive, Run autogen) {
        StringBuilder out = new StringBuilder();
        out.append("### Under concurrent writes (issue #10, `bench/run --locks ").append(rows).append("`)\n\n")
                .append(rows).append(" accounts and ").append(rows / 5).append(" payments, ").append(writers)
                .append(" writer connections inserting and updating without pause; each step run as the plain")
                .append(" statement (naive) and as autogen's migration with its online plan under lock_timeout ")
                .append(lockTimeoutMs).append(" ms, on two databases with the same rows and load. Writers: the")
                .append(" worst / 99th-percentile statement latency while the step ran. Load average at the end: ")
                .append(Machine.loadAverage()).append(".\n\n")
                .append("| step | naive: duration | naive: writers worst / p99 | autogen: duration"
                        + " | autogen: writers worst / p99 |\n|---|---:|---:|---:|---:|\n");
        double worstAutogen = 0;
        for (int i = 0; i < steps.size(); i++) {
            Latencies n = naive.latencies().get(i);
            Latencies a = autogen.latencies().get(i);
            worstAutogen = Math.max(worstAutogen, a.maxMillis());
            out.append("| ").append(steps.get(i).name()).append(" | ").append(seconds(naive.stepMillis().get(i)))
                    .append(" | ").append(n.text()).append(" | ").append(seconds(autogen.stepMillis().get(i)))
                    .append(" | ").append(a.text()).append(" |\n");
        }
        out.append("\nRows afterwards: naive ").append(naive.rowCheck()).append(" (").append(naive.writes())
                .append(" writes, ").append(naive.failures()).append(" failed); autogen ").append(autogen.rowCheck())
                .append(" (").append(autogen.writes()).append(" writes, ").append(autogen.failures())
                .append(" failed).\n\nTarget: no writer statement waits longer than ").append(lockTimeoutMs)
                .append(" ms under autogen's plan: ")
                .append(worstAutogen <= lockTimeoutMs ? "met" : "NOT met")
                .append(" (worst %.0f ms).\n".formatted(worstAutogen));
        return out.toString();
    }

    private static String seconds(long millis) {
        return "%.2f s".formatted(millis / 1000.0);
    }
}
