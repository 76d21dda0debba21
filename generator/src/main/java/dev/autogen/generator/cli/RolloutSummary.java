package dev.autogen.generator.cli;

import dev.autogen.migrate.fleet.RolloutReport;
import dev.autogen.migrate.fleet.TargetOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of {@code upgrade --targets} / {@code downgrade --targets}: a table of every target in the targets file's
 * order ({@code TARGET  OUTCOME  DETAIL}) and a count line, or the same as one JSON object for tools:
 * {@code {"command":"upgrade","target":"head","targets":[{"target":"eu-1/tenant_07","outcome":"failed",
 * "revisions":[],"current":[],"message":"..."}],"counts":{"migrated":0,...}}}.
 */
final class RolloutSummary {
    private RolloutSummary() {
    }

    static List<String> text(RolloutReport report) {
        boolean upgrade = report.command().equals("upgrade");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "OUTCOME", "DETAIL"});
        for (TargetOutcome o : report.outcomes()) {
            rows.add(new String[] {o.target().key(), outcome(o, upgrade), detail(o)});
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int outcomeWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add((pad(row[0], width) + "  " + pad(row[1], outcomeWidth) + "  " + row[2]).stripTrailing());
        }
        lines.add(count(report, upgrade));
        return lines;
    }

    static String count(RolloutReport report, boolean upgrade) {
        int n = report.outcomes().size();
        return n + " target" + (n == 1 ? "" : "s") + ": " + report.of(TargetOutcome.Migrated.class).size()
                + (upgrade ? " upgraded, " : " downgraded, ") + report.of(TargetOutcome.AtTarget.class).size()
                + " already there, " + report.of(TargetOutcome.DoneEarlier.class).size() + " done earlier, "
                + report.failed().size() + " failed, " + report.of(TargetOutcome.NotStarted.class).size()
                + " not started.";
    }

    static String json(RolloutReport report) {
        StringBuilder json = new StringBuilder("{\"command\":").append(PlanJson.string(report.command()))
                .append(",\"target\":").append(PlanJson.string(report.target())).append(",\"targets\":[");
        for (int i = 0; i < report.outcomes().size(); i++) {
            TargetOutcome o = report.outcomes().get(i);
            json.append(i > 0 ? "," : "").append("{\"target\":").append(PlanJson.string(o.target().key()))
                    .append(",\"name\":").append(PlanJson.string(o.target().spec().name()))
                    .append(",\"schema\":").append(PlanJson.nullable(o.target().schema()))
                    .append(",\"outcome\":").append(PlanJson.string(kind(o)))
                    .append(",\"revisions\":").append(strings(o instanceof TargetOutcome.Migrated m ? m.revisions()
                            : List.of()))
                    .append(",\"current\":").append(current(o) == null ? "null" : strings(current(o)))
                    .append(",\"message\":").append(PlanJson.nullable(o instanceof TargetOutcome.Failed f
                            ? f.message() : null))
                    .append('}');
        }
        json.append("],\"counts\":{\"migrated\":").append(report.of(TargetOutcome.Migrated.class).size())
                .append(",\"atTarget\":").append(report.of(TargetOutcome.AtTarget.class).size())
                .append(",\"doneEarlier\":").append(report.of(TargetOutcome.DoneEarlier.class).size())
                .append(",\"failed\":").append(report.failed().size())
                .append(",\"notStarted\":").append(report.of(TargetOutcome.NotStarted.class).size()).append("}}");
        return json.toString();
    }

    private static String kind(TargetOutcome o) {
        return switch (o) {
            case TargetOutcome.Migrated m -> "migrated";
            case TargetOutcome.AtTarget a -> "at-target";
            case TargetOutcome.DoneEarlier d -> "done-earlier";
            case TargetOutcome.Failed f -> "failed";
            case TargetOutcome.NotStarted n -> "not-started";
        };
    }

    private static String outcome(TargetOutcome o, boolean upgrade) {
        return switch (o) {
            case TargetOutcome.Migrated m -> upgrade ? "upgraded" : "downgraded";
            case TargetOutcome.AtTarget a -> "already there";
            case TargetOutcome.DoneEarlier d -> "done earlier";
            case TargetOutcome.Failed f -> "FAILED";
            case TargetOutcome.NotStarted n -> "not started";
        };
    }

    private static String detail(TargetOutcome o) {
        return switch (o) {
            case TargetOutcome.Migrated m -> m.revisions().size() + " revision" + (m.revisions().size() == 1 ? "" : "s")
                    + ", at " + at(m.current());
            case TargetOutcome.AtTarget a -> "at " + at(a.current());
            case TargetOutcome.DoneEarlier d -> "(state file)";
            case TargetOutcome.Failed f -> "(at " + at(f.current()) + ") " + f.message();
            case TargetOutcome.NotStarted n -> "";
        };
    }

    /** The version rows an outcome knows, or null (done earlier, not started: not read). */
    private static List<String> current(TargetOutcome o) {
        return switch (o) {
            case TargetOutcome.Migrated m -> m.current();
            case TargetOutcome.AtTarget a -> a.current();
            case TargetOutcome.Failed f -> f.current();
            case TargetOutcome.DoneEarlier d -> null;
            case TargetOutcome.NotStarted n -> null;
        };
    }

    static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i > 0 ? "," : "").append(PlanJson.string(values.get(i)));
        }
        return json.append(']').toString();
    }

    private static String at(List<String> current) {
        return current.isEmpty() ? "base" : String.join(", ", current);
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
