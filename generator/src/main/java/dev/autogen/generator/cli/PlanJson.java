package dev.autogen.generator.cli;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.hazard.Hazard;
import dev.autogen.op.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan as JSON for tools: {@code {"operations":[{"op":"AddColumn","text":"...","because":"...",
 * "hazards":[{"kind":"DATA_LOSS","table":"users","why":"...","alternative":"..."}]}],"hints":[...]}}
 * ({@code table} and {@code alternative} are null when the hazard has none) ({@code because} from {@code diff} only; {@code hints} only when there are any). Written by hand: autogen's JSON needs are too small for a JSON library dependency.
 */
final class PlanJson {
    private PlanJson() {
    }

    static String of(List<Operation> plan, Map<Integer, List<Hazard>> hazards) {
        return of(plan, hazards, null, List.of());
    }

    /**
     * With {@code "because"} per operation (its {@link dev.autogen.generator.project.OperationExplainer explanation};
     * none when {@code because} is null) and, when there are any, {@code "hints"} after the operations.
     */
    static String of(List<Operation> plan, Map<Integer, List<Hazard>> hazards, List<String> because,
                     List<String> hints) {
        return of(plan, hazards, because, hints, Set.of());
    }

    /** As above; the operations at {@code online} get {@code "online":true} ({@code -m} would mark them). */
    static String of(List<Operation> plan, Map<Integer, List<Hazard>> hazards, List<String> because,
                     List<String> hints, Set<Integer> online) {
        StringBuilder json = new StringBuilder("{\"operations\":[");
        for (int i = 0; i < plan.size(); i++) {
            Operation operation = plan.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"op\":").append(string(operation.getClass().getSimpleName()))
                    .append(",\"text\":").append(string(OperationText.line(operation)));
            if (because != null) {
                json.append(",\"because\":").append(string(because.get(i)));
            }
            if (online.contains(i)) {
                json.append(",\"online\":true");
            }
            json.append(",\"hazards\":").append(hazards(hazards.getOrDefault(i, List.of()))).append('}');
        }
        json.append(']');
        if (!hints.isEmpty()) {
            json.append(",\"hints\":[");
            for (int h = 0; h < hints.size(); h++) {
                json.append(h > 0 ? "," : "").append(string(hints.get(h)));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /**
     * {@code [{"kind":...,"table":...,"why":...,"alternative":...}, ...]}, with {@code "informational":true} on a hazard
     * that never gates lint (MariaDB committing each statement).
     */
    static String hazards(List<Hazard> hazards) {
        StringBuilder json = new StringBuilder("[");
        for (int h = 0; h < hazards.size(); h++) {
            Hazard hazard = hazards.get(h);
            json.append(h > 0 ? "," : "").append("{\"kind\":").append(string(hazard.kind().name()))
                    .append(",\"table\":").append(nullable(hazard.table()))
                    .append(",\"why\":").append(string(hazard.why()))
                    .append(",\"alternative\":").append(nullable(hazard.alternative()))
                    .append(hazard.informational() ? ",\"informational\":true" : "").append('}');
        }
        return json.append(']').toString();
    }

    static String nullable(String value) {
        return value == null ? "null" : string(value);
    }

    static String string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
