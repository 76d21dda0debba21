package dev.autogen.generator.review;

import dev.autogen.generator.review.ErDiagram.Attribute;
import dev.autogen.generator.review.ErDiagram.Change;
import dev.autogen.generator.review.ErDiagram.Entity;
import dev.autogen.generator.review.ErDiagram.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ErDiagram} as Mermaid {@code erDiagram} text, which GitHub renders in Markdown. Tables get generated
 * identifiers ({@code t1}, {@code t2}, …) and their real names as quoted labels, so no table name can break the
 * syntax; what a review changed is written next to the table ({@code (added)}) and in the column's comment.
 */
public final class MermaidErd {
    private MermaidErd() {
    }

    /** The diagram's Mermaid text, one statement a line, ending in a line break. */
    public static String of(ErDiagram diagram) {
        Map<String, String> ids = new HashMap<>();
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Entity table : diagram.tables()) {
            String id = "t" + (ids.size() + 1);
            ids.put(table.name(), id);
            List<String> notes = new ArrayList<>();
            if (table.tenantIsolated()) {
                notes.add("tenant-isolated");
            }
            if (table.change() != Change.NONE) {
                notes.add(table.change().word());
            }
            String label = table.name() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
            out.append("    ").append(id).append("[\"").append(Markup.mermaidLabel(label)).append("\"] {\n");
            for (Attribute column : table.columns()) {
                out.append("        ").append(attribute(column)).append('\n');
            }
            out.append("    }\n");
        }
        for (Relation relation : diagram.relations()) {
            String parent = ids.get(relation.parent());
            String child = ids.get(relation.child());
            if (parent == null || child == null) {
                continue;
            }
            String label = String.join(", ", relation.columns())
                    + (relation.change() == Change.NONE ? "" : " (" + relation.change().word() + ")");
            out.append("    ").append(parent).append(' ').append(relation.optional() ? "|o" : "||").append("--")
                    .append(relation.oneToOne() ? "o|" : "o{").append(' ').append(child)
                    .append(" : \"").append(Markup.mermaidLabel(label)).append("\"\n");
        }
        return out.toString();
    }

    private static String attribute(Attribute column) {
        StringBuilder line = new StringBuilder(Markup.mermaidType(column.type())).append(' ')
                .append(Markup.mermaidWord(column.name()));
        List<String> keys = new ArrayList<>();
        if (column.primaryKey()) {
            keys.add("PK");
        }
        if (column.foreignKey()) {
            keys.add("FK");
        }
        if (column.unique() && !column.primaryKey()) {
            keys.add("UK");
        }
        if (!keys.isEmpty()) {
            line.append(' ').append(String.join(", ", keys));
        }
        List<String> notes = new ArrayList<>();
        if (!Markup.mermaidWord(column.name()).equals(column.name())) {
            notes.add(column.name());
        }
        if (column.nullable()) {
            notes.add("null");
        }
        if (column.change() != Change.NONE) {
            notes.add(column.change().word());
        }
        if (!notes.isEmpty()) {
            line.append(" \"").append(Markup.mermaidLabel(String.join(", ", notes))).append('"');
        }
        return line.toString();
    }
}
