package dev.autogen.generator.cli;

import dev.autogen.generator.project.FleetLint;
import dev.autogen.hazard.HazardKind;
import dev.autogen.hazard.LintFinding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@link FleetLint.Report} as text: one row per target ({@code TARGET  PENDING  HAZARDS}: how many revisions are
 * pending there and the kinds of their unacknowledged hazards), the notes of targets that could not be read, a count,
 * then each distinct finding once with its safe alternative; or as JSON for tools: {@code {"passed":false,"targets":[
 * {"target":"eu-1/tenant_07","dialect":"PostgreSQL","current":[..],"pending":[..],"note":null,"findings":[{..}]}],
 * "counts":{"targets":12,"failed":3}}} (each finding as in {@code lint --format json}).
 */
final class FleetLintText {
    private FleetLintText() {
    }

    static void print(PrintWriter out, FleetLint.Report report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "PENDING", "HAZARDS"});
        for (FleetLint.TargetLint t : report.targets()) {
            rows.add(new String[] {t.target(), t.pending().size() + (t.note() == null ? "" : " (all)"), kinds(t)});
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int pendingWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println((RolloutSummary.pad(row[0], width) + "  " + RolloutSummary.pad(row[1], pendingWidth) + "  "
                    + row[2]).stripTrailing());
        }
        for (FleetLint.TargetLint t : report.targets()) {
            if (t.note() != null) {
                out.println("Note: " + t.target() + ": " + t.note() + ".");
            }
        }
        long failed = report.targets().stream().filter(t -> !t.passed()).count();
        int n = report.targets().size();
        out.println(n + " target" + (n == 1 ? "" : "s") + ": " + failed + " with unacknowledged hazards pending, "
                + (n - failed) + " passed.");
        if (failed > 0) {
            List<LintFinding> findings = report.findings();
            out.println("Lint failed: " + LintReportText.count(findings.size(), "unacknowledged hazard")
                    + " pending on " + LintReportText.count((int) failed, "target") + ":");
            LintReportText.printFindings(out, findings);
        }
    }

    static String json(FleetLint.Report report) {
        StringBuilder json = new StringBuilder("{\"passed\":").append(report.passed()).append(",\"targets\":[");
        for (int i = 0; i < report.targets().size(); i++) {
            FleetLint.TargetLint t = report.targets().get(i);
            json.append(i > 0 ? "," : "").append("{\"target\":").append(PlanJson.string(t.target()))
                    .append(",\"dialect\":").append(PlanJson.string(t.dialect().displayName()))
                    .append(",\"current\":").append(RolloutSummary.strings(t.current()))
                    .append(",\"pending\":").append(RolloutSummary.strings(t.pending()))
                    .append(",\"note\":").append(PlanJson.nullable(t.note()))
                    .append(",\"findings\":[");
            LintReportText.findingsJson(json, t.findings());
            json.append("]}");
        }
        long failed = report.targets().stream().filter(t -> !t.passed()).count();
        return json.append("],\"counts\":{\"targets\":").append(report.targets().size()).append(",\"failed\":")
                .append(failed).append("}}").toString();
    }

    /** {@code 2 unacknowledged (DATA_LOSS, TABLE_REWRITE)}, or {@code none}. */
    private static String kinds(FleetLint.TargetLint t) {
        if (t.passed()) {
            return "none";
        }
        TreeSet<HazardKind> kinds = new TreeSet<>();
        t.findings().forEach(f -> kinds.add(f.hazard().kind()));
        return t.findings().size() + " unacknowledged (" + String.join(", ", kinds.stream().map(Enum::name).toList())
                + ")";
    }
}
