package dev.autogen.generator.cli;

import dev.autogen.generator.diff.OperationText;
import dev.autogen.op.Operation;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON for tools: {@code {"operations":[{"op":"AddColumn","table":"users","text":"...",
 * "warnings":[...]}]}}. Written by hand: autogen's JSON needs are too small for a JSON library dependency.
 */
final class PlanJson {
    private PlanJson() {
    }

    static String of(List<Operation> plan, Map<Integer, List<String>> warnings) {
        StringBuilder json = new StringBuilder("{\"operations\":[");
        for (int i = 0; i < plan.size(); i++) {
            Operation operation = plan.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"op\":").append(string(operation.getClass().getSimpleName()))
                    .append(",\"text\":").append(string(OperationText.line(operation)))
                    .append(",\"warnings\":[");
            List<String> lines = warnings.getOrDefault(i, List.of());
            for (int w = 0; w < lines.size(); w++) {
                json.append(w > 0 ? "," : "").append(string(lines.get(w)));
            }
            json.append("]}");
        }
        return json.append("]}").toString();
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
