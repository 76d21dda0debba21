package dev.autogen.generator.review;

import dev.autogen.generator.review.ErDiagram.Attribute;
import dev.autogen.generator.review.ErDiagram.Change;
import dev.autogen.generator.review.ErDiagram.Entity;
import dev.autogen.generator.review.ErDiagram.Relation;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * An {@link ErDiagram} as a standalone SVG, laid out by Eclipse ELK's layered algorithm (tables are nodes, foreign
 * keys edges from the referencing table to the referenced one, routed orthogonally). This class only measures the
 * boxes and draws what ELK placed: it never positions anything itself. Text is monospace so that box widths can be
 * measured from character counts without a font library. Same diagram, same SVG (ELK's layered layout is seeded).
 */
public final class ElkSvgErd {
    private static final double CHAR = 7.4;
    private static final double ROW = 18;
    private static final double HEADER = 24;
    private static final double PAD = 8;

    private ElkSvgErd() {
    }

    /** The diagram as an {@code <svg>} element (no XML declaration, so it can be inlined into HTML as it is). */
    public static String of(ErDiagram diagram) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
        Map<String, ElkNode> nodes = new HashMap<>();
        for (Entity table : diagram.tables()) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier("t" + (nodes.size() + 1));
            node.setDimensions(width(table), HEADER + ROW * Math.max(1, table.columns().size()) + PAD / 2);
            nodes.put(table.name(), node);
        }
        Map<ElkEdge, Relation> edges = new HashMap<>();
        for (Relation relation : diagram.relations()) {
            ElkNode child = nodes.get(relation.child());
            ElkNode parent = nodes.get(relation.parent());
            if (child != null && parent != null) {
                edges.put(ElkGraphUtil.createSimpleEdge(child, parent), relation);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" width=\"").append(n(root.getWidth()))
                .append("\" height=\"").append(n(root.getHeight())).append("\" viewBox=\"0 0 ")
                .append(n(root.getWidth())).append(' ').append(n(root.getHeight())).append("\" role=\"img\">\n")
                .append("<style>.erd text{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}"
                        + ".erd .head{font-weight:bold}.erd .dropped text{text-decoration:line-through}</style>\n");
        for (ElkEdge edge : root.getContainedEdges()) {
            edge(svg, edge, edges.get(edge));
        }
        for (Entity table : diagram.tables()) {
            table(svg, table, nodes.get(table.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double width(Entity table) {
        int name = table.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        int type = table.columns().stream().mapToInt(c -> c.type().length() + (c.nullable() ? 1 : 0)).max().orElse(0);
        int header = header(table).length();
        return Math.ceil(Math.max(header, 4 + name + 2 + type) * CHAR + 2 * PAD);
    }

    private static String header(Entity table) {
        return table.name() + (table.tenantIsolated() ? " [tenant-isolated]" : "")
                + (table.change() == Change.NONE ? "" : " (" + table.change().word() + ")");
    }

    private static void table(StringBuilder svg, Entity table, ElkNode node) {
        double x = node.getX();
        double y = node.getY();
        double w = node.getWidth();
        svg.append("<g class=\"table ").append(table.change().name().toLowerCase(Locale.ROOT))
                .append(table.tenantIsolated() ? " tenant" : "").append("\" data-table=\"")
                .append(Markup.html(table.name())).append("\">\n");
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(node.getHeight())).append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"")
                .append(stroke(table.change())).append("\" stroke-width=\"1.5\"")
                .append(table.tenantIsolated() ? " stroke-dasharray=\"6 3\"" : "").append("/>\n");
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(HEADER)).append("\" rx=\"4\" fill=\"").append(fill(table.change(), true))
                .append("\"/>\n");
        svg.append("<text class=\"head\" x=\"").append(n(x + PAD)).append("\" y=\"").append(n(y + 16)).append("\">")
                .append(Markup.html(header(table))).append("</text>\n");
        double row = y + HEADER;
        for (Attribute column : table.columns()) {
            svg.append("<g class=\"column ").append(column.change().name().toLowerCase(Locale.ROOT)).append("\">");
            if (column.change() != Change.NONE) {
                svg.append("<rect x=\"").append(n(x + 1)).append("\" y=\"").append(n(row + 1)).append("\" width=\"")
                        .append(n(w - 2)).append("\" height=\"").append(n(ROW - 2)).append("\" fill=\"")
                        .append(fill(column.change(), false)).append("\"/>");
            }
            String key = column.primaryKey() ? "PK" : column.foreignKey() ? "FK" : column.unique() ? "UK" : "";
            double base = row + 13;
            svg.append("<text x=\"").append(n(x + PAD)).append("\" y=\"").append(n(base)).append("\" fill=\"#57606a\">")
                    .append(key).append("</text>");
            svg.append("<text x=\"").append(n(x + PAD + 4 * CHAR)).append("\" y=\"").append(n(base)).append("\">")
                    .append(Markup.html(column.name())).append("</text>");
            svg.append("<text x=\"").append(n(x + w - PAD)).append("\" y=\"").append(n(base))
                    .append("\" text-anchor=\"end\" fill=\"#57606a\">")
                    .append(Markup.html(column.type() + (column.nullable() ? "?" : ""))).append("</text></g>\n");
            row += ROW;
        }
        svg.append("</g>\n");
    }

    private static void edge(StringBuilder svg, ElkEdge edge, Relation relation) {
        for (ElkEdgeSection section : edge.getSections()) {
            StringBuilder points = new StringBuilder(n(section.getStartX()) + "," + n(section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.append(' ').append(n(bend.getX())).append(',').append(n(bend.getY()));
            }
            points.append(' ').append(n(section.getEndX())).append(',').append(n(section.getEndY()));
            svg.append("<g class=\"relation ").append(relation.change().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append("<title>").append(Markup.html(relation.child() + "(" + String.join(", ", relation.columns())
                            + ") -> " + relation.parent())).append("</title>")
                    .append("<polyline fill=\"none\" stroke=\"").append(stroke(relation.change()))
                    .append("\" stroke-width=\"1.2\" points=\"").append(points).append("\"/>");
            svg.append("<text x=\"").append(n(section.getStartX() + 4)).append("\" y=\"")
                    .append(n(section.getStartY() - 4)).append("\" fill=\"#57606a\">")
                    .append(relation.oneToOne() ? "0..1" : "*").append("</text>");
            svg.append("<text x=\"").append(n(section.getEndX() - 4)).append("\" y=\"").append(n(section.getEndY() - 4))
                    .append("\" text-anchor=\"end\" fill=\"#57606a\">").append(relation.optional() ? "0..1" : "1")
                    .append("</text></g>\n");
        }
    }

    private static String stroke(Change change) {
        return switch (change) {
            case NONE -> "#6e7781";
            case ADDED -> "#1a7f37";
            case CHANGED -> "#9a6700";
            case DROPPED -> "#cf222e";
        };
    }

    private static String fill(Change change, boolean header) {
        return switch (change) {
            case NONE -> header ? "#eaeef2" : "#ffffff";
            case ADDED -> "#dafbe1";
            case CHANGED -> "#fff8c5";
            case DROPPED -> "#ffebe9";
        };
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

}
