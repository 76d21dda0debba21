package dev.autogen.generator.cli;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.generator.project.Lint;
import dev.autogen.hazard.Hazard;
import dev.autogen.hazard.LintFinding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Lint.Report} as text (for people: each finding with its revision, operation, hazard, safe alternative and
 * how to acknowledge it) or JSON (for tools): {@code {"passed":false,"scope":"pending","dialect":"PostgreSQL",
 * "revisions":[...],"note":null,"findings":[{"revision":"...","class":"...","operation":1,"op":"DropColumn",
 * "text":"...","kind":"DATA_LOSS","table":"...","why":"...","alternative":"..."}]}} ({@code operation} counts from 1
 * in {@code upgrade()}).
 */
final class LintReportText {
    private LintReportText() {
    }

    static void print(PrintWriter out, Lint.Report report) {
        report.note().ifPresent(note -> out.println("Note: " + note + "."));
        String scope = report.scope().name().toLowerCase(Locale.ROOT) + ", " + count(report.revisions().size(), "revision")
                + ", " + report.dialect().displayName();
        if (report.passed()) {
            out.println("Lint passed (" + scope + "): no unacknowledged hazard.");
            return;
        }
        out.println("Lint failed (" + scope + "): " + count(report.findings().size(), "unacknowledged hazard") + ":");
        printFindings(out, report.findings());
    }

    /** Each finding under its revision and operation, with the safe alternative, then how to acknowledge one. */
    static void printFindings(PrintWriter out, List<LintFinding> findings) {
        String last = null;
        for (LintFinding finding : findings) {
            String where = finding.revision().id() + " " + finding.revision().simpleName() + ", upgrade operation "
                    + (finding.index() + 1) + ": " + OperationText.line(finding.operation());
            if (!where.equals(last)) {
                out.println("  " + where);
                last = where;
            }
            Hazard hazard = finding.hazard();
            out.println("    ! " + hazard.line());
            if (hazard.alternative() != null) {
                out.println("      safe alternative: " + hazard.alternative());
            }
        }
        out.println("Make the change the safe way, or accept a hazard in the migration after its operation:"
                + " .acknowledge(HazardKind.KIND, \"why it is acceptable\") (lint.accept=KIND,... accepts a kind"
                + " everywhere).");
    }

    static String json(Lint.Report report) {
        StringBuilder json = new StringBuilder("{\"passed\":").append(report.passed())
                .append(",\"scope\":").append(PlanJson.string(report.scope().name().toLowerCase(Locale.ROOT)))
                .append(",\"dialect\":").append(PlanJson.string(report.dialect().displayName()))
                .append(",\"revisions\":[");
        List<String> revisions = report.revisions();
        for (int i = 0; i < revisions.size(); i++) {
            json.append(i > 0 ? "," : "").append(PlanJson.string(revisions.get(i)));
        }
        json.append("],\"note\":").append(PlanJson.nullable(report.note().orElse(null))).append(",\"findings\":[");
        findingsJson(json, report.findings());
        return json.append("]}").toString();
    }

    /** {@code [{"revision":..,"class":..,"operation":1,...},...]} appended to {@code json}, without the brackets. */
    static void findingsJson(StringBuilder json, List<LintFinding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            LintFinding finding = findings.get(i);
            Hazard hazard = finding.hazard();
            json.append(i > 0 ? "," : "").append("{\"revision\":").append(PlanJson.string(finding.revision().id()))
                    .append(",\"class\":").append(PlanJson.string(finding.revision().simpleName()))
                    .append(",\"operation\":").append(finding.index() + 1)
                    .append(",\"op\":").append(PlanJson.string(finding.operation().getClass().getSimpleName()))
                    .append(",\"text\":").append(PlanJson.string(OperationText.line(finding.operation())))
                    .append(",\"kind\":").append(PlanJson.string(hazard.kind().name()))
                    .append(",\"table\":").append(PlanJson.nullable(hazard.table()))
                    .append(",\"why\":").append(PlanJson.string(hazard.why()))
                    .append(",\"alternative\":").append(PlanJson.nullable(hazard.alternative())).append('}');
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
