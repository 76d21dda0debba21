package dev.autogen.generator.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile names and messages stay plain text in every format (the Mermaid parser test checks Mermaid for real). */
class MarkupTest {

    @Test
    void htmlEscapesTagsQuotesAndAmpersandsOnOneLine() {
        assertEquals("ord&quot;]{&lt;script&gt;alert(1)&lt;/script&gt;``x", Markup.html(HostileSchema.ORDERS));
        assertEquals("a &amp; b &#39;c&#39; d", Markup.html("a & b 'c'\nd"));
        assertEquals("x\n&lt;/pre&gt;", Markup.htmlBlock("x\n</pre>"));
    }

    @Test
    void markdownTextCannotOpenHtmlEmphasisLinksOrHeadings() {
        String escaped = Markup.markdown("# <details>*x* [a](b) | `c`\nd");
        assertEquals("\\# &lt;details\\>\\*x\\* \\[a\\]\\(b\\) \\| \\`c\\` d", escaped);
        assertFalse(escaped.contains("\n"));
    }

    @Test
    void codeSpansAndFencesAreLongerThanAnyRunOfBackticksInThem() {
        assertEquals("```ord\"]{<script>alert(1)</script>``x```", Markup.markdownCode(HostileSchema.ORDERS));
        assertEquals("`` `a` ``", Markup.markdownCode("`a`"));
        String fence = Markup.markdownFence("sql", "select 1;\n```\n-- ````\n");
        assertTrue(fence.startsWith("`````sql\n") && fence.endsWith("\n`````\n"), fence);
    }

    @Test
    void mermaidWordsTypesAndLabelsKeepOnlyWhatMermaidReadsAsText() {
        assertEquals("ord____script_alert_1___script___x", Markup.mermaidWord(HostileSchema.ORDERS));
        assertEquals("no_te______details_", Markup.mermaidWord(HostileSchema.NOTE));
        assertEquals("PK_", Markup.mermaidWord("PK"));
        assertEquals("_1st", Markup.mermaidWord("1st"));
        assertEquals("numeric(12_4)", Markup.mermaidType("numeric(12,4)"));
        assertEquals("timestamp(6)_with_time_zone", Markup.mermaidType("timestamp(6) with time zone"));
        String label = Markup.mermaidLabel(HostileSchema.ORDERS + " #quot; %% ;");
        assertFalse(label.contains("\"") || label.contains("<") || label.contains("#") || label.contains("%")
                || label.contains(";") || label.contains("{"), label);
    }
}
