package dev.autogen.generator.review;

import dev.autogen.generator.review.RevisionReview.ReviewedOperation;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.TreeSet;

/**
 * Reviews as one self-contained HTML page (see {@link HtmlPage}): per revision its message and parents, a table of
 * operations with their hazards and explanations, the tables it touches before and after it as inline SVG laid out
 * by ELK ({@link ElkSvgErd}), changes coloured, and its SQL per dialect. Nothing is cut: the page has no size limit.
 */
public final class HtmlReview {
    private HtmlReview() {
    }

    /** The page for {@code reviews}. */
    public static String of(String title, List<RevisionReview> reviews) {
        StringBuilder body = new StringBuilder("<h1>").append(Markup.html(title)).append("</h1>\n");
        body.append("<p class=\"legend\">Changes: <span class=\"added\">added</span><span class=\"changed\">changed"
                + "</span><span class=\"dropped\">dropped</span> · tenant-isolated tables have a dashed border.</p>\n");
        for (RevisionReview review : reviews) {
            revision(body, review);
        }
        return HtmlPage.of(title, body.toString());
    }

    private static void revision(StringBuilder body, RevisionReview review) {
        body.append("<section class=\"revision\" id=\"r-").append(Markup.html(review.id())).append("\">\n")
                .append("<h2><code>").append(Markup.html(review.id())).append("</code> ")
                .append(Markup.html(review.message())).append("</h2>\n<p class=\"meta\">Parents: ")
                .append(review.parents().isEmpty() ? "<em>base</em>"
                        : String.join(", ", review.parents().stream().map(p -> "<code>" + Markup.html(p) + "</code>")
                                .toList()))
                .append(review.head() ? " · <strong>head</strong>" : "").append("</p>\n");
        operations(body, "Upgrade", review.upgrade());
        if (review.diagramNote() != null) {
            body.append("<p class=\"meta\"><em>").append(Markup.html(review.diagramNote())).append("</em></p>\n");
        } else {
            body.append("<div class=\"diagrams\">\n<figure><figcaption>Before</figcaption>")
                    .append(diagram(review.before(), "none of these tables exists yet"))
                    .append("</figure>\n<figure><figcaption>After</figcaption>")
                    .append(diagram(review.after(), "none of these tables is left")).append("</figure>\n</div>\n");
        }
        for (Dialect dialect : new TreeSet<>(review.sql().keySet())) { // dialect order; only what was rendered
            body.append("<h3>SQL (").append(dialect.displayName()).append(")</h3>\n<pre><code>")
                    .append(Markup.htmlBlock(review.sql().get(dialect))).append("</code></pre>\n");
        }
        operations(body, "Downgrade", review.downgrade());
        body.append("</section>\n");
    }

    private static String diagram(ErDiagram diagram, String whenEmpty) {
        return diagram.tables().isEmpty() ? "<p class=\"meta\"><em>" + whenEmpty + "</em></p>" : ElkSvgErd.of(diagram);
    }

    private static void operations(StringBuilder body, String title, List<ReviewedOperation> operations) {
        body.append("<h3>").append(title).append(" (").append(MarkdownReview.count(operations.size()))
                .append(")</h3>\n");
        if (operations.isEmpty()) {
            return;
        }
        body.append("<table class=\"ops\"><thead><tr><th>operation</th><th>hazards and notes</th></tr></thead>"
                + "<tbody>\n");
        for (ReviewedOperation op : operations) {
            body.append("<tr><td><code>").append(Markup.html(op.text())).append("</code></td><td>");
            for (String hazard : op.hazards()) {
                body.append("<div class=\"hazard\">⚠ ").append(Markup.html(hazard)).append("</div>");
            }
            for (String acknowledgement : op.acknowledgements()) {
                body.append("<div>acknowledged ").append(Markup.html(acknowledgement)).append("</div>");
            }
            if (op.because() != null) {
                body.append("<div class=\"because\">because: ").append(Markup.html(op.because())).append("</div>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
    }
}
