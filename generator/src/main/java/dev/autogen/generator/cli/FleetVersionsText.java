package dev.autogen.generator.cli;

import dev.autogen.migrate.LoadedMigration;
import dev.autogen.migrate.fleet.Rollout;
import dev.autogen.migrate.fleet.TargetVersion;
import dev.autogen.migrate.graph.RevisionGraph;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code current --targets FILE} and {@code check --targets FILE}: where every target is, from one summary query per
 * server ({@link Rollout#versions}), so a check of thousands of tenant schemas costs a few queries. {@code check}
 * compares the version rows with the single head only; it does not diff each target's tables with the entities.
 */
final class FleetVersionsText {
    private FleetVersionsText() {
    }

    /** One line per target: {@code eu-1/tenant_07: 209336e70286 (head)}, {@code ...: base}, {@code ...: FAILED ...}. */
    static int current(List<TargetVersion> versions, RevisionGraph graph, PrintWriter out) {
        boolean allRead = true;
        for (TargetVersion v : versions) {
            allRead &= v.readable();
            out.println(v.target().key() + ": " + (v.readable() ? at(v.current(), graph) : "FAILED " + v.problem()));
        }
        out.flush();
        return allRead ? ExitCodes.OK : ExitCodes.DATABASE;
    }

    /**
     * The targets not at the single head (text: one line each, then a count; json: {@code {"inSync":..,"targets":[
     * {"target":..,"current":[..],"atHead":..,"problem":..}]}}); exit 1 when any is behind or unreadable.
     */
    static int check(List<TargetVersion> versions, List<LoadedMigration> migrations, boolean json, PrintWriter out) {
        RevisionGraph graph = new RevisionGraph(migrations);
        List<String> heads = graph.heads();
        long atHead = versions.stream().filter(v -> v.readable() && graph.position(v.current()).equals(heads)).count();
        boolean inSync = heads.size() <= 1 && atHead == versions.size();
        if (json) {
            StringBuilder text = new StringBuilder("{\"inSync\":").append(inSync).append(",\"heads\":[")
                    .append(String.join(",", heads.stream().map(PlanJson::string).toList())).append("],\"targets\":[");
            for (int i = 0; i < versions.size(); i++) {
                TargetVersion v = versions.get(i);
                text.append(i > 0 ? "," : "").append("{\"target\":").append(PlanJson.string(v.target().key()))
                        .append(",\"current\":[").append(String.join(",", v.current().stream().map(PlanJson::string)
                                .toList())).append("],\"atHead\":")
                        .append(v.readable() && graph.position(v.current()).equals(heads))
                        .append(",\"problem\":").append(PlanJson.nullable(v.problem())).append('}');
            }
            out.println(text.append("]}"));
        } else {
            if (heads.size() > 1) {
                out.println("Out of sync: the migrations have " + heads.size() + " heads (" + String.join(", ", heads)
                        + "): merge them (autogen merge)");
            }
            for (TargetVersion v : versions) {
                if (!v.readable()) {
                    out.println("Out of sync: " + v.target().key() + ": " + v.problem());
                } else if (!graph.position(v.current()).equals(heads)) {
                    out.println("Out of sync: " + v.target().key() + " is at "
                            + (v.current().isEmpty() ? "base" : String.join(", ", v.current())) + ", not at head "
                            + String.join(", ", heads));
                }
            }
            out.println(versions.size() + " targets: " + atHead + " at head " + String.join(", ", heads) + ", "
                    + (versions.size() - atHead) + " not.");
        }
        out.flush();
        return inSync ? ExitCodes.OK : ExitCodes.DRIFT;
    }

    private static String at(List<String> current, RevisionGraph graph) {
        if (current.isEmpty()) {
            return "base";
        }
        return String.join(", ", graph.position(current).stream().map(id -> id + (graph.heads().contains(id)
                ? " (head)" : graph.readingRows(current).contains(id) ? "" : " (unknown to these migrations)"))
                .toList());
    }
}
