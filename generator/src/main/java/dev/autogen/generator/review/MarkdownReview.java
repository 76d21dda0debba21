package dev.autogen.generator.review;

import dev.autogen.generator.review.RevisionReview.ReviewedOperation;
import dev.autogen.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reviews as GitHub-flavoured Markdown, to paste (or post from CI) as a pull-request comment: each revision's
 * message, parents and operations with hazards and explanations, then its before/after diagrams (Mermaid, which
 * GitHub draws) and its SQL per dialect, folded in {@code <details>}.
 *
 * <p>GitHub refuses comments longer than {@value #LIMIT} characters, so the text is cut to fit: the operations of
 * every revision come first; diagrams and SQL are kept, in revision order, while they fit; when even the operations do
 * not fit, the list stops where the budget ends. Whatever was left out is named in a note at the end, with the command
 * that shows all of it.
 */
public final class MarkdownReview {
    /** GitHub's limit on the length of a comment (characters). */
    public static final int LIMIT = 65_536;
    /** Room kept for the note that says what was left out. */
    private static final int NOTE_ROOM = 1_500;

    private final int limit;

    public MarkdownReview() {
        this(LIMIT);
    }

    MarkdownReview(int limit) {
        this.limit = limit;
    }

    /** One piece of a revision's section that may be left out (a diagram pair, one dialect's SQL). */
    private record Extra(String what, String text) {
    }

    /** A revision's section: the header and operation blocks always wanted, the extras when they fit. */
    private record Section(RevisionReview review, String header, List<String> operations, List<Extra> extras) {
    }

    /** The whole comment for {@code reviews}, under the limit. */
    public String of(String title, List<RevisionReview> reviews) {
        List<Section> sections = reviews.stream().map(MarkdownReview::section).toList();
        StringBuilder intro = new StringBuilder("## ").append(Markup.markdown(title)).append("\n\n");
        int budget = limit - NOTE_ROOM - intro.length();
        List<String> leftOut = new ArrayList<>();
        List<StringBuilder> bodies = new ArrayList<>();
        boolean cut = false;
        for (Section section : sections) {
            if (cut || section.header().length() > budget) {
                leftOut.add("revision " + section.review().id());
                cut = true;
                continue;
            }
            StringBuilder body = new StringBuilder(section.header());
            budget -= section.header().length();
            int kept = 0;
            for (String block : section.operations()) {
                if (block.length() > budget) {
                    break;
                }
                body.append(block);
                budget -= block.length();
                kept++;
            }
            if (kept < section.operations().size()) {
                long all = section.operations().stream().filter(MarkdownReview::isOperation).count();
                long shown = section.operations().subList(0, kept).stream().filter(MarkdownReview::isOperation).count();
                leftOut.add((all - shown) + " of " + all + " upgrade and downgrade operations of revision "
                        + section.review().id());
                cut = true;
            }
            bodies.add(body);
        }
        for (int i = 0; i < bodies.size(); i++) {
            for (Extra extra : sections.get(i).extras()) {
                if (!cut && extra.text().length() <= budget) {
                    bodies.get(i).append(extra.text());
                    budget -= extra.text().length();
                } else {
                    leftOut.add(extra.what() + " of revision " + sections.get(i).review().id());
                }
            }
        }
        StringBuilder out = intro;
        bodies.forEach(out::append);
        if (!leftOut.isEmpty()) {
            out.append("\n> **Cut to fit a pull-request comment (").append(LIMIT).append(" characters).** Left out: ");
            String list = String.join("; ", leftOut);
            int room = NOTE_ROOM - 300;
            out.append(Markup.markdown(list.length() > room ? list.substring(0, room) + " … and more" : list))
                    .append(". The whole review: `autogen review --format html`.\n");
        }
        return out.toString();
    }

    private static Section section(RevisionReview review) {
        StringBuilder header = new StringBuilder("### ").append(Markup.markdownCode(review.id())).append(' ')
                .append(Markup.markdown(review.message())).append("\n\n");
        header.append("Parents: ").append(review.parents().isEmpty() ? "_base_"
                : String.join(", ", review.parents().stream().map(Markup::markdownCode).toList()))
                .append(review.head() ? " · **head**" : "")
                .append(review.touched().isEmpty() ? "" : " · tables: " + String.join(", ",
                        review.touched().stream().sorted().map(Markup::markdownCode).toList()))
                .append("\n\n**Upgrade** (").append(count(review.upgrade().size())).append(")\n\n");
        List<String> operations = new ArrayList<>();
        review.upgrade().forEach(op -> operations.add(block(op)));
        operations.add("\n**Downgrade** (" + count(review.downgrade().size()) + ")\n\n");
        review.downgrade().forEach(op -> operations.add(block(op)));
        operations.add("\n");
        List<Extra> extras = new ArrayList<>();
        if (review.diagramNote() != null) {
            operations.add("_" + Markup.markdown(review.diagramNote()) + "_\n\n");
        } else {
            extras.add(new Extra("the diagrams", "<details><summary>Tables before and after (changes marked)"
                    + "</summary>\n\n**Before**\n\n" + diagram(review.before(), "none of these tables exists yet")
                    + "\n**After**\n\n" + diagram(review.after(), "none of these tables is left")
                    + "\n</details>\n\n"));
        }
        for (Dialect dialect : new TreeSet<>(review.sql().keySet())) { // dialect order; only what was rendered
            extras.add(new Extra("the " + dialect.displayName() + " SQL", "<details><summary>SQL ("
                    + dialect.displayName() + ")</summary>\n\n" + Markup.markdownFence("sql", review.sql().get(dialect))
                    + "\n</details>\n\n"));
        }
        return new Section(review, header.toString(), operations, extras);
    }

    private static String diagram(ErDiagram diagram, String whenEmpty) {
        return diagram.tables().isEmpty() ? "_" + whenEmpty + "_\n" : Markup.markdownFence("mermaid", MermaidErd.of(diagram));
    }

    /** Whether a block of a section's operation list is an operation (the others are headings between them). */
    private static boolean isOperation(String block) {
        return block.startsWith("- ");
    }

    private static String block(ReviewedOperation op) {
        StringBuilder block = new StringBuilder("- ").append(Markup.markdownCode(op.text())).append('\n');
        for (String hazard : op.hazards()) {
            block.append("  - :warning: ").append(Markup.markdown(hazard)).append('\n');
        }
        for (String acknowledgement : op.acknowledgements()) {
            block.append("  - acknowledged ").append(Markup.markdown(acknowledgement)).append('\n');
        }
        if (op.because() != null) {
            block.append("  - because: ").append(Markup.markdown(op.because())).append('\n');
        }
        return block.toString();
    }

    static String count(int operations) {
        return operations + " operation" + (operations == 1 ? "" : "s");
    }
}
