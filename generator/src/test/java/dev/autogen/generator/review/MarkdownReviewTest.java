package dev.autogen.generator.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autogen.generator.review.RevisionReview.ReviewedOperation;
import dev.autogen.schema.Schema;
import dev.autogen.sql.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Markdown comment: hostile messages stay text, and what does not fit is named, revision by revision. */
class MarkdownReviewTest {

    @Test
    void aHostileMessageCannotCloseTheDetailsOrStartAHeading() {
        String md = new MarkdownReview().of("review", List.of(review("aaaaaaaaaaaa", "x</details>\n# pwned `y`", 1)));
        assertTrue(md.contains("### `aaaaaaaaaaaa` x&lt;/details\\> \\# pwned \\`y\\`\n"), md);
        assertFalse(md.contains("\n# pwned"), md);
        assertTrue(md.contains("```mermaid\nerDiagram\n"), md);
        assertTrue(md.contains("<details><summary>SQL (SQLite)</summary>\n\n```sql\nselect 1;\n```\n"), md);
    }

    @Test
    void aLaterRevisionThatDoesNotFitIsNamedInTheNote() {
        List<RevisionReview> reviews = List.of(review("aaaaaaaaaaaa", "first", 3), review("bbbbbbbbbbbb", "second", 40));
        String md = new MarkdownReview(3_000).of("review", reviews);
        assertTrue(md.length() <= 3_000, "length " + md.length());
        assertTrue(md.contains("### `aaaaaaaaaaaa` first"), md);
        assertTrue(md.contains("Left out: "), md);
        assertTrue(md.contains("upgrade and downgrade operations of revision bbbbbbbbbbbb"), md);
        assertTrue(md.contains("the diagrams of revision aaaaaaaaaaaa"), md);
    }

    private static RevisionReview review(String id, String message, int operations) {
        List<ReviewedOperation> ops = java.util.stream.IntStream.range(0, operations)
                .mapToObj(i -> new ReviewedOperation("AddColumn tenants c" + i + " text null",
                        List.of("SCANS_TABLE: reads every row"), List.of(), "because " + i))
                .toList();
        Schema before = new Schema(List.of(HostileSchema.tenants()), List.of());
        Schema after = HostileSchema.schema();
        Set<String> touched = ErDiagrams.touched(before, after);
        return new RevisionReview(id, message, List.of(), true, ops, List.of(),
                Map.of(Dialect.POSTGRESQL, "select 1;\n", Dialect.SQLITE, "select 1;\n"), touched,
                ErDiagrams.before(before, after, touched), ErDiagrams.after(before, after, touched), null);
    }
}
